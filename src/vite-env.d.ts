/// <reference types="vite/client" />

declare const __DEV_PROXY_PATH__: string;

interface ImportMetaEnv {
  readonly VITE_TEST_HOOKS?: string;
}
