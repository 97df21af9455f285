/**
 * Signals between the API client and the shell about the session (issue #16): the API said
 * 401 `unauthenticated` (the shell shows the sign-in form over the page, which stays mounted so
 * that nothing typed is lost), 403 `forbidden` (the shell fetches the session again: a grant may
 * have been withdrawn), the signed-in user's own account was changed (grants: fetch the session
 * again), and someone signed in again (loads that failed with 401 retry).
 */
type Signal = 'unauthenticated' | 'forbidden' | 'session-changed' | 'signed-in';

const target = new EventTarget();

export function announce(signal: Signal): void {
  target.dispatchEvent(new Event(signal));
}

/** Calls `listener` on each `signal`; returns the function that stops it. */
export function listen(signal: Signal, listener: () => void): () => void {
  target.addEventListener(signal, listener);
  return () => target.removeEventListener(signal, listener);
}
