/**
 * The reminders' port (use-cases/remind-overdue.ts OverdueSource) over the assignments: the
 * tasks use-cases/tasks.ts overdueAssignments finds overdue at a given time, with the
 * assignee's enabled account. A task is one unit assigned to one preparer; it is named by its
 * first assignment and lists its indicators.
 */
import type { AccountDirectory } from '../access/account-directory.js';
import type { OverdueAssignment, OverdueSource } from '../use-cases/remind-overdue.js';
import { overdueAssignments } from '../use-cases/tasks.js';
import type { Workspace } from '../workspace/workspace.js';

export function overdueFromAssignments(ws: Workspace, accounts: AccountDirectory): OverdueSource {
  return async (now) =>
    (await overdueAssignments({ ws, accounts, now: now.toISOString() })).map(
      ({ task, assignee }): OverdueAssignment => ({
        assignmentId: [...task.assignmentIds].sort((a, b) => Number(a) - Number(b))[0] ?? '',
        assigneeId: assignee.id,
        entityId: task.entityId,
        periodId: task.periodId,
        topic: task.topic,
        label: task.indicators.length > 0 ? task.indicators.join(', ') : null,
        dueOn: task.dueDate,
      }),
    );
}
