/**
 * The shell's session state (issue #16): GET /api/session on start, again when the API answers
 * 403 or the user's own grants change, and after signing in or out. A 401 from any call sets
 * `signInNeeded`: the shell then shows the sign-in form over the page, which stays mounted (what
 * was typed in its forms is kept); signing in again clears it and lets failed loads retry.
 */
import { useCallback, useEffect, useState } from 'react';
import { OPEN_SESSION } from './access';
import { ApiError, api, type Session } from './api';
import { announce, listen } from './auth-events';

export type SessionState = {
  /** Undefined until the first answer. */
  readonly session: Session | undefined;
  /** The first GET /api/session failed (not 401/404); the shell shows it. */
  readonly failure: ApiError | undefined;
  /** A call was refused for want of a session since the page was shown. */
  readonly signInNeeded: boolean;
  /** Call after a successful sign-in: fetches the session and clears `signInNeeded`. */
  readonly signedIn: () => Promise<void>;
  readonly signOut: () => Promise<void>;
};

async function fetchSession(): Promise<Session> {
  try {
    return await api.session();
  } catch (e) {
    // A server from before accounts has no session route: it is open, as it always was.
    if (e instanceof ApiError && e.status === 404) return OPEN_SESSION;
    throw e;
  }
}

export function useSession(): SessionState {
  const [session, setSession] = useState<Session>();
  const [failure, setFailure] = useState<ApiError>();
  const [signInNeeded, setSignInNeeded] = useState(false);
  const refresh = useCallback(async () => {
    try {
      setSession(await fetchSession());
      setFailure(undefined);
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError(0, { code: 'network', message: String(e) }));
    }
  }, []);
  useEffect(() => {
    void refresh();
    const stops = [
      listen('unauthenticated', () => setSignInNeeded(true)),
      listen('forbidden', () => void refresh()),
      listen('session-changed', () => void refresh()),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [refresh]);
  const signedIn = useCallback(async () => {
    await refresh();
    setSignInNeeded(false);
    announce('signed-in');
  }, [refresh]);
  const signOut = useCallback(async () => {
    await api.signOut().catch(() => undefined); // signed out on the server or not, show the sign-in page
    setSignInNeeded(false);
    await refresh();
  }, [refresh]);
  return { session, failure, signInNeeded, signedIn, signOut };
}
