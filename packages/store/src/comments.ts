/**
 * Comment threads in the store (018-comments.sql; docs/workflow.md "Comments"): append-only
 * comments on a target (kind and id), each with its author, time, text and the comment it
 * replies to. Who may read or write, and what a valid text is, are the application's rules; a
 * reply is inserted only when the comment it names is on the same target, in the same statement.
 */
import { isoOf } from './accounts/timestamps.js';
import type { Sql } from './store.js';

export type StoredComment = {
  readonly id: string;
  readonly targetKind: string;
  readonly targetId: string;
  /** The target's entity when the comment was written. */
  readonly entityId: string;
  readonly replyTo: string | null;
  readonly userId: string;
  readonly author: string;
  /** ISO-8601. */
  readonly at: string;
  readonly text: string;
};

export type NewComment = Omit<StoredComment, 'id'>;

const COLUMNS = `id::text as id, target_kind as "targetKind", target_id as "targetId", entity_id as "entityId",
  reply_to::text as "replyTo", user_id as "userId", author, ${isoOf('at')} as at, body as text`;

/** A target's comments, oldest first. */
export function commentsOn(sql: Sql, targetKind: string, targetId: string): Promise<StoredComment[]> {
  return sql.query<StoredComment>(
    `select ${COLUMNS} from comment where target_kind = $1 and target_id = $2 order by id`,
    [targetKind, targetId],
  );
}

/** Add a comment; 'reply-not-found' when `replyTo` names no comment of the same target. */
export async function addComment(
  sql: Sql,
  c: NewComment,
): Promise<{ ok: true; comment: StoredComment } | { ok: false; reason: 'reply-not-found' }> {
  if (c.replyTo !== null && !/^\d{1,18}$/.test(c.replyTo)) return { ok: false, reason: 'reply-not-found' };
  const [row] = await sql.query<StoredComment>(
    `insert into comment (target_kind, target_id, entity_id, reply_to, user_id, author, at, body)
     select $1, $2, $3, $4::bigint, $5, $6, $7, $8
     where $4::bigint is null
        or exists (select 1 from comment where id = $4::bigint and target_kind = $1 and target_id = $2)
     returning ${COLUMNS}`,
    [c.targetKind, c.targetId, c.entityId, c.replyTo, c.userId, c.author, c.at, c.text],
  );
  return row ? { ok: true, comment: row } : { ok: false, reason: 'reply-not-found' };
}
