/**
 * Notifications in the store (020-notifications.sql): one row per recipient account and event.
 * Written by the application in the step that causes them (a workflow transition, a reminder);
 * read by their recipient only (every query here names the recipient). Ids are bigint identities,
 * handed out as decimal text (PGlite and node-postgres return bigint differently).
 */
import { isoOf } from '../accounts/timestamps.js';
import type { Sql } from '../store.js';

export const NOTIFICATION_KINDS = [
  'submitted-for-review',
  'returned',
  'reviewed-for-approval',
  'approved',
  'reopened',
  'exception-granted',
  'overdue-reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NewNotification = {
  readonly recipientId: string;
  readonly kind: NotificationKind;
  readonly entityId: string;
  readonly periodId: string;
  /** The workflow unit's topic (a reminder's: the overdue task's unit). */
  readonly topic: string;
  /** The unit's version after the transition; null for a reminder. */
  readonly unitVersion: number | null;
  /**
   * Overdue reminders: the task's first assignment, the indicators it covers, its due date and
   * the day reminded for.
   */
  readonly assignmentId: string | null;
  readonly assignmentLabel: string | null;
  /** YYYY-MM-DD. */
  readonly dueOn: string | null;
  /** YYYY-MM-DD: one reminder per recipient, unit and day. */
  readonly reminderDay: string | null;
  /** Who acted (null: Assay itself) and the name shown. */
  readonly actorId: string | null;
  readonly actor: string;
  readonly comment: string | null;
  /** ISO-8601. */
  readonly at: string;
};

export type NotificationRow = Omit<NewNotification, 'at'> & {
  readonly id: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  readonly readAt: string | null;
};

const COLUMNS = `id::text as id, recipient_id as "recipientId", kind, entity_id as "entityId",
  period_id as "periodId", topic, unit_version as "unitVersion", assignment_id as "assignmentId",
  assignment_label as "assignmentLabel", to_char(due_on, 'YYYY-MM-DD') as "dueOn",
  to_char(reminder_day, 'YYYY-MM-DD') as "reminderDay", actor_id as "actorId", actor, comment,
  ${isoOf('created_at')} as "createdAt", ${isoOf('read_at')} as "readAt"`;

/**
 * Insert one notification; its id, or null when it is a reminder already sent for that
 * assignment, recipient and day (nothing is written then).
 */
export async function insertNotification(sql: Sql, n: NewNotification): Promise<string | null> {
  const rows = await sql.query<{ id: string }>(
    `insert into notification (recipient_id, kind, entity_id, period_id, topic, unit_version, assignment_id,
       assignment_label, due_on, reminder_day, actor_id, actor, comment, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     on conflict do nothing returning id::text as id`,
    [
      n.recipientId,
      n.kind,
      n.entityId,
      n.periodId,
      n.topic,
      n.unitVersion,
      n.assignmentId,
      n.assignmentLabel,
      n.dueOn,
      n.reminderDay,
      n.actorId,
      n.actor,
      n.comment,
      n.at,
    ],
  );
  return rows[0]?.id ?? null;
}

/** The recipient's notifications: unread first, then newest first; at most `limit`. */
export async function listNotifications(
  sql: Sql,
  recipientId: string,
  limit: number,
): Promise<NotificationRow[]> {
  return sql.query<NotificationRow>(
    `select ${COLUMNS} from notification where recipient_id = $1
     order by (read_at is null) desc, created_at desc, id desc limit $2`,
    [recipientId, limit],
  );
}

/** How many of the recipient's notifications are unread. */
export async function unreadNotificationCount(sql: Sql, recipientId: string): Promise<number> {
  const [row] = await sql.query<{ n: string | number }>(
    'select count(*)::int as n from notification where recipient_id = $1 and read_at is null',
    [recipientId],
  );
  return Number(row?.n ?? 0);
}

/**
 * Mark one of the recipient's notifications read (a notification read before keeps its first
 * time); undefined when the recipient has no notification with that id.
 */
export async function markNotificationRead(
  sql: Sql,
  recipientId: string,
  id: string,
  at: string,
): Promise<NotificationRow | undefined> {
  if (!/^[1-9][0-9]{0,17}$/.test(id)) return undefined;
  const [row] = await sql.query<NotificationRow>(
    `update notification set read_at = coalesce(read_at, $3)
     where id = $2::bigint and recipient_id = $1 returning ${COLUMNS}`,
    [recipientId, id, at],
  );
  return row;
}

/** Mark every unread notification of the recipient read; how many were unread. */
export async function markAllNotificationsRead(sql: Sql, recipientId: string, at: string): Promise<number> {
  const rows = await sql.query(
    'update notification set read_at = $2 where recipient_id = $1 and read_at is null returning id',
    [recipientId, at],
  );
  return rows.length;
}
