import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from '@/app/app';
// no-test-hooks.ts in every build but the e2e one (vite.config.ts).
import { installTestHooks } from '@/app/test-hooks';
import { updateStore } from '@/app/update-prompt-store';
import '@/app/styles.css';

installTestHooks();
// Offline after the first visit (README, "Offline"). The dev server has no service worker: there
// registerSW does nothing.
updateStore.register(registerSW);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
