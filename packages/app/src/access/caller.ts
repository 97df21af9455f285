/**
 * Who a request or command acts for, as every front door hands it to the application: the
 * compiled access rules (authorise.ts), the name written into revisions and the access log,
 * and how the caller was recognised.
 *
 * - A signed-in user or an API token: the user's grants (a token's narrowed to its roles).
 * - The local user: administrator on the whole group. The server is "open" (everyone on
 *   loopback is the local user) until the first account exists; the CLI on a local store is
 *   always the local user, named after the operating-system user (docs/security.md).
 */
import { anyUser, listGrants, listUsers, type Store } from '@assay/store';
import { type Access, accessFor, authorise } from './authorise.js';
import type { EntityTree } from './entity-tree.js';
import { ACTION_NAMES, type Action } from './permissions.js';
import type { ResolvedPrincipal } from './principal.js';

export type Caller = {
  readonly access: Access;
  /** The user's id; null for the local user. */
  readonly userId: string | null;
  /** As written into revisions ("author") and the access log: "Ann Lee <ann@example.com>". */
  readonly label: string;
  readonly via: 'session' | 'token' | 'local';
  /** The API token's public id when a token signed the request. */
  readonly tokenId?: string;
  readonly email?: string;
  readonly name?: string;
  /**
   * A session of an administrator who must enrol a second factor before anything else (the
   * security settings require one; totp.ts mustEnrolTotp). The server lets it reach only the
   * public and enrolment routes.
   */
  readonly mustEnrolTotp?: true;
};

/** The local user: administrator on the group entity (and so on every entity). */
export function localCaller(tree: EntityTree, label = 'local user'): Caller {
  const principal = { userId: 'local', grants: [{ role: 'administrator' as const, entityId: tree.rootId }] };
  return { access: accessFor(principal, tree), userId: null, label, via: 'local' };
}

/** A signed-in user (session) or a script (API token). */
export function userCaller(p: ResolvedPrincipal, tree: EntityTree, mustEnrolTotp = false): Caller {
  const who = `${p.name} <${p.email}>`;
  const token = p.via.kind === 'token' ? p.via.tokenId : undefined;
  return {
    access: accessFor(p, tree),
    userId: p.userId,
    label: token === undefined ? who : `${who} (token ${token})`,
    via: p.via.kind,
    ...(token === undefined ? {} : { tokenId: token }),
    email: p.email,
    name: p.name,
    ...(mustEnrolTotp ? { mustEnrolTotp: true as const } : {}),
  };
}

/** Whether the store holds any account: until then the server is open (loopback only). */
export function accountsExist(store: Store): Promise<boolean> {
  return anyUser(store);
}

/** For each action, the entities where the caller may take it (walk order from the root). */
export function allowedEntities(caller: Caller): Record<Action, string[]> {
  const out = {} as Record<Action, string[]>;
  const all = caller.access.tree.subtree(caller.access.tree.rootId);
  for (const action of ACTION_NAMES)
    out[action] = all.filter(
      (entityId) => authorise(caller.access, action, { kind: 'entity', entityId }) === 'allow',
    );
  return out;
}

/**
 * Whether an enabled account holds the administrator role on the group entity `rootId`: the
 * condition for serving beyond loopback (`assay serve --host`), where nobody is the local user.
 */
export async function administratorExists(store: Store, rootId: string): Promise<boolean> {
  for (const u of await listUsers(store)) {
    if (u.disabled) continue;
    const grants = await listGrants(store, u.id);
    if (grants.some((g) => g.role === 'administrator' && g.entityId === rootId)) return true;
  }
  return false;
}
