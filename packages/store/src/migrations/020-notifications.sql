-- Notifications and reminders (issue #17; docs/workflow.md, "Notifications and reminders").
--
-- notification: one row per recipient account and event: a workflow transition someone else
-- made that the recipient has to act on or know about, or an overdue reminder. It names its
-- subject by structure (entity, period, topic or assignment); the words are written when it is
-- shown or mailed, in the reader's language. read_at is the only column that changes.
--
-- notification_outbox: the e-mail of a notification, written (subject and body, in the
-- recipient's language) in the same transaction as the notification, and delivered after
-- commit by a deliverer (app/src/notifications/outbox-deliverer.ts) that claims due rows
-- (claimed_until, so several servers never send one message at the same time), sends, and
-- records the outcome: sent, or a failure with the next attempt's time (a temporary failure),
-- or failed for good (a permanent SMTP refusal, or too many attempts). Delivery is at least once:
-- a process that dies between the SMTP server's acceptance and the record sends it again after
-- the claim runs out.
--
-- notification_delivery_attempt: every attempt and its outcome, append-only: what the
-- administrators' outbox view shows as the history of a failure.
--
-- users.language: the account's preferred language for what is written to it (e-mail): en or
-- zh-Hant. Times are passed in by the application (it owns the clock).

alter table users add column language text not null default 'en' check (language in ('en', 'zh-Hant'));

create table notification (
  id bigint generated always as identity primary key,
  recipient_id text not null references users (id),
  kind text not null check (kind in ('submitted-for-review', 'returned', 'reviewed-for-approval', 'approved',
    'reopened', 'exception-granted', 'overdue-reminder')),
  entity_id text not null check (length(entity_id) between 1 and 200),
  period_id text not null check (length(period_id) between 1 and 20),
  -- the workflow unit's topic (a reminder's: the overdue task's unit)
  topic text not null check (length(topic) between 1 and 100),
  -- the unit's version after the transition (a workflow notification)
  unit_version int check (unit_version >= 1),
  -- overdue-reminder: the overdue task (the unit assigned to the recipient: one or more of its
  -- indicators), named by its first assignment and the indicators it covers; its due date; and
  -- the day (in the organisation's time zone) the reminder is for: one a day (index below)
  assignment_id text check (length(assignment_id) between 1 and 200),
  assignment_label text check (length(assignment_label) between 1 and 400),
  due_on date,
  reminder_day date,
  actor_id text check (length(actor_id) between 1 and 200), -- who acted; null: Assay itself (a reminder)
  actor text not null check (length(actor) between 1 and 600), -- "Ann Lee <ann@x.com>", "Assay"
  comment text check (length(comment) <= 2000),
  created_at timestamptz not null,
  read_at timestamptz,
  check ((kind = 'overdue-reminder') = (assignment_id is not null and reminder_day is not null and due_on is not null)),
  check (kind = 'overdue-reminder' or (unit_version is not null and actor_id is not null))
);
create index notification_recipient on notification (recipient_id, created_at desc, id desc);
-- One reminder per task (recipient × unit) and day, whichever of its assignments is named: a run
-- repeated on the same day, or two at once, adds nothing.
create unique index notification_reminder_once on notification (recipient_id, entity_id, period_id, topic, reminder_day)
  where kind = 'overdue-reminder';

create table notification_outbox (
  id bigint generated always as identity primary key,
  notification_id bigint not null unique references notification (id),
  to_address text not null check (length(to_address) between 3 and 254),
  to_name text not null check (length(to_name) between 1 and 200),
  language text not null check (language in ('en', 'zh-Hant')),
  subject text not null check (length(subject) between 1 and 400),
  body text not null check (length(body) between 1 and 20000),
  state text not null default 'pending' check (state in ('pending', 'sent', 'failed')),
  attempts int not null default 0 check (attempts >= 0), -- since it was queued or retried by hand
  next_attempt_at timestamptz not null,
  claimed_until timestamptz, -- a deliverer is sending it until then
  last_error text check (length(last_error) <= 1000),
  created_at timestamptz not null,
  sent_at timestamptz,
  check ((state = 'sent') = (sent_at is not null))
);
create index notification_outbox_due on notification_outbox (next_attempt_at, id) where state = 'pending';

create table notification_delivery_attempt (
  id bigint generated always as identity primary key,
  outbox_id bigint not null references notification_outbox (id),
  at timestamptz not null,
  outcome text not null check (outcome in ('sent', 'temporary-failure', 'permanent-failure', 'retry-requested')),
  error text check (length(error) <= 1000),
  actor text check (length(actor) between 1 and 600) -- retry-requested: who asked
);
create index notification_delivery_attempt_outbox on notification_delivery_attempt (outbox_id, id);

create trigger notification_delivery_attempt_append_only before update or delete on notification_delivery_attempt
  for each row execute function assay_forbid_change();
create trigger notification_delivery_attempt_no_truncate before truncate on notification_delivery_attempt
  for each statement execute function assay_forbid_change();
