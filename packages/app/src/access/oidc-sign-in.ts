/**
 * Signing in with an email the single sign-on provider vouched for (oidc.ts): the account whose
 * email it is (any case) gets a new session, exactly like a password sign-in (sessions.ts: a new
 * random token, only its SHA-256 stored, the same expiry policy).
 *
 * - No account is ever made here: accounts are made by administrators (POST /api/users, `assay
 *   user add`). An email without an account, or the account of a disabled user, is refused and
 *   nothing is written but the attempt.
 * - The attempt is recorded in `sign_in_attempts` under the email and the client address, as a
 *   password sign-in's is (`success` or `failure`), through the same gate (sign-in-throttle.ts)
 *   and its per-account and per-address locks. The gate's wait is not applied: throttling slows
 *   the guessing of a secret, and here no secret is checked by Assay (the provider checked the
 *   user's, with its own limits), so a password-guesser cannot lock the owner out of this door.
 * - Assay's own second factor (totp.ts) is not asked for: the provider authenticates, with its
 *   own factors. The rule that administrators must enrol one (mustEnrolTotp) still applies to the
 *   session, as it is decided when the session is used (sessions.ts resolveSession).
 * The clock is injected (`now`), never read here.
 */
import { createSession, findUserByEmail, type Store } from '@assay/store';
import { newSecret, secretHash } from './secret-tokens.js';
import { SESSION_POLICY } from './sessions.js';
import { throttleGate } from './sign-in-throttle.js';

/** No account's email is longer (accounts.ts isPlausibleEmail). */
const MAX_EMAIL = 254;

export type VerifiedEmailSignIn =
  /** `token` goes to the client (cookie) and nowhere else. */
  | { readonly kind: 'ok'; readonly token: string; readonly userId: string; readonly expiresAt: string }
  /** No account has this email, or its user is disabled: nothing was made. */
  | { readonly kind: 'refused'; readonly reason: 'no-account' | 'disabled' };

export async function signInWithVerifiedEmail(
  store: Store,
  email: string,
  address: string,
  now: Date,
): Promise<VerifiedEmailSignIn> {
  const at = now.getTime();
  return store.transaction(async (tx) => {
    const { record, address: addr } = await throttleGate(tx, email, address, at);
    // Looked up by the whole email, never by the gate's key (cut to the column's bound).
    const whole = email.trim();
    const user =
      whole.length === 0 || whole.length > MAX_EMAIL ? undefined : await findUserByEmail(tx, whole);
    if (!user) {
      await record('failure');
      return { kind: 'refused', reason: 'no-account' };
    }
    if (user.disabled) {
      await record('failure');
      return { kind: 'refused', reason: 'disabled' };
    }
    await record('success');
    const token = newSecret();
    const expiresAt = new Date(at + SESSION_POLICY.absoluteSeconds * 1000).toISOString();
    await createSession(tx, {
      idHash: secretHash(token),
      userId: user.id,
      at: now.toISOString(),
      expiresAt,
      address: addr,
    });
    return { kind: 'ok', token, userId: user.id, expiresAt };
  });
}
