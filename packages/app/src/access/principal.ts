/**
 * Who a request acts for, once its session or API token is resolved: the user and the grants in
 * force (a token's grants are the user's current grants narrowed to the token's roles).
 */
import type { GrantRow, Sql } from '@assay/store';
import { listGrants } from '@assay/store';
import type { Principal } from './authorise.js';
import { type Grant, isRole, type Role } from './roles.js';

export type ResolvedPrincipal = Principal & {
  readonly email: string;
  readonly name: string;
  /** What signed the request: a session (by its stored hash) or an API token (by its public id). */
  readonly via:
    | { readonly kind: 'session'; readonly sessionHash: string }
    | { readonly kind: 'token'; readonly tokenId: string };
};

/** The user's grants, keeping only known roles (the store's check constraint allows no others). */
export async function grantsOf(
  sql: Sql,
  userId: string,
  onlyRoles?: readonly string[] | null,
): Promise<Grant[]> {
  const rows: GrantRow[] = await listGrants(sql, userId);
  return rows
    .filter((g): g is GrantRow & { role: Role } => isRole(g.role))
    .filter((g) => onlyRoles === undefined || onlyRoles === null || onlyRoles.includes(g.role))
    .map((g) => ({ role: g.role, entityId: g.entityId }));
}
