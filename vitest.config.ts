import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import { readerDownloadDefines } from './scripts/reader-download.ts';

export default defineConfig(async () => ({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    __DEV_PROXY_PATH__: JSON.stringify('/nhn-ocr'),
    ...(await readerDownloadDefines()),
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
}));
