/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

declare const __DEV_PROXY_PATH__: string;
/** What the on-device reader fetches the first time, in bytes (scripts/reader-download.ts). */
declare const __READER_DOWNLOAD_BYTES__: number;
/** The same, in megabytes as `megabytes()` writes them, so that the first screen needs no formatting code. */
declare const __READER_DOWNLOAD_MB__: string;
/** The same where the reader runs on the GPU: the models and onnxruntime-web's WebGPU build of its WebAssembly. */
declare const __READER_GPU_DOWNLOAD_BYTES__: number;
declare const __READER_GPU_DOWNLOAD_MB__: string;
/** What an ID card's Hangul adds to it the first time, in bytes and in megabytes. */
declare const __HANGUL_DOWNLOAD_BYTES__: number;
declare const __HANGUL_DOWNLOAD_MB__: string;

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
