/**
 * Restatement and base year over HTTP (issue #17; docs/workflow.md, "Restatement and base
 * year"). Pipelines: zod input → one use case (app/src/use-cases/restatement.ts, base-year.ts)
 * → JSON. One route per event, so each has its permission rule in route-rules.ts (the event's
 * action, decided by the use case on every entity the request touches).
 */
import {
  actOnRestatement,
  listRestatements,
  type RestatementEventKind,
  type RestatementRecord,
  readBaseYear,
  requestRestatement,
  restatementWithHistory,
  writeBaseYear,
} from '@assay/app';
import type { Caller } from '@assay/app/access';
import { type Context, Hono } from 'hono';
import { callerOf } from '../http/caller.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { BaseYearBody, RestatementBody, RestatementEventBody } from '../http/restatement-schemas.js';
import type { Deps } from './deps.js';

export const RESTATEMENT_EVENTS: readonly RestatementEventKind[] = ['submit', 'return', 'review', 'approve'];

function who(c: Context): Caller | Response {
  return callerOf(c) ?? sendError(c, { code: 'unauthenticated', message: 'not signed in' });
}

/** A request as the API shows it: its record, with each linked revision naming its fact. */
export function presentRestatement(r: RestatementRecord) {
  return {
    ...r,
    revisions: r.revisions.map((l) => ({
      ...l,
      factId: r.items.find((i) => i.kind === l.kind && i.factKey === l.factKey)?.factId ?? null,
    })),
  };
}

function idOf(c: Context): number | Response {
  const raw = c.req.param('id') ?? '';
  const id = Number(raw);
  if (!/^[1-9]\d{0,15}$/.test(raw) || !Number.isSafeInteger(id))
    return sendError(c, { code: 'not-found', message: `no restatement "${raw}"` });
  return id;
}

export function restatementRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/restatements', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    return send(c, await listRestatements(d.workspace, caller), (list) => ({
      restatements: list.map(presentRestatement),
    }));
  });
  r.post('/restatements', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(RestatementBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await requestRestatement({ ws: d.workspace, caller, ...input.value });
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => ({ restatement: presentRestatement(v) }), 201);
  });
  r.get('/restatements/:id', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const id = idOf(c);
    if (id instanceof Response) return id;
    const out = await restatementWithHistory(d.workspace, caller, id);
    return send(c, out, (v) => ({
      restatement: presentRestatement(v.restatement),
      transitions: v.transitions,
    }));
  });
  const onEvent = (event: RestatementEventKind) => async (c: Context) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const id = idOf(c);
    if (id instanceof Response) return id;
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(RestatementEventBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await actOnRestatement({
      ws: d.workspace,
      caller,
      id,
      event,
      version: version.value,
      comment: input.value.comment,
    });
    if (out.ok) c.header('ETag', `"${out.value.restatement.version}"`);
    return send(c, out, (v) => ({
      restatement: presentRestatement(v.restatement),
      transition: v.transition,
    }));
  };
  for (const event of RESTATEMENT_EVENTS) r.post(`/restatements/:id/${event}`, onEvent(event));
  r.get('/settings/base-year', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    return send(c, await readBaseYear(d.workspace, caller), (v) => v);
  });
  r.put('/settings/base-year', async (c) => {
    const caller = who(c);
    if (caller instanceof Response) return caller;
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(BaseYearBody, body.value);
    if (!input.ok) return sendError(c, input.error);
    return send(c, await writeBaseYear({ ws: d.workspace, caller, ...input.value }), (v) => v);
  });
  return r;
}
