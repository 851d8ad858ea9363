import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { installTestHooks } from '@/app/test-hooks';
import '@/app/styles.css';

if (import.meta.env.VITE_TEST_HOOKS === 'true') installTestHooks();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
