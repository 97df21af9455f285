/**
 * The e-mail outbox in the store (020-notifications.sql). A message is queued in the
 * transaction that writes its notification and delivered after commit: a deliverer claims the
 * due messages (`claimDueMail`: pending, next attempt due, not claimed by another deliverer;
 * `for update skip locked`, so two servers never claim one message), sends them outside any
 * transaction and records each outcome. Every attempt is also appended to
 * notification_delivery_attempt. When to try again and when to give up is the application's
 * decision (app/src/notifications/retry-policy.ts); this file only records it.
 */
import { isoOf } from '../accounts/timestamps.js';
import type { Sql } from '../store.js';

export type MailLanguage = 'en' | 'zh-Hant';
export type OutboxState = 'pending' | 'sent' | 'failed';

export type NewMail = {
  readonly notificationId: string;
  readonly toAddress: string;
  readonly toName: string;
  readonly language: MailLanguage;
  readonly subject: string;
  readonly body: string;
  /** ISO-8601: queued at, and due at. */
  readonly at: string;
};

/** A message as the deliverer sends it. */
export type OutboxMessage = {
  readonly id: string;
  readonly toAddress: string;
  readonly toName: string;
  readonly language: MailLanguage;
  readonly subject: string;
  readonly body: string;
  /** Attempts before this one (since queued or retried by hand). */
  readonly attempts: number;
};

/** A message as the administrators' outbox view lists it (no body: it is the recipient's). */
export type OutboxEntry = {
  readonly id: string;
  readonly notificationId: string;
  readonly toAddress: string;
  readonly language: MailLanguage;
  readonly subject: string;
  readonly state: OutboxState;
  readonly attempts: number;
  /** ISO-8601 UTC. */
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
};

export type DeliveryAttempt = {
  readonly at: string;
  readonly outcome: 'sent' | 'temporary-failure' | 'permanent-failure' | 'retry-requested';
  readonly error: string | null;
  readonly actor: string | null;
};

/** Queue a notification's e-mail, due at once; its id. */
export async function enqueueMail(sql: Sql, m: NewMail): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into notification_outbox (notification_id, to_address, to_name, language, subject, body,
       next_attempt_at, created_at)
     values ($1::bigint, $2, $3, $4, $5, $6, $7, $7) returning id::text as id`,
    [m.notificationId, m.toAddress, m.toName, m.language, m.subject, m.body, m.at],
  );
  if (!row) throw new Error('enqueueMail: no id returned');
  return row.id;
}

/**
 * Claim up to `limit` messages due at `now` (oldest first) until `claimUntil`: no other
 * deliverer takes them meanwhile. The claim must outlast sending (the SMTP timeouts).
 */
export async function claimDueMail(
  sql: Sql,
  c: { readonly now: string; readonly claimUntil: string; readonly limit: number },
): Promise<OutboxMessage[]> {
  const rows = await sql.query<OutboxMessage>(
    `update notification_outbox set claimed_until = $2
     where id in (
       select id from notification_outbox
       where state = 'pending' and next_attempt_at <= $1 and (claimed_until is null or claimed_until <= $1)
       order by id limit $3 for update skip locked)
     returning id::text as id, to_address as "toAddress", to_name as "toName", language, subject, body, attempts`,
    [c.now, c.claimUntil, c.limit],
  );
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

const LAST_ERROR_MAX = 1000;
const clip = (s: string) => (s.length > LAST_ERROR_MAX ? `${s.slice(0, LAST_ERROR_MAX - 1)}…` : s);

/**
 * Record the outcome of one attempt on a claimed message. `retryAt` null: the message failed for
 * good (state failed); otherwise it stays pending until then. False when the message is no longer
 * pending (nothing is written).
 */
export async function recordMailOutcome(
  sql: Sql,
  o:
    | { readonly id: string; readonly at: string; readonly outcome: 'sent' }
    | {
        readonly id: string;
        readonly at: string;
        readonly outcome: 'temporary-failure' | 'permanent-failure';
        readonly error: string;
        readonly retryAt: string | null;
      },
): Promise<boolean> {
  const error = o.outcome === 'sent' ? null : clip(o.error);
  const rows =
    o.outcome === 'sent'
      ? await sql.query(
          `update notification_outbox set state = 'sent', sent_at = $2, attempts = attempts + 1,
             claimed_until = null, last_error = null
           where id = $1::bigint and state = 'pending' returning id`,
          [o.id, o.at],
        )
      : await sql.query(
          `update notification_outbox set state = case when $3::timestamptz is null then 'failed' else 'pending' end,
             next_attempt_at = coalesce($3::timestamptz, next_attempt_at), attempts = attempts + 1,
             claimed_until = null, last_error = $2
           where id = $1::bigint and state = 'pending' returning id`,
          [o.id, error, o.retryAt],
        );
  if (rows.length === 0) return false;
  await sql.query(
    'insert into notification_delivery_attempt (outbox_id, at, outcome, error) values ($1::bigint, $2, $3, $4)',
    [o.id, o.at, o.outcome, error],
  );
  return true;
}

/** Put a failed message back in the queue, due at `at`, its attempts counted afresh. */
export async function retryFailedMail(
  sql: Sql,
  r: { readonly id: string; readonly at: string; readonly actor: string },
): Promise<'retried' | 'not-failed' | 'not-found'> {
  if (!/^[1-9][0-9]{0,17}$/.test(r.id)) return 'not-found';
  const [row] = await sql.query<{ state: OutboxState }>(
    'select state from notification_outbox where id = $1::bigint for update',
    [r.id],
  );
  if (!row) return 'not-found';
  if (row.state !== 'failed') return 'not-failed';
  await sql.query(
    `update notification_outbox set state = 'pending', attempts = 0, next_attempt_at = $2, claimed_until = null
     where id = $1::bigint`,
    [r.id, r.at],
  );
  await sql.query(
    `insert into notification_delivery_attempt (outbox_id, at, outcome, actor)
     values ($1::bigint, $2, 'retry-requested', $3)`,
    [r.id, r.at, r.actor],
  );
  return 'retried';
}

const ENTRY = `id::text as id, notification_id::text as "notificationId", to_address as "toAddress", language,
  subject, state, attempts, ${isoOf('next_attempt_at')} as "nextAttemptAt", last_error as "lastError",
  ${isoOf('created_at')} as "createdAt", ${isoOf('sent_at')} as "sentAt"`;

/** The outbox, newest first, optionally of one state; at most `limit`. */
export async function outboxEntries(
  sql: Sql,
  q: { readonly state?: OutboxState | undefined; readonly limit: number },
): Promise<OutboxEntry[]> {
  return sql.query<OutboxEntry>(
    `select ${ENTRY} from notification_outbox where ($1::text is null or state = $1)
     order by id desc limit $2`,
    [q.state ?? null, q.limit],
  );
}

/** How many messages are in each state. */
export async function outboxCounts(sql: Sql): Promise<Record<OutboxState, number>> {
  const rows = await sql.query<{ state: OutboxState; n: number | string }>(
    'select state, count(*)::int as n from notification_outbox group by state',
  );
  const out: Record<OutboxState, number> = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}

/** One message's attempts, oldest first. */
export async function deliveryAttempts(sql: Sql, outboxId: string): Promise<DeliveryAttempt[]> {
  if (!/^[1-9][0-9]{0,17}$/.test(outboxId)) return [];
  return sql.query<DeliveryAttempt>(
    `select ${isoOf('at')} as at, outcome, error, actor from notification_delivery_attempt
     where outbox_id = $1::bigint order by id`,
    [outboxId],
  );
}
