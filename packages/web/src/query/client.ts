/**
 * The TanStack Query client of one signed-in user (the shell makes a new one per user, so
 * nothing cached for one is shown to the next). A refused request (4xx) is not tried again: the
 * answer will not change by asking twice; a network failure or a 5xx is tried once more. Queries
 * that failed for want of a session (401) fetch again when someone signs in (auth-events.ts).
 */
import { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../api';
import { listen } from '../auth-events';

const refused = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500;

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: (failures, e) => !refused(e) && failures < 1, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

/** After a new sign-in, fetch again what failed with 401. */
export function useRefetchAfterSignIn(client: QueryClient): void {
  useEffect(
    () =>
      listen('signed-in', () => {
        void client.refetchQueries({
          predicate: (q) => q.state.error instanceof ApiError && q.state.error.status === 401,
        });
      }),
    [client],
  );
}
