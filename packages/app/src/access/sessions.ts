/**
 * Sign-in, sign-out and resolving a session token, over the store's accounts tables.
 *
 * - A session token is 32 random bytes (secret-tokens.ts); the store keeps only its SHA-256.
 *   Every sign-in makes a new one (no session fixation: an id given before sign-in is never
 *   promoted).
 * - Expiry (ASVS 4.0.3 V3.3.2, level 2): idle 30 minutes, absolute 12 hours from sign-in.
 *   Last-seen is written at most once a minute, not on every request.
 * - Throttling per account and per address (throttle.ts), decided and recorded inside one
 *   transaction holding an advisory lock per account and per address (sign-in-throttle.ts), so
 *   parallel guesses cannot all slip in below the threshold.
 * - An unknown email costs the same argon2id work as a wrong password (passwords.ts
 *   verifyDecoy), and both answer `bad-credentials`; `disabled` is told only to someone who
 *   knows the password.
 * - A user with a confirmed TOTP second factor (totp.ts) also needs a current code: the right
 *   password without one answers `totp-required` (`missing`, recorded as nothing: neither a
 *   failure nor a success that would clear the count); a wrong or replayed code answers
 *   `totp-required` (`wrong`) and counts as a failure, like a wrong password.
 * - When the security settings require a second factor of administrators, an administrator
 *   without one still signs in, with `mustEnrolTotp`; the server then serves that session only
 *   the enrolment routes (server/src/http/enforce-rules.ts) until a factor is confirmed.
 * The clock is injected (`now`), never read here.
 */
import {
  createSession,
  deleteSession,
  findSession,
  findUserByEmail,
  findUserById,
  type Store,
  touchSession,
} from '@assay/store';
import {
  argon2idHasher,
  checkPassword,
  type PasswordHasher,
  verifyDecoy,
  verifyPassword,
} from './passwords.js';
import { grantsOf, type ResolvedPrincipal } from './principal.js';
import { newSecret, SECRET_PATTERN, secretHash } from './secret-tokens.js';
import { throttleGate } from './sign-in-throttle.js';
import { mustEnrolTotp, verifySecondFactor } from './totp.js';

export const SESSION_POLICY = {
  /** A session unused this long ends. */
  idleSeconds: 30 * 60,
  /** A session ends this long after sign-in, used or not. */
  absoluteSeconds: 12 * 3600,
  /** Last-seen is updated when older than this. */
  touchAfterSeconds: 60,
} as const;

export type SignInOutcome =
  /** `token` goes to the client (cookie) and nowhere else. */
  | {
      readonly kind: 'ok';
      readonly token: string;
      readonly userId: string;
      readonly expiresAt: string;
      /** The settings require a second factor of this administrator, who has none yet. */
      readonly mustEnrolTotp: boolean;
    }
  | { readonly kind: 'bad-credentials' }
  /** The password was right; a code is `missing`, or the one sent was `wrong` (or replayed). */
  | { readonly kind: 'totp-required'; readonly reason: 'missing' | 'wrong' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number }
  | { readonly kind: 'disabled' };

export type SignInOptions = {
  readonly hasher?: PasswordHasher;
  /** The current code of the user's authenticator app, when they have a second factor. */
  readonly totp?: string;
};

const iso = (ms: number) => new Date(ms).toISOString();

export async function signIn(
  store: Store,
  email: string,
  password: string,
  address: string,
  now: Date,
  options: SignInOptions = {},
): Promise<SignInOutcome> {
  const hasher = options.hasher ?? argon2idHasher;
  const at = now.getTime();
  return store.transaction(async (tx) => {
    const { wait, record, key, address: addr } = await throttleGate(tx, email, address, at);
    if (wait > 0) {
      // Refused before the password is looked at: a right password now is refused alike.
      await record('throttled');
      return { kind: 'throttled', retryAfterSeconds: wait };
    }

    const checked = checkPassword(password);
    if (!checked.ok && checked.problem === 'too-long') {
      await record('failure'); // refused before hashing
      return { kind: 'bad-credentials' };
    }
    const user = key.length === 0 ? undefined : await findUserByEmail(tx, key);
    const matches =
      user?.passwordHash != null
        ? await verifyPassword(user.passwordHash, password, hasher)
        : await verifyDecoy(password, hasher);
    if (!user || !matches) {
      await record('failure');
      return { kind: 'bad-credentials' };
    }
    if (user.totpSecret !== null) {
      // Only now, after the right password, is the need for a code revealed.
      if (options.totp === undefined || options.totp.trim() === '')
        return { kind: 'totp-required', reason: 'missing' };
      if ((await verifySecondFactor(tx, user.id, options.totp, now)) !== 'ok') {
        await record('failure');
        return { kind: 'totp-required', reason: 'wrong' };
      }
    }
    if (user.disabled) {
      await record('failure');
      return { kind: 'disabled' };
    }
    await record('success');
    const token = newSecret();
    const expiresAt = iso(at + SESSION_POLICY.absoluteSeconds * 1000);
    await createSession(tx, {
      idHash: secretHash(token),
      userId: user.id,
      at: iso(at),
      expiresAt,
      address: addr,
    });
    const mustEnrol = await mustEnrolTotp(tx, user, await grantsOf(tx, user.id));
    return { kind: 'ok', token, userId: user.id, expiresAt, mustEnrolTotp: mustEnrol };
  });
}

/** End the session the token names; false when there was none (already signed out, expired). */
export async function signOut(store: Store, token: string): Promise<boolean> {
  if (!SECRET_PATTERN.test(token)) return false;
  return deleteSession(store, secretHash(token));
}

export type SessionResolution =
  | {
      readonly ok: true;
      readonly principal: ResolvedPrincipal;
      readonly expiresAt: string;
      /** Only the second-factor enrolment may be done with this session (mustEnrolTotp, totp.ts). */
      readonly mustEnrolTotp: boolean;
    }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'disabled' };

/**
 * The principal a session token stands for at `now`, or why not. An expired session, or one of
 * a disabled or deleted user, is deleted on the way.
 */
export async function resolveSession(store: Store, token: string, now: Date): Promise<SessionResolution> {
  if (!SECRET_PATTERN.test(token)) return { ok: false, reason: 'unknown' };
  const idHash = secretHash(token);
  const s = await findSession(store, idHash);
  if (!s) return { ok: false, reason: 'unknown' };
  const at = now.getTime();
  const idleFor = at - Date.parse(s.lastSeenAt);
  if (at >= Date.parse(s.expiresAt) || idleFor >= SESSION_POLICY.idleSeconds * 1000) {
    await deleteSession(store, idHash);
    return { ok: false, reason: 'expired' };
  }
  const user = await findUserById(store, s.userId);
  if (!user || user.disabled) {
    await deleteSession(store, idHash);
    return { ok: false, reason: 'disabled' };
  }
  if (idleFor >= SESSION_POLICY.touchAfterSeconds * 1000)
    await touchSession(store, idHash, now.toISOString());
  const grants = await grantsOf(store, user.id);
  return {
    ok: true,
    expiresAt: s.expiresAt,
    mustEnrolTotp: await mustEnrolTotp(store, user, grants),
    principal: {
      userId: user.id,
      email: user.email,
      name: user.name,
      grants,
      via: { kind: 'session', sessionHash: idHash },
    },
  };
}
