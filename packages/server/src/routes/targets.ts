/**
 * The targets register (issue #18; docs/registers.md): list with progress and status (filter by
 * entity and status), add, change (the version replaced: body `version` or If-Match; a stale one
 * is 412), retract, a target's history, and the register as XLSX (export; import all or nothing).
 * Reading needs read-targets (everyone who reads the report), writing write-target (the
 * administrator, the ESG lead): route-rules.ts.
 */
import {
  exportTargetsXlsx,
  importTargetsXlsx,
  listTargets,
  retractTarget,
  targetHistory,
  writeTarget,
} from '@assay/app';
import type { Target } from '@assay/core';
import { Hono } from 'hono';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import {
  TargetCreate,
  TargetImport,
  TargetQuery,
  TargetRetract,
  TargetUpdate,
} from '../http/target-schemas.js';
import { authorOf, type Deps } from './deps.js';

/** zod's output (optional keys possibly present as undefined) as core's Target. */
const asTarget = (t: object): Target => JSON.parse(JSON.stringify(t)) as Target;

export function targetRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/targets', async (c) => {
    const q = parseWith(TargetQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await listTargets({
      ws: d.workspace,
      ...(q.value.entity === undefined ? {} : { entityId: q.value.entity }),
      ...(q.value.status === undefined ? {} : { status: q.value.status }),
    });
    return send(c, out, (v) => v);
  });
  r.post('/targets', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(TargetCreate, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await writeTarget({
      ws: d.workspace,
      target: asTarget(input.value.target),
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => v, 201);
  });
  r.put('/targets/:id', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(TargetUpdate, body.value);
    if (!input.ok) return sendError(c, input.error);
    if (input.value.target.id !== c.req.param('id'))
      return sendError(c, {
        code: 'invalid-request',
        message: `target.id: "${input.value.target.id}" is not the target of the path; an id cannot change`,
        field: 'target.id',
      });
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await writeTarget({
      ws: d.workspace,
      target: asTarget(input.value.target),
      version: version.value,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => v);
  });
  r.post('/targets/:id/retract', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(TargetRetract, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await retractTarget({
      ws: d.workspace,
      id: c.req.param('id'),
      version: version.value,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => ({ retracted: true, ...v }));
  });
  r.get('/targets/:id/history', async (c) => {
    const out = await targetHistory({ ws: d.workspace, id: c.req.param('id') });
    return send(c, out, (revisions) => ({ id: c.req.param('id'), revisions }));
  });
  r.get('/export/targets.xlsx', async () => {
    const body = await exportTargetsXlsx({ ws: d.workspace });
    return new Response(body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': 'attachment; filename="targets.xlsx"',
      },
    });
  });
  r.post('/import/targets', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(TargetImport, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await importTargetsXlsx({
      ws: d.workspace,
      file: input.value.file,
      xlsxBase64: input.value.xlsxBase64,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
    });
    return send(c, out, (v) => v);
  });
  return r;
}
