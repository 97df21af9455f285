/**
 * Reading and undoing account administration (the CLI `assay user list|revoke|enable` and,
 * later, the admin page): accounts with their grants (never the password hash), one account by
 * email, withdrawing a grant, re-enabling an account, and the entity ids a grant may name.
 * Like accounts.ts, none of these checks who asks; the door authorises `manage-users` first.
 */
import {
  disableUser,
  findUserByEmail,
  findUserById,
  listGrants,
  listUsers,
  readSettingsData,
  revokeRole,
  type Sql,
  type Store,
  type UserRow,
} from '@assay/store';
import type { AccountFailure } from './accounts.js';
import { isRole, ROLES } from './roles.js';

/** An account as an administrator sees it: no password hash, no second-factor secret. */
export type AccountSummary = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly disabled: boolean;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  /** By role, then entity. A role outside ROLES cannot be stored (010-accounts.sql). */
  readonly grants: readonly { readonly role: string; readonly entityId: string }[];
};

async function summary(sql: Sql, u: UserRow): Promise<AccountSummary> {
  const grants = await listGrants(sql, u.id);
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    disabled: u.disabled,
    createdAt: u.createdAt,
    grants: grants.map((g) => ({ role: g.role, entityId: g.entityId })),
  };
}

/**
 * Every account, by email (case-insensitive), with its grants. One grants query per user: the
 * accounts of one reporting group are tens, not thousands.
 */
export async function listAccounts(store: Store): Promise<AccountSummary[]> {
  const users = await listUsers(store);
  const out: AccountSummary[] = [];
  for (const u of users) out.push(await summary(store, u));
  return out;
}

/** The account with this email, whatever its case; undefined when there is none. */
export async function findAccountByEmail(store: Store, email: string): Promise<AccountSummary | undefined> {
  const u = await findUserByEmail(store, email);
  return u && summary(store, u);
}

/** Withdraw a role on an entity; `removed` is false when the user did not hold it. */
export async function revokeGrant(
  store: Store,
  request: { readonly userId: string; readonly role: string; readonly entityId: string },
): Promise<{ readonly ok: true; readonly removed: boolean } | AccountFailure> {
  if (!isRole(request.role)) {
    return {
      ok: false,
      problem: 'unknown-role',
      field: 'role',
      message: `unknown role "${request.role}"; one of ${ROLES.join(', ')}`,
    };
  }
  return store.transaction(async (tx) => {
    if (!(await findUserById(tx, request.userId))) {
      return {
        ok: false,
        problem: 'unknown-user',
        field: 'user',
        message: `no user ${request.userId}`,
      } as const;
    }
    return {
      ok: true,
      removed: await revokeRole(tx, request.userId, request.role, request.entityId),
    } as const;
  });
}

/** Let a disabled account sign in again (its password, grants and unrevoked tokens apply again). */
export async function enableAccount(
  store: Store,
  userId: string,
): Promise<{ readonly ok: true } | AccountFailure> {
  if (!(await disableUser(store, userId, false))) {
    return { ok: false, problem: 'unknown-user', field: 'user', message: `no user ${userId}` };
  }
  return { ok: true };
}

/**
 * The ids of the organisation's entities in the store, in their stored order; undefined when
 * the store holds no organisation yet. A grant should name one of these (the grants table has
 * no foreign key to entities, 010-accounts.sql, so the door checks).
 */
export async function storedEntityIds(store: Store): Promise<string[] | undefined> {
  const settings = await readSettingsData(store);
  return settings?.organisation.entities.map((e) => String(e.id));
}
