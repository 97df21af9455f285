/**
 * Sign-in, sign-out and resolving a session token, over the store's accounts tables.
 *
 * - A session token is 32 random bytes (secret-tokens.ts); the store keeps only its SHA-256.
 *   Every sign-in makes a new one (no session fixation: an id given before sign-in is never
 *   promoted).
 * - Expiry (ASVS 4.0.3 V3.3.2, level 2): idle 30 minutes, absolute 12 hours from sign-in.
 *   Last-seen is written at most once a minute, not on every request.
 * - Throttling per account and per address (throttle.ts), decided and recorded inside one
 *   transaction holding an advisory lock per account and per address, so parallel guesses
 *   cannot all slip in below the threshold.
 * - An unknown email costs the same argon2id work as a wrong password (passwords.ts
 *   verifyDecoy), and both answer `bad-credentials`; `disabled` is told only to someone who
 *   knows the password.
 * The clock is injected (`now`), never read here.
 */
import {
  countRecentFailures,
  createSession,
  deleteSession,
  emailKey,
  findSession,
  findUserByEmail,
  findUserById,
  recordSignInAttempt,
  type SignInOutcomeKind,
  type Sql,
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
import { retryAfterSeconds, THROTTLE_POLICY } from './throttle.js';

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
  | { readonly kind: 'ok'; readonly token: string; readonly userId: string; readonly expiresAt: string }
  | { readonly kind: 'bad-credentials' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number }
  | { readonly kind: 'disabled' };

export type SignInOptions = { readonly hasher?: PasswordHasher };

/** Column bounds of sign_in_attempts (010-accounts.sql). */
const MAX_EMAIL = 254;
const MAX_ADDRESS = 100;

const iso = (ms: number) => new Date(ms).toISOString();

async function lockKey(tx: Sql, key: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

export async function signIn(
  store: Store,
  email: string,
  password: string,
  address: string,
  now: Date,
  options: SignInOptions = {},
): Promise<SignInOutcome> {
  const hasher = options.hasher ?? argon2idHasher;
  const key = emailKey(email).slice(0, MAX_EMAIL);
  const addr = address.slice(0, MAX_ADDRESS);
  const at = now.getTime();
  return store.transaction(async (tx) => {
    // Always account first, then address: one order, so two sign-ins cannot deadlock.
    await lockKey(tx, `assay:sign-in:account:${key}`);
    await lockKey(tx, `assay:sign-in:address:${addr}`);
    const record = (outcome: SignInOutcomeKind) =>
      recordSignInAttempt(tx, { email: key, address: addr, outcome, at: iso(at) });

    const { account, address: byAddress } = THROTTLE_POLICY;
    const a = await countRecentFailures(
      tx,
      { email: key },
      iso(at - account.windowSeconds * 1000),
      account.clearedBySuccess,
    );
    const b = await countRecentFailures(
      tx,
      { address: addr },
      iso(at - byAddress.windowSeconds * 1000),
      byAddress.clearedBySuccess,
    );
    const wait = Math.max(
      retryAfterSeconds(a.failures, a.lastFailureAt, at, account),
      retryAfterSeconds(b.failures, b.lastFailureAt, at, byAddress),
    );
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
    return { kind: 'ok', token, userId: user.id, expiresAt };
  });
}

/** End the session the token names; false when there was none (already signed out, expired). */
export async function signOut(store: Store, token: string): Promise<boolean> {
  if (!SECRET_PATTERN.test(token)) return false;
  return deleteSession(store, secretHash(token));
}

export type SessionResolution =
  | { readonly ok: true; readonly principal: ResolvedPrincipal; readonly expiresAt: string }
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
  return {
    ok: true,
    expiresAt: s.expiresAt,
    principal: {
      userId: user.id,
      email: user.email,
      name: user.name,
      grants: await grantsOf(store, user.id),
      via: { kind: 'session', sessionHash: idHash },
    },
  };
}
