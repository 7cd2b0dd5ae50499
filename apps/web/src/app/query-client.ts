import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@web/api/problem';

export const queryClient = new QueryClient({
  defaultOptions: {
    // Offline, say so in words rather than wait silently for the network to come back.
    mutations: { networkMode: 'always' },
    queries: {
      networkMode: 'always',
      staleTime: 30_000,
      // A 4xx will not change by asking again; a network hiccup might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
