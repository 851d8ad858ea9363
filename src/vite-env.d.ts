/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

declare const __DEV_PROXY_PATH__: string;

interface ImportMetaEnv {
  /** 'true' in `--mode e2e` builds only: vite.config.ts sets it from the mode, never from the environment. */
  readonly VITE_TEST_HOOKS?: string;
}

/** A reader model with float16 weights (scripts/compact-models-plugin.ts): its URL, and its size in bytes. */
declare module '*.onnx?compact' {
  const url: string;
  export default url;
  export const bytes: number;
}
