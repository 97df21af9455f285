/**
 * Comment threads over HTTP (issue #17; docs/workflow.md "Comments"): GET and POST
 * /api/comments?target=kind:id. The route rules (http/route-rules.ts) let a caller through who
 * may read (write) comments somewhere; the use case (app/src/use-cases/comments.ts) decides on
 * the target's entity: 404 where the caller cannot see it, 403 where their role does not allow it.
 */
import { readComments, writeComment } from '@assay/app';
import type { Caller } from '@assay/app/access';
import { type Context, Hono } from 'hono';
import { callerOf } from '../http/caller.js';
import { CommentBody, CommentsQuery } from '../http/cycle-schemas.js';
import { jsonBody, parseWith, send, sendError } from '../http/respond.js';
import type { Deps } from './deps.js';

function who(c: Context): Caller | Response {
  return callerOf(c) ?? sendError(c, { code: 'unauthenticated', message: 'not signed in' });
}

export function commentRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/comments', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const q = parseWith(CommentsQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    return send(c, await readComments(d.workspace, caller, q.value.target), (v) => v);
  });
  r.post('/comments', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const q = parseWith(CommentsQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(CommentBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await writeComment({
      ws: d.workspace,
      caller,
      target: q.value.target,
      text: input.value.text,
      replyTo: input.value.replyTo,
    });
    return send(c, out, (comment) => ({ comment }), 201);
  });
  return r;
}
