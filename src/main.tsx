import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from '@/app/app';
import { installTestHooks } from '@/app/test-hooks';
import { updateStore } from '@/app/update-prompt-store';
import '@/app/styles.css';

if (import.meta.env.VITE_TEST_HOOKS === 'true') installTestHooks();
// Offline after the first visit (README, "Offline"). The dev server has no service worker: there
// registerSW does nothing.
updateStore.register(registerSW);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
