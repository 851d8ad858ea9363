import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
// no-test-hooks.ts in every build but the e2e one (vite.config.ts).
import { installTestHooks } from '@/app/test-hooks';
import { updateStore } from '@/app/update-prompt-store';
import '@/app/styles.css';

installTestHooks();
// Offline after the first visit (README, "Offline"). The dev server has no service worker: there
// registerSW does nothing. Its code comes after the first screen's, and Workbox waits for the page's load
// event in any case.
void import('virtual:pwa-register').then(
  ({ registerSW }) => updateStore.register(registerSW),
  (error: unknown) => console.warn('Cardlens will not work offline: no service worker.', error),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
