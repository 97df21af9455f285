/**
 * Role grants: a role on an entity, covering that entity's subtree (the app resolves the
 * subtree from the organisation; the store keeps only the entity id).
 */
import type { Sql } from '../store.js';
import { isoOf } from './timestamps.js';

export type GrantRow = {
  readonly userId: string;
  readonly role: string;
  readonly entityId: string;
  /** ISO-8601 UTC. */
  readonly grantedAt: string;
  readonly grantedBy: string;
};

export type NewGrant = {
  readonly userId: string;
  readonly role: string;
  readonly entityId: string;
  readonly grantedBy: string;
  /** ISO-8601. */
  readonly at: string;
};

/** Grant a role; `false` when the user already holds it on that entity (nothing changes). */
export async function grantRole(sql: Sql, g: NewGrant): Promise<boolean> {
  const rows = await sql.query(
    `insert into grants (user_id, role, entity_id, granted_at, granted_by) values ($1, $2, $3, $4, $5)
     on conflict do nothing returning user_id`,
    [g.userId, g.role, g.entityId, g.at, g.grantedBy],
  );
  return rows.length === 1;
}

/** Withdraw a grant; false when there was none. */
export async function revokeRole(sql: Sql, userId: string, role: string, entityId: string): Promise<boolean> {
  const rows = await sql.query(
    'delete from grants where user_id = $1 and role = $2 and entity_id = $3 returning user_id',
    [userId, role, entityId],
  );
  return rows.length === 1;
}

/** The user's grants, by role then entity. */
export async function listGrants(sql: Sql, userId: string): Promise<GrantRow[]> {
  return sql.query<GrantRow>(
    `select user_id as "userId", role, entity_id as "entityId", ${isoOf('granted_at')} as "grantedAt",
       granted_by as "grantedBy"
     from grants where user_id = $1 order by role, entity_id`,
    [userId],
  );
}
