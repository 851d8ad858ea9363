import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ComponentType } from 'react';

// TanStack Query holds the server state of the screens after the first (the connection check, the
// authenticity check), so it comes with them (deferred.tsx): the first screen has none to hold.
const queryClient = new QueryClient({
  // networkMode 'always': the built-in sandbox needs no network, and a call paused while the browser
  // says it is offline could not be cancelled (its abort signal is not looked at until it runs).
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, networkMode: 'always' },
    mutations: { retry: false, networkMode: 'always' },
  },
});

/** `Screen` with the page's one QueryClient above it. */
export function withQueries<P extends object>(Screen: ComponentType<P>): ComponentType<P> {
  return function WithQueries(props: P) {
    return (
      <QueryClientProvider client={queryClient}>
        <Screen {...props} />
      </QueryClientProvider>
    );
  };
}
