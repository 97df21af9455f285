/**
 * Findings and their work state over HTTP (issue #20; docs/checks.md "Findings as work items"):
 * GET /api/findings lists the checker's findings with their work state (filters: state,
 * severity, rule, section, entity, assignee; paging), filtered to the caller's entities; the
 * POST routes assign, accept with a reason, reopen and comment on one finding, decided by the use
 * cases (app use-cases/finding-work.ts, comments.ts) on the finding's entity: 404 where the
 * caller cannot see it, 403 where their role does not allow it.
 */
import {
  acceptFinding,
  approvedMateriality,
  assignFinding,
  checkResult,
  type FindingWorkView,
  findingWorkHistory,
  listFindingWork,
  type Result,
  readComments,
  reopenFinding,
  writeComment,
} from '@assay/app';
import { accountDirectory, type Caller, type Store } from '@assay/app/access';
import { summarise } from '@assay/core';
import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { callerOf } from '../http/caller.js';
import { CommentBody } from '../http/cycle-schemas.js';
import { allowedOf } from '../http/enforce-rules.js';
import {
  FindingAcceptBody,
  FindingAssignBody,
  FindingReopenBody,
  FindingWorkQuery,
} from '../http/finding-schemas.js';
import { jsonBody, parseWith, send, sendError } from '../http/respond.js';
import type { Deps } from './deps.js';

export type FindingDeps = Deps & {
  /** The accounts (assignees); undefined for a bundle served in memory: nobody can be assigned. */
  readonly store: Store | undefined;
};

function who(c: Context): Caller | Response {
  return callerOf(c) ?? sendError(c, { code: 'unauthenticated', message: 'not signed in' });
}

export function findingRoutes(d: FindingDeps): Hono {
  const r = new Hono();
  r.get('/findings', async (c) => {
    const q = parseWith(FindingWorkQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const visible = allowedOf(c);
    const list = await listFindingWork(d.workspace, (e) => visible.has(e), q.value);
    const s = d.workspace.snapshot();
    // The counts: of every finding the checker raises now that the caller may read (not only
    // the filtered page), so a preparer of one subsidiary learns nothing of the others.
    const root = s.bundle.organisation.entities.find((e) => e.parentId === undefined)?.id ?? '';
    const all = checkResult(s, await approvedMateriality(d.workspace));
    const summary = visible.has(root)
      ? all.summary
      : summarise(all.findings.filter((f) => visible.has(f.where.entityId ?? root)));
    return c.json({ workspaceVersion: s.version, total: summary.total, summary, ...list });
  });
  r.get('/findings/:id/history', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    return send(c, await findingWorkHistory(d.workspace, caller, c.req.param('id')), (v) => v);
  });
  /** One POST action: the body through its schema, then the use case; the work state back. */
  const action = <S extends z.ZodType>(
    path: string,
    schema: S,
    run: (caller: Caller, id: string, v: z.infer<S>) => Promise<Result<FindingWorkView>>,
  ) =>
    r.post(`/findings/:id/${path}`, async (c) => {
      const caller = who(c);
      if (caller instanceof Response) return caller;
      const body = await jsonBody(c);
      if (!body.ok) return sendError(c, body.error);
      const input = parseWith(schema, body.value);
      if (!input.ok) return sendError(c, input.error);
      return send(c, await run(caller, c.req.param('id'), input.value), (work) => ({ work }));
    });
  action('assign', FindingAssignBody, (caller, id, v) =>
    assignFinding({
      ws: d.workspace,
      caller,
      accounts: accountDirectory(d.store),
      id,
      assignee: v.assignee,
      expectedVersion: v.version,
    }),
  );
  action('accept', FindingAcceptBody, (caller, id, v) =>
    acceptFinding({ ws: d.workspace, caller, id, reason: v.reason, expectedVersion: v.version }),
  );
  action('reopen', FindingReopenBody, (caller, id, v) =>
    reopenFinding({ ws: d.workspace, caller, id, expectedVersion: v.version }),
  );
  // A finding's comment thread: the comment threads' (target finding:<id>).
  r.get('/findings/:id/comments', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    return send(c, await readComments(d.workspace, caller, `finding:${c.req.param('id')}`), (v) => v);
  });
  r.post('/findings/:id/comments', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(CommentBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await writeComment({
      ws: d.workspace,
      caller,
      target: `finding:${c.req.param('id')}`,
      text: input.value.text,
      replyTo: input.value.replyTo,
    });
    return send(c, out, (comment) => ({ comment }), 201);
  });
  return r;
}
