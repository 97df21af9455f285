/**
 * Overdue reminders (docs/workflow.md, "Notifications and reminders"): for every overdue task
 * at `now` (a unit assigned to a preparer, with one or more of its indicators, not submitted by
 * its due day), one `overdue-reminder` notification to the assignee (and its e-mail when
 * configured), at most one per task and day, and so at most one per assignment and day: running
 * it twice on one day adds nothing the second time (the store's unique index decides, so two
 * runs at once agree too).
 * The day is the calendar day of `now` in the organisation's time zone (Asia/Hong_Kong for a
 * Hong Kong group), so a run at 07:00 and one at 09:00 Hong Kong time are the same day.
 *
 * Which tasks are overdue is not decided here: `overdue` is a port (use-cases/tasks.ts
 * overdueAssignments lists them with the assignee's account for a given time; wired in
 * notifications/overdue-source.ts). An assignee without an enabled account (the local user, a
 * disabled account) is skipped and listed as such.
 */
import type { Entity } from '@assay/core';
import { notifiableAccounts, type Store } from '@assay/store';
import { authorise } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import type { Notifications } from '../notifications/notifier.js';
import { failure, type Result, success } from '../outcome.js';

/** A task (a unit assigned to one preparer) overdue at the time asked about. */
export type OverdueAssignment = {
  /** Its first assignment (a task covers one or more indicators, each one assignment). */
  readonly assignmentId: string;
  /** The assignee's account id. */
  readonly assigneeId: string;
  readonly entityId: string;
  /** The entry period. */
  readonly periodId: string;
  readonly topic: string;
  /** The indicators assigned ("fuel.diesel, electricity.purchased"); null: not said. */
  readonly label: string | null;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
};

/** The port: the tasks overdue at `now`. */
export type OverdueSource = (now: Date) => Promise<readonly OverdueAssignment[]>;

export type ReminderRun = {
  /** The day reminded for, YYYY-MM-DD in `timeZone`. */
  readonly day: string;
  readonly overdue: number;
  readonly reminded: number;
  /** Already reminded on this day. */
  readonly alreadyToday: number;
  readonly skipped: readonly { readonly assignmentId: string; readonly reason: string }[];
  /** Whether the reminders were also queued as e-mail. */
  readonly mailed: boolean;
};

/** The calendar day of `now` in `timeZone` (an IANA name), YYYY-MM-DD; undefined for an unknown zone. */
export function dayIn(now: Date, timeZone: string): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const part = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return undefined;
  }
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export async function remindOverdue(i: {
  readonly store: Store;
  readonly caller: Caller;
  readonly notifications: Notifications;
  readonly overdue: OverdueSource;
  readonly entities: readonly Entity[];
  readonly now: Date;
  readonly timeZone: string;
}): Promise<Result<ReminderRun>> {
  if (authorise(i.caller.access, 'manage-notifications', { kind: 'organisation' }) !== 'allow')
    return failure('forbidden', 'your role does not allow "manage-notifications" (sending reminders)');
  const day = dayIn(i.now, i.timeZone);
  if (day === undefined)
    return failure('invalid-request', `time zone "${i.timeZone}" is unknown (write e.g. Asia/Hong_Kong)`, {
      field: 'timeZone',
    });
  const overdue = await i.overdue(i.now);
  const accounts = new Map((await notifiableAccounts(i.store)).map((a) => [a.id, a]));
  const skipped: { assignmentId: string; reason: string }[] = [];
  const drafts = [];
  for (const o of overdue) {
    const account = accounts.get(o.assigneeId);
    if (!account) {
      skipped.push({
        assignmentId: o.assignmentId,
        reason: `assignee ${o.assigneeId} has no enabled account`,
      });
      continue;
    }
    drafts.push({
      account,
      notification: {
        kind: 'overdue-reminder' as const,
        entityId: o.entityId,
        periodId: o.periodId,
        topic: o.topic,
        unitVersion: null,
        assignmentId: o.assignmentId,
        assignmentLabel: o.label === null ? null : clip(o.label, 400),
        dueOn: o.dueOn,
        reminderDay: day,
        actorId: null,
        actor: 'Assay',
        comment: null,
      },
    });
  }
  const ids = await i.notifications.record(drafts, i.entities);
  const reminded = ids.filter((id) => id !== null).length;
  return success({
    day,
    overdue: overdue.length,
    reminded,
    alreadyToday: ids.length - reminded,
    skipped,
    mailed: i.notifications.mailEnabled,
  });
}
