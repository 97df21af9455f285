/**
 * Sessions in the database, keyed by the SHA-256 (hex) of the token the client holds; the
 * token itself is never stored. Expiry policy (idle and absolute) is the app's
 * (app/access/sessions.ts); the store keeps the times and deletes what it is told to.
 */
import type { Sql } from '../store.js';
import { isoOf } from './timestamps.js';

export type SessionRow = {
  /** Hex SHA-256 of the session token. */
  readonly idHash: string;
  readonly userId: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** Absolute expiry. */
  readonly expiresAt: string;
  readonly address: string;
};

export type NewSession = {
  readonly idHash: string;
  readonly userId: string;
  /** ISO-8601: creation, also the first "last seen". */
  readonly at: string;
  readonly expiresAt: string;
  readonly address: string;
};

export async function createSession(sql: Sql, s: NewSession): Promise<void> {
  await sql.query(
    `insert into sessions (id_hash, user_id, created_at, last_seen_at, expires_at, address)
     values ($1, $2, $3, $3, $4, $5)`,
    [s.idHash, s.userId, s.at, s.expiresAt, s.address],
  );
}

export async function findSession(sql: Sql, idHash: string): Promise<SessionRow | undefined> {
  const [row] = await sql.query<SessionRow>(
    `select id_hash as "idHash", user_id as "userId", ${isoOf('created_at')} as "createdAt",
       ${isoOf('last_seen_at')} as "lastSeenAt", ${isoOf('expires_at')} as "expiresAt", address
     from sessions where id_hash = $1`,
    [idHash],
  );
  return row;
}

/** Mark the session used at `at` (moves the idle expiry); false when it is gone. */
export async function touchSession(sql: Sql, idHash: string, at: string): Promise<boolean> {
  const rows = await sql.query(
    'update sessions set last_seen_at = greatest(last_seen_at, $2::timestamptz) where id_hash = $1 returning id_hash',
    [idHash, at],
  );
  return rows.length === 1;
}

/**
 * Delete every session past its absolute expiry (`expires_at <= now`) or idle since
 * `idleSince` (`last_seen_at <= idleSince`); returns how many went.
 */
export async function expireSessions(sql: Sql, now: string, idleSince: string): Promise<number> {
  const rows = await sql.query(
    'delete from sessions where expires_at <= $1 or last_seen_at <= $2 returning id_hash',
    [now, idleSince],
  );
  return rows.length;
}

/** Sign-out: false when there was no such session. */
export async function deleteSession(sql: Sql, idHash: string): Promise<boolean> {
  const rows = await sql.query('delete from sessions where id_hash = $1 returning id_hash', [idHash]);
  return rows.length === 1;
}

/** End all of a user's sessions, except `keepIdHash` (the one changing the password); returns how many. */
export async function deleteSessionsOfUser(sql: Sql, userId: string, keepIdHash?: string): Promise<number> {
  const rows = await sql.query(
    'delete from sessions where user_id = $1 and id_hash is distinct from $2 returning id_hash',
    [userId, keepIdHash ?? null],
  );
  return rows.length;
}
