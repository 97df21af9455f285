/**
 * A signed-in user changes their own password (ASVS 4.0.3 V2.1.5: users can change their
 * password; V2.1.6: the change needs the current password; V3.3.3: the other sessions end).
 *
 * - The new password meets the policy (passwords.ts) before anything secret is looked at.
 * - The current password is checked behind the same throttle as a sign-in (sign-in-throttle.ts,
 *   keyed by the account's email and the client address): a wrong one counts as a failed
 *   sign-in, so this route cannot be used to guess passwords faster than the sign-in page.
 * - On success one transaction stores the new hash and ends every other session of the user;
 *   the session that asked stays signed in. API tokens stay (they are revoked on their own).
 * - An account without a password (single sign-on only) is told so; it has nothing to change.
 * The clock is injected (`now`), never read here.
 */
import { deleteSessionsOfUser, findUserById, type Store, setPassword } from '@assay/store';
import {
  argon2idHasher,
  hashPassword,
  PASSWORD_PROBLEM_MESSAGES,
  type PasswordHasher,
  type PasswordProblem,
  verifyPassword,
} from './passwords.js';
import { SECRET_PATTERN, secretHash } from './secret-tokens.js';
import { throttleGate } from './sign-in-throttle.js';

export type ChangePasswordOutcome =
  | { readonly kind: 'ok'; readonly sessionsEnded: number }
  /** The current password is wrong (or the account is gone): counted as a failed sign-in. */
  | { readonly kind: 'bad-credentials' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number }
  /** The new password breaks the policy; `message` says how. */
  | { readonly kind: 'weak'; readonly problem: PasswordProblem; readonly message: string }
  /** The account signs in only through single sign-on: it has no password to change. */
  | { readonly kind: 'no-password' };

export type ChangePasswordRequest = {
  readonly userId: string;
  readonly currentPassword: string;
  readonly newPassword: string;
  /** The session making the change: it stays; every other session of the user ends. */
  readonly sessionToken: string | undefined;
  readonly address: string;
};

export async function changeOwnPassword(
  store: Store,
  request: ChangePasswordRequest,
  now: Date,
  hasher: PasswordHasher = argon2idHasher,
): Promise<ChangePasswordOutcome> {
  const hashed = await hashPassword(request.newPassword, hasher);
  if (!hashed.ok)
    return { kind: 'weak', problem: hashed.problem, message: PASSWORD_PROBLEM_MESSAGES[hashed.problem] };
  const at = now.getTime();
  return store.transaction(async (tx) => {
    const user = await findUserById(tx, request.userId);
    if (!user || user.disabled) return { kind: 'bad-credentials' } as const;
    if (user.passwordHash === null) return { kind: 'no-password' } as const;
    const gate = await throttleGate(tx, user.email, request.address, at);
    if (gate.wait > 0) {
      await gate.record('throttled');
      return { kind: 'throttled', retryAfterSeconds: gate.wait } as const;
    }
    if (!(await verifyPassword(user.passwordHash, request.currentPassword, hasher))) {
      await gate.record('failure');
      return { kind: 'bad-credentials' } as const;
    }
    await gate.record('success');
    await setPassword(tx, user.id, hashed.hash, now.toISOString());
    const keep =
      request.sessionToken !== undefined && SECRET_PATTERN.test(request.sessionToken)
        ? secretHash(request.sessionToken)
        : undefined;
    return { kind: 'ok', sessionsEnded: await deleteSessionsOfUser(tx, user.id, keep) } as const;
  });
}
