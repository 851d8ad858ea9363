import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

// The real API sends no CORS headers we can rely on, so the dev and preview servers proxy a
// same-origin path to NHN (DESIGN.md, "CORS"). The README shows the same for nginx.
export const DEV_PROXY_PATH = '/nhn-ocr';
const NHN_BASE_URL = 'https://api-ocr.nhncloudservice.com';

const proxy: Record<string, ProxyOptions> = {
  [DEV_PROXY_PATH]: {
    target: NHN_BASE_URL,
    changeOrigin: true,
    rewrite: (path) => path.slice(DEV_PROXY_PATH.length),
  },
};

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    __DEV_PROXY_PATH__: JSON.stringify(DEV_PROXY_PATH),
  },
  server: { proxy, strictPort: true },
  preview: { proxy, strictPort: true },
  build: { target: 'es2022', sourcemap: false },
});
