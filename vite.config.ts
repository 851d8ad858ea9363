import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

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

/**
 * Where the built app may connect besides its own origin. Defaults: both NHN domains and any local
 * port (the Node sandbox, a local proxy). Set CARDLENS_CONNECT_SRC at build time to change it.
 */
export const CONNECT_SRC =
  process.env.CARDLENS_CONNECT_SRC ??
  'https://api-ocr.nhncloudservice.com https://ocr.api.nhncloudservice.com http://127.0.0.1:* http://localhost:*';

/** A strict Content Security Policy in the production build (the dev server needs inline scripts). */
export function contentSecurityPolicy(connectSrc = CONNECT_SRC): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // The in-browser sandbox runs in a same-origin module worker.
    "worker-src 'self'",
  ].join('; ');
}

function cspPlugin(): Plugin {
  return {
    name: 'cardlens-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), cspPlugin()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    __DEV_PROXY_PATH__: JSON.stringify(DEV_PROXY_PATH),
  },
  server: { proxy, strictPort: true },
  preview: { proxy, strictPort: true },
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
});
