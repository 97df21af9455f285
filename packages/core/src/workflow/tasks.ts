/**
 * Task lists and progress of a reporting cycle (issue #17; docs/workflow.md "Task lists"),
 * derived, never stored: from the current assignments (indicator × entity × entry period → a
 * preparer, with a due date) and the workflow units' positions (state, version and, for a unit
 * sent back to draft, the return or reopen that did it). A task is one unit assigned to one
 * preparer (the unit's indicators assigned to them, the earliest of their due dates):
 *   due       the unit is draft and was never sent back (nobody submitted it yet, or only
 *             exceptions were recorded)
 *   returned  the unit is draft because a reviewer or approver returned it (or an administrator
 *             reopened it): the comment says what to correct
 *   done      submitted, reviewed or approved
 * overdue: not done and the due day has ended (cycle-periods.ts isOverdue) at `now`.
 * Progress counts units per entity (a unit assigned to two preparers counts once, with the
 * earliest due date of all its assignments).
 */
import { isOverdue } from './cycle-periods.js';
import type { WorkflowState } from './state.js';

/** A current (not withdrawn) assignment, as these rules need it. */
export type AssignedIndicator = {
  readonly id: string;
  readonly entityId: string;
  readonly periodId: string;
  readonly topic: string;
  readonly indicatorId: string;
  /** The preparer's user id. */
  readonly assignee: string;
  /** YYYY-MM-DD. */
  readonly dueDate: string;
};

/** The return or reopen that sent a unit back to draft. */
export type SentBack = {
  readonly event: 'return' | 'reopen';
  readonly comment: string | null;
  readonly actor: string;
  /** ISO-8601. */
  readonly at: string;
};

/** Where a unit stands in the workflow; a unit absent from the map is draft at version 0. */
export type UnitPosition = {
  readonly state: WorkflowState;
  readonly version: number;
  /** Only while draft after a return or reopen; else null. */
  readonly sentBack: SentBack | null;
};

export type TaskStatus = 'due' | 'returned' | 'done';

export type Task = {
  readonly entityId: string;
  readonly periodId: string;
  readonly topic: string;
  readonly assignee: string;
  /** The unit's indicators assigned to this preparer, sorted. */
  readonly indicators: readonly string[];
  readonly assignmentIds: readonly string[];
  /** The earliest due date of those assignments. */
  readonly dueDate: string;
  readonly state: WorkflowState;
  /** The unit's version (what a submit names). */
  readonly version: number;
  readonly status: TaskStatus;
  readonly overdue: boolean;
  readonly sentBack: SentBack | null;
};

export type EntityProgress = {
  readonly entityId: string;
  /** Units with at least one current assignment. */
  readonly assigned: number;
  /** Draft, never sent back. */
  readonly due: number;
  /** Draft after a return or reopen. */
  readonly returned: number;
  /** Submitted, reviewed or approved. */
  readonly submitted: number;
  readonly approved: number;
  /** Not submitted and past the due day. */
  readonly overdue: number;
  /** Current assignments (indicators × entry periods). */
  readonly indicators: number;
};

/** The key of a unit in `positions` maps. */
export const unitKeyText = (u: {
  readonly entityId: string;
  readonly periodId: string;
  readonly topic: string;
}): string => JSON.stringify([u.entityId, u.periodId, u.topic]);

const DRAFT: UnitPosition = { state: 'draft', version: 0, sentBack: null };

/** A unit's status from its position. */
export function statusOf(p: UnitPosition): TaskStatus {
  if (p.state !== 'draft') return 'done';
  return p.sentBack ? 'returned' : 'due';
}

const byUnit = (a: Task | EntityProgress, b: Task | EntityProgress) =>
  a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0;

/**
 * The tasks of the given assignments (normally one preparer's), one per unit and assignee,
 * ordered by due date, then entity, entry period and topic.
 */
export function tasksOf(
  assignments: readonly AssignedIndicator[],
  positions: ReadonlyMap<string, UnitPosition>,
  now: string,
): Task[] {
  const groups = new Map<string, AssignedIndicator[]>();
  for (const a of assignments) {
    const k = JSON.stringify([a.assignee, a.entityId, a.periodId, a.topic]);
    const list = groups.get(k);
    if (list) list.push(a);
    else groups.set(k, [a]);
  }
  const tasks: Task[] = [];
  for (const list of groups.values()) {
    const first = list[0] as AssignedIndicator;
    const position = positions.get(unitKeyText(first)) ?? DRAFT;
    const status = statusOf(position);
    const dueDate = list.map((a) => a.dueDate).sort()[0] as string; // YYYY-MM-DD sorts as dates
    tasks.push({
      entityId: first.entityId,
      periodId: first.periodId,
      topic: first.topic,
      assignee: first.assignee,
      indicators: [...new Set(list.map((a) => a.indicatorId))].sort(),
      assignmentIds: list.map((a) => a.id),
      dueDate,
      state: position.state,
      version: position.version,
      status,
      overdue: status !== 'done' && isOverdue(dueDate, now),
      sentBack: position.state === 'draft' ? position.sentBack : null,
    });
  }
  const order = (t: Task) => JSON.stringify([t.dueDate, t.entityId, t.periodId, t.topic, t.assignee]);
  return tasks.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** Progress per entity over the given assignments (only entities with any), by entity id. */
export function progressOf(
  assignments: readonly AssignedIndicator[],
  positions: ReadonlyMap<string, UnitPosition>,
  now: string,
): EntityProgress[] {
  const units = new Map<string, { entityId: string; dueDate: string; key: string }>();
  const indicators = new Map<string, number>();
  for (const a of assignments) {
    const key = unitKeyText(a);
    const u = units.get(key);
    if (!u) units.set(key, { entityId: a.entityId, dueDate: a.dueDate, key });
    else if (a.dueDate < u.dueDate) u.dueDate = a.dueDate;
    indicators.set(a.entityId, (indicators.get(a.entityId) ?? 0) + 1);
  }
  const out = new Map<string, { -readonly [K in keyof EntityProgress]: EntityProgress[K] }>();
  for (const u of units.values()) {
    const p = out.get(u.entityId) ?? {
      entityId: u.entityId,
      assigned: 0,
      due: 0,
      returned: 0,
      submitted: 0,
      approved: 0,
      overdue: 0,
      indicators: indicators.get(u.entityId) ?? 0,
    };
    const position = positions.get(u.key) ?? DRAFT;
    const status = statusOf(position);
    p.assigned++;
    if (status === 'due') p.due++;
    if (status === 'returned') p.returned++;
    if (status === 'done') p.submitted++;
    if (position.state === 'approved') p.approved++;
    if (status !== 'done' && isOverdue(u.dueDate, now)) p.overdue++;
    out.set(u.entityId, p);
  }
  return [...out.values()].sort(byUnit);
}

/** The sum of several entities' progress (the cycle's total). */
export function totalProgress(rows: readonly EntityProgress[]): Omit<EntityProgress, 'entityId'> {
  const t = { assigned: 0, due: 0, returned: 0, submitted: 0, approved: 0, overdue: 0, indicators: 0 };
  for (const r of rows) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += r[k];
  return t;
}
