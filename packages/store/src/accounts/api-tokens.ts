/**
 * API tokens for scripts and CI, stored as the SHA-256 (hex) of the token; the token is shown
 * once by the app and never stored. Revoking keeps the row (revoked_at) so lists and audits
 * still name it.
 */
import type { Sql } from '../store.js';
import { isoOf } from './timestamps.js';

export type ApiTokenRow = {
  readonly id: string;
  readonly tokenHash: string;
  readonly userId: string;
  readonly label: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  readonly revokedAt: string | null;
  /** The subset of the user's roles the token carries; null: all of them. */
  readonly roles: readonly string[] | null;
};

export type NewApiToken = {
  readonly id: string;
  readonly tokenHash: string;
  readonly userId: string;
  readonly label: string;
  readonly roles: readonly string[] | null;
  /** ISO-8601. */
  readonly at: string;
};

const COLUMNS = `id, token_hash as "tokenHash", user_id as "userId", label, ${isoOf('created_at')} as "createdAt",
  ${isoOf('revoked_at')} as "revokedAt", roles`;

export async function createApiToken(sql: Sql, t: NewApiToken): Promise<void> {
  await sql.query(
    `insert into api_tokens (id, token_hash, user_id, label, created_at, roles)
     values ($1, $2, $3, $4, $5, $6::text[])`,
    [t.id, t.tokenHash, t.userId, t.label, t.at, t.roles === null ? null : [...t.roles]],
  );
}

/** The token with this hash, revoked or not (the caller decides what a revoked one means). */
export async function findApiToken(sql: Sql, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await sql.query<ApiTokenRow>(`select ${COLUMNS} from api_tokens where token_hash = $1`, [
    tokenHash,
  ]);
  return row;
}

/** A user's tokens, newest first. */
export async function listApiTokens(sql: Sql, userId: string): Promise<ApiTokenRow[]> {
  return sql.query<ApiTokenRow>(
    `select ${COLUMNS} from api_tokens where user_id = $1 order by created_at desc, id`,
    [userId],
  );
}

/** Revoke by public id; false when there is no such token or it was already revoked. */
export async function revokeApiToken(sql: Sql, id: string, at: string): Promise<boolean> {
  const rows = await sql.query(
    'update api_tokens set revoked_at = $2 where id = $1 and revoked_at is null returning id',
    [id, at],
  );
  return rows.length === 1;
}

/** The token with this public id, revoked or not. */
export async function findApiTokenById(sql: Sql, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await sql.query<ApiTokenRow>(`select ${COLUMNS} from api_tokens where id = $1`, [id]);
  return row;
}
