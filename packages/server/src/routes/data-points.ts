/**
 * Data points: list, history, change (a new revision with a reason and the version edited), add,
 * retract (a revision that withdraws it, with a reason and the version retracted).
 */

import {
  type AffectedFigures,
  createDataPoint,
  evaluated,
  presentDataPoint,
  presentFigure,
  retractDataPoint,
  updateDataPoint,
} from '@assay/app';
import type { Indicator } from '@assay/core';
import { Hono } from 'hono';
import { failure } from '../http/api-error.js';
import { treeOf } from '../http/caller.js';
import { allowedOf, denial, entityDecision } from '../http/enforce-rules.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { DataPointCreate, DataPointPatch, DataPointQuery, DataPointRetract } from '../http/schemas.js';
import { authorOf, type Deps } from './deps.js';

/** The figures a write changed, presented: `figures` (new values) and `removedFigures` (ids). */
function affectedJson(a: AffectedFigures, catalogue: ReadonlyMap<string, Indicator>) {
  return { figures: a.changed.map((f) => presentFigure(f, catalogue)), removedFigures: a.removed };
}

export function dataPointRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/', (c) => {
    const q = parseWith(DataPointQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const s = d.workspace.snapshot();
    const { catalogue } = evaluated(s);
    const visible = allowedOf(c);
    const list = s.bundle.dataPoints.filter(
      (p) =>
        visible.has(p.entityId) &&
        (!q.value.entity || p.entityId === q.value.entity) &&
        (!q.value.period || p.periodId === q.value.period),
    );
    return c.json({
      workspaceVersion: s.version,
      dataPoints: list.map((p) => presentDataPoint(p, s.versionOf(p.id) ?? 1, catalogue)),
    });
  });
  r.get('/:id/history', async (c) => {
    const h = await d.workspace.history(c.req.param('id'));
    if (h.length === 0)
      return sendError(c, failure('not-found', `no data point "${c.req.param('id')}"`).error);
    return c.json({ revisions: h });
  });
  r.put('/:id', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(DataPointPatch, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const { reason, version: _v, ...patch } = input.value;
    const out = await updateDataPoint({
      ws: d.workspace,
      id: c.req.param('id'),
      patch,
      version: version.value,
      reason,
      author: authorOf(c, d),
      dryRun: c.req.query('dryRun') === 'true',
    });
    const { catalogue } = evaluated(d.workspace.snapshot());
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => ({
      dryRun: c.req.query('dryRun') === 'true',
      dataPoint: presentDataPoint(v.dataPoint, v.version, catalogue),
      ...affectedJson(v.affected, catalogue),
    }));
  });
  r.post('/:id/retract', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(DataPointRetract, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await retractDataPoint({
      ws: d.workspace,
      id: c.req.param('id'),
      version: version.value,
      reason: input.value.reason,
      author: authorOf(c, d),
    });
    const { catalogue } = evaluated(d.workspace.snapshot());
    return send(c, out, ({ affected, ...v }) => ({
      retracted: true,
      ...v,
      ...affectedJson(affected, catalogue),
    }));
  });
  r.post('/', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(DataPointCreate, body.value);
    if (!input.ok) return sendError(c, input.error);
    const { id, reason, ...fields } = input.value;
    // The entity named in the body must be one the caller may write (an unknown one is the use case's to refuse).
    const may = entityDecision(c, 'write-data-point', fields.entity);
    if (may !== 'allow' && treeOf(d.workspace).has(fields.entity))
      return sendError(c, {
        ...denial(may, 'write-data-point', `entity "${fields.entity}"`),
        field: 'entity',
      });
    const out = await createDataPoint({ ws: d.workspace, id, fields, reason, author: authorOf(c, d) });
    const { catalogue } = evaluated(d.workspace.snapshot());
    return send(
      c,
      out,
      (v) => ({
        dataPoint: presentDataPoint(v.dataPoint, v.version, catalogue),
        ...affectedJson(v.affected, catalogue),
      }),
      201,
    );
  });
  return r;
}
