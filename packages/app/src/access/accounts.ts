/**
 * Account administration services (the CLI `assay user …` commands and the admin page will call
 * these): add a user, grant a role, set a password, disable. Each answers a closed union; none
 * checks who asks (the door authorises `manage-users` first, authorise.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  createUser,
  deleteSessionsOfUser,
  disableUser,
  findUserById,
  type Store,
  setPassword,
  grantRole as storeGrant,
} from '@assay/store';
import { argon2idHasher, hashPassword, PASSWORD_PROBLEM_MESSAGES, type PasswordHasher } from './passwords.js';
import { isRole, ROLES } from './roles.js';
import { SECRET_PATTERN, secretHash } from './secret-tokens.js';

export type AccountFailure = {
  readonly ok: false;
  readonly problem:
    | 'invalid-email'
    | 'invalid-name'
    | 'too-short'
    | 'too-long'
    | 'exists'
    | 'unknown-user'
    | 'unknown-role';
  readonly field: string;
  readonly message: string;
};

/**
 * A plausible email: 3–254 characters, one `@` with something on both sides, no spaces or
 * control characters. Whether it receives mail is not this check's business.
 */
export function isPlausibleEmail(email: string): boolean {
  return email.length >= 3 && email.length <= 254 && /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u.test(email);
}

export async function addUser(
  store: Store,
  request: { readonly email: string; readonly name: string; readonly password?: string },
  now: Date,
  hasher: PasswordHasher = argon2idHasher,
): Promise<{ readonly ok: true; readonly id: string } | AccountFailure> {
  const email = request.email.trim();
  const name = request.name.trim();
  if (!isPlausibleEmail(email)) {
    return {
      ok: false,
      problem: 'invalid-email',
      field: 'email',
      message: `"${email}" is not an email address`,
    };
  }
  if (name.length < 1 || name.length > 200) {
    return { ok: false, problem: 'invalid-name', field: 'name', message: 'a name needs 1 to 200 characters' };
  }
  let passwordHash: string | null = null;
  if (request.password !== undefined) {
    const h = await hashPassword(request.password, hasher);
    if (!h.ok)
      return {
        ok: false,
        problem: h.problem,
        field: 'password',
        message: PASSWORD_PROBLEM_MESSAGES[h.problem],
      };
    passwordHash = h.hash;
  }
  const id = randomUUID();
  const r = await createUser(store, { id, email, name, passwordHash, at: now.toISOString() });
  if (!r.ok)
    return { ok: false, problem: 'exists', field: 'email', message: `a user with email ${email} exists` };
  return { ok: true, id };
}

export async function grantRole(
  store: Store,
  request: {
    readonly userId: string;
    readonly role: string;
    readonly entityId: string;
    readonly grantedBy: string;
  },
  now: Date,
): Promise<{ readonly ok: true; readonly added: boolean } | AccountFailure> {
  if (!isRole(request.role)) {
    return {
      ok: false,
      problem: 'unknown-role',
      field: 'role',
      message: `unknown role "${request.role}"; one of ${ROLES.join(', ')}`,
    };
  }
  if (!(await findUserById(store, request.userId))) {
    return { ok: false, problem: 'unknown-user', field: 'user', message: `no user ${request.userId}` };
  }
  const added = await storeGrant(store, { ...request, at: now.toISOString() });
  return { ok: true, added };
}

/**
 * Set a new password and end every other session of the user (all of them when `keepSessionToken`
 * is not given, e.g. an administrator's reset). API tokens stay: they are revoked on their own.
 */
export async function setUserPassword(
  store: Store,
  userId: string,
  newPassword: string,
  now: Date,
  keepSessionToken?: string,
  hasher: PasswordHasher = argon2idHasher,
): Promise<{ readonly ok: true; readonly sessionsEnded: number } | AccountFailure> {
  const h = await hashPassword(newPassword, hasher);
  if (!h.ok)
    return {
      ok: false,
      problem: h.problem,
      field: 'password',
      message: PASSWORD_PROBLEM_MESSAGES[h.problem],
    };
  const keep =
    keepSessionToken !== undefined && SECRET_PATTERN.test(keepSessionToken)
      ? secretHash(keepSessionToken)
      : undefined;
  return store.transaction(async (tx) => {
    if (!(await setPassword(tx, userId, h.hash, now.toISOString()))) {
      return { ok: false, problem: 'unknown-user', field: 'user', message: `no user ${userId}` } as const;
    }
    return { ok: true, sessionsEnded: await deleteSessionsOfUser(tx, userId, keep) } as const;
  });
}

/** Disable an account and end all its sessions at once; its API tokens stop working too. */
export async function disableAccount(
  store: Store,
  userId: string,
): Promise<{ readonly ok: true; readonly sessionsEnded: number } | AccountFailure> {
  return store.transaction(async (tx) => {
    if (!(await disableUser(tx, userId))) {
      return { ok: false, problem: 'unknown-user', field: 'user', message: `no user ${userId}` } as const;
    }
    return { ok: true, sessionsEnded: await deleteSessionsOfUser(tx, userId) } as const;
  });
}
