import '@mantine/core/styles.css';
import './app/app.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { queryClient } from './app/query-client';
import { preloadPages } from './app/router';
import { theme } from './app/theme';
import { session } from './auth/session';
import { setupI18n } from './i18n';

setupI18n();
void session.restore();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

// The other pages, once the first is up and the browser has nothing better to do.
window.addEventListener('load', () => requestIdleCallback(preloadPages, { timeout: 2_000 }));
