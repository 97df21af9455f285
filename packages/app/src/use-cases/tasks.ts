/**
 * Task lists and progress of reporting cycles (issue #17; docs/workflow.md "Task lists"), derived
 * from the assignments and the workflow units by core's rules (workflow/tasks.ts), never stored:
 *   myTasks              the caller's assigned units: due, returned (with the comment), done;
 *                        overdue flagged against `now`
 *   cycleProgress        per entity the caller may read: assigned, due, returned, submitted,
 *                        approved, overdue (units) and indicators (assignments)
 *   overdueAssignments   for reminders (no caller: a job of the server): every overdue unit with
 *                        its assignee's account (email, name), enabled accounts only
 * `now` is ISO-8601 in UTC, passed in by the adapter (its clock); a due day ends at 24:00 UTC.
 */
import {
  type AssignedIndicator,
  daysBetween,
  type EntityProgress,
  progressOf,
  type SentBack,
  type Task,
  tasksOf,
  totalProgress,
  type UnitPosition,
  unitKeyText,
  utcDayOf,
} from '@assay/core';
import type { AccountDirectory } from '../access/account-directory.js';
import { authorise, entitiesAllowed } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import { failure, type Result, success } from '../outcome.js';
import type { AssignmentRecord } from '../workspace/assignment-records.js';
import type { Workspace } from '../workspace/workspace.js';
import { cycleOf } from './cycles.js';
import { actorId } from './workflow.js';

export type { EntityProgress, Task };

/** The assignments core's rules take (current ones only). */
const assigned = (list: readonly AssignmentRecord[]): AssignedIndicator[] =>
  list.flatMap((a) =>
    a.assignee === null || a.dueDate === null
      ? []
      : [
          {
            id: a.id,
            entityId: a.entityId,
            periodId: a.periodId,
            topic: a.topic,
            indicatorId: a.indicatorId,
            assignee: a.assignee,
            dueDate: a.dueDate,
          },
        ],
  );

/**
 * Where the assigned units stand: their records (one read per entry period), and for a draft
 * that was acted on (returned or reopened: only those are draft at a version above 0, or drafts
 * with an exception only) the transition that sent it back, from its history.
 */
export async function unitPositions(
  ws: Workspace,
  list: readonly { readonly periodId: string }[],
): Promise<Map<string, UnitPosition>> {
  const positions = new Map<string, UnitPosition>();
  for (const periodId of new Set(list.map((a) => a.periodId)))
    for (const u of await ws.cycle.units(periodId)) {
      let sentBack: SentBack | null = null;
      if (u.state === 'draft' && u.version > 0) {
        const back = (await ws.cycle.transitions(u)).findLast((t) => t.to === 'draft' && t.from !== 'draft');
        if (back && (back.event === 'return' || back.event === 'reopen'))
          sentBack = { event: back.event, comment: back.comment, actor: back.actor, at: back.at };
      }
      positions.set(unitKeyText(u), { state: u.state, version: u.version, sentBack });
    }
  return positions;
}

const validNow = (now: string): Result<string> => {
  try {
    utcDayOf(now);
    return success(now);
  } catch {
    return failure('invalid-request', `now: "${now.slice(0, 40)}" is not an ISO-8601 UTC time`, {
      field: 'now',
    });
  }
};

export type TaskCounts = {
  readonly due: number;
  readonly returned: number;
  readonly done: number;
  readonly overdue: number;
};

export type MyTasksInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  /** ISO-8601 UTC. */
  readonly now: string;
  /** One cycle only; default every cycle. */
  readonly cycleId?: string | undefined;
};

