/**
 * The access log (011-access-log.sql): denied requests and allowed writes with user, address
 * and decision. Values longer than their column are cut here (path at 500, actor at 400
 * characters), never refused: logging must not fail a request.
 */
import type { Sql } from '../store.js';
import { isoOf } from './timestamps.js';

export type AccessDecision = 'allowed' | 'forbidden' | 'invisible' | 'unauthenticated';

export type AccessEntry = {
  /** ISO-8601. */
  readonly at: string;
  readonly userId: string | null;
  readonly actor: string;
  readonly address: string;
  readonly method: string;
  readonly path: string;
  readonly action: string | null;
  readonly decision: AccessDecision;
};

/**
 * Text PostgreSQL can store, cut to `n` characters: U+0000 (which a text column refuses) written
 * as `\0`, lone surrogates (from a path like %ED%A0%80) as U+FFFD. A request's path is the
 * client's to choose: the log must hold whatever it was, not fail on it.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const cut = (s: string, n: number) => {
  const t = s.replaceAll('\u0000', '\\0').replace(LONE_SURROGATE, '\uFFFD');
  return t.length > n ? t.slice(0, n) : t;
};

export async function recordAccess(sql: Sql, e: AccessEntry): Promise<void> {
  await sql.query(
    `insert into access_log (at, user_id, actor, address, method, path, action, decision)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.at,
      e.userId,
      cut(e.actor, 400) || 'anonymous',
      cut(e.address, 100),
      cut(e.method, 10),
      cut(e.path, 500),
      e.action === null ? null : cut(e.action, 100),
      e.decision,
    ],
  );
}

/** The latest `limit` entries, newest first. */
export async function listAccessLog(sql: Sql, limit = 100): Promise<AccessEntry[]> {
  return sql.query<AccessEntry>(
    `select ${isoOf('at')} as at, user_id as "userId", actor, address, method, path, action, decision
     from access_log order by id desc limit $1`,
    [limit],
  );
}
