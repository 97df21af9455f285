/**
 * The collection cycle over HTTP (issue #17; docs/workflow.md): a period's workflow units,
 * the events on a unit (one route per event, so each has its permission rule in
 * route-rules.ts), and locking and unlocking a period. Pipelines: zod input → one use case
 * (app/src/use-cases/workflow.ts, period-lock.ts) → JSON.
 */
import {
  actOnUnit,
  describeUnits,
  listUnits,
  lockOf,
  lockPeriod,
  reviewUnit,
  unlockPeriod,
} from '@assay/app';
import type { Caller } from '@assay/app/access';
import { WORKFLOW_EVENTS, type WorkflowEventKind } from '@assay/core';
import { type Context, Hono } from 'hono';
import { callerOf } from '../http/caller.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import {
  PeriodLockBody,
  WorkflowEventBody,
  WorkflowExceptionBody,
  WorkflowQuery,
} from '../http/workflow-schemas.js';
import type { Deps } from './deps.js';

/** The caller; enforce-rules.ts has answered 401 before any of these routes without one. */
function who(c: Context): Caller | Response {
  return callerOf(c) ?? sendError(c, { code: 'unauthenticated', message: 'not signed in' });
}

export function workflowRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/workflow', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const query = parseWith(WorkflowQuery, c.req.query());
    if (!query.ok) return sendError(c, query.error);
    const listed = await listUnits(d.workspace, caller, query.value.period);
    // With who submitted and reviewed (names) and the newest comment of each unit (the web's cycle page).
    const units = listed.ok
      ? { ok: true as const, value: await describeUnits(d.workspace, listed.value) }
      : listed;
    const lock = units.ok ? ((await lockOf(d.workspace, query.value.period)) ?? null) : null;
    return send(c, units, (list) => ({ period: query.value.period, lock, units: list }));
  });
  // The reviewer's view of one unit: its facts against last period and last year, and the
  // checker's findings on it (app use-cases/unit-review.ts). The rule on :entity is route-rules'.
  r.get('/workflow/:entity/:period/:topic', (c) =>
    send(
      c,
      reviewUnit({
        snapshot: d.workspace.snapshot(),
        entityId: c.req.param('entity'),
        periodId: c.req.param('period'),
        topic: c.req.param('topic'),
      }),
      (v) => v,
    ),
  );
  const onEvent = (event: WorkflowEventKind) => async (c: Context) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(event === 'exception' ? WorkflowExceptionBody : WorkflowEventBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await actOnUnit({
      ws: d.workspace,
      caller,
      key: {
        entityId: c.req.param('entity') ?? '',
        periodId: c.req.param('period') ?? '',
        topic: c.req.param('topic') ?? '',
      },
      event,
      version: version.value,
      comment: input.value.comment,
      userId: 'userId' in input.value ? input.value.userId : undefined,
      notifier: d.notifier,
    });
    if (out.ok) c.header('ETag', `"${out.value.unit.version}"`);
    return send(c, out, (v) => v);
  };
  for (const event of WORKFLOW_EVENTS) r.post(`/workflow/:entity/:period/:topic/${event}`, onEvent(event));
  const lockRoute = (unlock: boolean) => async (c: Context) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(PeriodLockBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    const i = { ws: d.workspace, caller, periodId: c.req.param('period') ?? '', reason: input.value.reason };
    if (unlock) return send(c, await unlockPeriod(i), (v) => v);
    return send(c, await lockPeriod(i), (v) => v, 201);
  };
  r.post('/periods/:period/lock', lockRoute(false));
  r.delete('/periods/:period/lock', lockRoute(true));
  return r;
}