/** The caller's task list (their assignments in entities where they may read cycles). */
export async function myTasks(i: MyTasksInput): Promise<Result<{ tasks: Task[]; counts: TaskCounts }>> {
  const now = validNow(i.now);
  if (!now.ok) return now;
  if (entitiesAllowed(i.caller.access, 'read-cycle').length === 0)
    return failure('forbidden', 'your role does not allow reading reporting cycles');
  if (i.cycleId !== undefined) {
    const cycle = await cycleOf(i.ws, i.cycleId);
    if (!cycle.ok) return cycle;
  }
  const mine = (await i.ws.assignments.list({ assignee: actorId(i.caller), cycleId: i.cycleId })).filter(
    (a) => authorise(i.caller.access, 'read-cycle', { kind: 'entity', entityId: a.entityId }) === 'allow',
  );
  const tasks = tasksOf(assigned(mine), await unitPositions(i.ws, mine), i.now);
  const counts = {
    due: tasks.filter((t) => t.status === 'due').length,
    returned: tasks.filter((t) => t.status === 'returned').length,
    done: tasks.filter((t) => t.status === 'done').length,
    overdue: tasks.filter((t) => t.overdue).length,
  };
  return success({ tasks, counts });
}

export type CycleProgress = {
  readonly cycle: string;
  readonly entities: EntityProgress[];
  readonly total: Omit<EntityProgress, 'entityId'>;
};

/** Progress per entity of one cycle, over the entities where the caller may read cycles. */
export async function cycleProgress(i: {
  readonly ws: Workspace;
  readonly caller: Caller;
  readonly cycleId: string;
  readonly now: string;
}): Promise<Result<CycleProgress>> {
  const now = validNow(i.now);
  if (!now.ok) return now;
  const readable = new Set(entitiesAllowed(i.caller.access, 'read-cycle'));
  if (readable.size === 0) return failure('forbidden', 'your role does not allow reading reporting cycles');
  const cycle = await cycleOf(i.ws, i.cycleId);
  if (!cycle.ok) return cycle;
  const list = (await i.ws.assignments.list({ cycleId: cycle.value.periodId })).filter((a) =>
    readable.has(a.entityId),
  );
  const entities = progressOf(assigned(list), await unitPositions(i.ws, list), i.now);
  return success({ cycle: cycle.value.periodId, entities, total: totalProgress(entities) });
}

/** An overdue unit with whom to remind. */
export type OverdueTask = {
  readonly task: Task;
  /** Whole days since the due day ended (1 on the day after it). */
  readonly daysOverdue: number;
  readonly assignee: { readonly id: string; readonly email: string; readonly name: string };
  readonly cycleId: string;
};

/**
 * Every overdue unit (not submitted, due day ended at `now`) with its assignee's account, for
 * reminders; assignees without an enabled account are left out (nobody to write to). By
 * assignee email, then as the task list orders them.
 */
export async function overdueAssignments(i: {
  readonly ws: Workspace;
  readonly accounts: AccountDirectory;
  readonly now: string;
  readonly cycleId?: string | undefined;
}): Promise<OverdueTask[]> {
  const today = utcDayOf(i.now);
  const list = await i.ws.assignments.list({ cycleId: i.cycleId });
  const cycleOfAssignment = new Map(list.map((a) => [a.id, a.cycleId]));
  const overdue = tasksOf(assigned(list), await unitPositions(i.ws, list), i.now).filter((t) => t.overdue);
  const out: OverdueTask[] = [];
  const found = new Map<string, Awaited<ReturnType<AccountDirectory['find']>>>();
  for (const task of overdue) {
    if (!found.has(task.assignee)) found.set(task.assignee, await i.accounts.find(task.assignee));
    const account = found.get(task.assignee);
    if (!account || account.disabled) continue;
    out.push({
      task,
      daysOverdue: daysBetween(task.dueDate, today),
      assignee: { id: account.id, email: account.email, name: account.name },
      cycleId: cycleOfAssignment.get(task.assignmentIds[0] ?? '') ?? '',
    });
  }
  return out.sort((a, b) =>
    a.assignee.email < b.assignee.email ? -1 : a.assignee.email > b.assignee.email ? 1 : 0,
  );
}
