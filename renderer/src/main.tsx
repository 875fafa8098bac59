import '@fontsource/roboto/400.css';
import '@fontsource/roboto/500.css';
import '@fontsource/roboto/700.css';
import '@fontsource/tinos/400.css';
import '@fontsource/tinos/400-italic.css';
import '@fontsource/tinos/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import { reportError } from './app/report-error';

// A strict CSP forbids eval; zod's JIT would need it.
z.config({ jitless: true });
z.config(z.locales.vi());

window.addEventListener('error', (e) => reportError(e.error ?? e.message, 'window.onerror'));
window.addEventListener('unhandledrejection', (e) => reportError(e.reason, 'unhandledrejection'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
