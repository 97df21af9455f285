/**
 * GET /api/session for the "My security" page through TanStack Query (queryKeys.session()):
 * whether there is a user account (the password section) and whether the second factor is on
 * (the recovery codes). When the second factor is turned on or off (second-factor.tsx announces
 * `session-changed`) it is fetched again, with everything under it (the recovery-code count).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api';
import { listen } from '../../auth-events';
import { queryKeys } from '../../query/keys';

export function useSessionQuery() {
  const client = useQueryClient();
  useEffect(
    () =>
      listen('session-changed', () => {
        void client.invalidateQueries({ queryKey: queryKeys.session() });
      }),
    [client],
  );
  return useQuery({ queryKey: queryKeys.session(), queryFn: () => api.session() });
}
