/**
 * Reporting cycles, assignments, task lists and progress over HTTP (issue #17; docs/workflow.md
 * "Cycles and assignments", "Task lists"). Pipelines: zod input → one use case
 * (app/src/use-cases/cycles.ts, assignments.ts, tasks.ts) → JSON. Rules (http/route-rules.ts):
 * opening a cycle is the group administrator's; assigning needs 'manage-cycle' on the subtree's
 * root (decided again by the use case); reading is 'read-cycle', filtered to the caller's
 * entities. "now" for task lists and progress is the server's clock.
 */
import {
  assignInBulk,
  assignmentHistory,
  cycleProgress,
  listAssignments,
  listCycles,
  myTasks,
  openCycle,
} from '@assay/app';
import { accountDirectory, type Caller, type Store } from '@assay/app/access';
import { type Context, Hono } from 'hono';
import { callerOf } from '../http/caller.js';
import { AssignBody, AssignmentsQuery, CycleOpenBody, TasksQuery } from '../http/cycle-schemas.js';
import { jsonBody, parseWith, send, sendError } from '../http/respond.js';
import type { Deps } from './deps.js';

export type CycleDeps = Deps & {
  /** The accounts (assignees); undefined for a bundle served in memory: nobody can be assigned. */
  readonly store: Store | undefined;
  readonly now: () => Date;
};

/** The caller; enforce-rules.ts has answered 401 before any of these routes without one. */
function who(c: Context): Caller | Response {
  return callerOf(c) ?? sendError(c, { code: 'unauthenticated', message: 'not signed in' });
}

export function cycleRoutes(d: CycleDeps): Hono {
  const r = new Hono();
  const period = (c: Context) => c.req.param('period') ?? '';
  r.post('/cycles', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(CycleOpenBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await openCycle({
      ws: d.workspace,
      caller,
      periodId: input.value.period,
      frequency: input.value.frequency,
    });
    return send(c, out, (v) => v, out.ok && out.value.created ? 201 : 200);
  });
  r.get('/cycles', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    return send(c, await listCycles(d.workspace, caller), (cycles) => ({ cycles }));
  });
  r.post('/cycles/:period/assignments', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(AssignBody, body.value);
    if (!input.ok)
      return sendError(c, { ...input.error, message: `${input.error.message}; nothing was assigned` });
    const out = await assignInBulk({
      ws: d.workspace,
      caller,
      accounts: accountDirectory(d.store),
      cycleId: period(c),
      request: input.value,
    });
    return send(c, out, (v) => v);
  });
  r.get('/cycles/:period/assignments', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const q = parseWith(AssignmentsQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await listAssignments(d.workspace, caller, period(c), {
      entity: q.value.entity,
      assignee: q.value.assignee,
      period: q.value.period,
      includeWithdrawn: q.value.withdrawn === 'true',
    });
    return send(c, out, (v) => v);
  });
  r.get('/cycles/:period/assignments/:id/history', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    return send(c, await assignmentHistory(d.workspace, caller, period(c), c.req.param('id')), (v) => v);
  });
  r.get('/cycles/:period/progress', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const now = d.now().toISOString();
    return send(c, await cycleProgress({ ws: d.workspace, caller, cycleId: period(c), now }), (v) => ({
      ...v,
      now,
    }));
  });
  r.get('/tasks', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const q = parseWith(TasksQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const now = d.now().toISOString();
    const out = await myTasks({ ws: d.workspace, caller, now, cycleId: q.value.cycle });
    return send(c, out, (v) => ({ now, ...v }));
  });
  return r;
}
