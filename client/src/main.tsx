// Zod's settings before any schema is built (see zod-jitless.ts); then i18n, so the first
// screen is rendered already translated.
import './zod-jitless';
import './i18n';
import './styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isRetryable } from './api/api-error';
import { App } from './app/App';
import { RootErrorBoundary } from './app/RootErrorBoundary';
import { AccountGate } from './features/account/AccountGate';
import { parseViewUrl } from './features/filters/filter-url';
import { FiltersProvider } from './features/filters/FiltersProvider';
import { FocusProvider } from './features/focus/FocusProvider';
import { SelectionProvider } from './features/selection/SelectionProvider';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // A 404 or a bad request will not get better by asking again.
      retry: (failures, error) => failures < 2 && isRetryable(error),
    },
  },
});

// The view a pasted URL asks for: filters, selected node, focus depth.
const initialView = parseViewUrl(window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RootErrorBoundary>
        {/* Who is signed in decides what shows: the app, the sign-in screen or an invitation. */}
        <AccountGate>
          <FiltersProvider initial={initialView.filters}>
            <SelectionProvider initialId={initialView.node}>
              <FocusProvider initialDepth={initialView.depth}>
                <App />
              </FocusProvider>
            </SelectionProvider>
          </FiltersProvider>
        </AccountGate>
      </RootErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
);
