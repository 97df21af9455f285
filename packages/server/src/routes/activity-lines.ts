/**
 * Activity lines (issue #17): list an entity's lines of a period with last period's and last
 * year's amounts beside them, add one or more, change one (a new revision naming the version
 * edited), retract one. Entity-scoped as data points are: a list shows the caller's entities
 * only, an added line's entity must be one the caller may write (route-rules.ts), an edit or
 * retraction is decided on the line's entity.
 */
import {
  type AffectedFigures,
  createActivityLines,
  evaluated,
  listActivityLines,
  presentActivityLine,
  presentFigure,
  retractActivityLine,
  updateActivityLine,
} from '@assay/app';
import type { Indicator } from '@assay/core';
import { Hono } from 'hono';
import {
  type ActivityLineInput,
  ActivityLinePatch,
  ActivityLineQuery,
  ActivityLineRetract,
  ActivityLinesCreate,
} from '../http/activity-line-schemas.js';
import { treeOf } from '../http/caller.js';
import { allowedOf, denial, entityDecision } from '../http/enforce-rules.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { authorOf, type Deps } from './deps.js';

/** The figures a write changed, presented: `figures` (new values) and `removedFigures` (ids). */
function affectedJson(a: AffectedFigures, catalogue: ReadonlyMap<string, Indicator>) {
  return { figures: a.changed.map((f) => presentFigure(f, catalogue)), removedFigures: a.removed };
}

type LineInput = ReturnType<typeof ActivityLineInput.parse>;
const fieldsOf = ({ id: _id, use, ...l }: LineInput) => ({ ...l, use: use ?? '' });

export function activityLineRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/', (c) => {
    const q = parseWith(ActivityLineQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = listActivityLines({
      snapshot: d.workspace.snapshot(),
      entity: q.value.entity,
      period: q.value.period,
      visible: allowedOf(c),
    });
    return send(c, out, (v) => v);
  });
  r.post('/', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(ActivityLinesCreate, body.value);
    if (!input.ok) return sendError(c, input.error);
    // Every line's entity must be one the caller may write (an unknown one is the use case's to refuse).
    for (const [k, line] of input.value.lines.entries()) {
      const may = entityDecision(c, 'write-data-point', line.entity);
      if (may !== 'allow' && treeOf(d.workspace).has(line.entity))
        return sendError(c, {
          ...denial(may, 'write-data-point', `entity "${line.entity}"`),
          field: `lines.${k}.entity`,
        });
    }
    const out = await createActivityLines({
      ws: d.workspace,
      lines: input.value.lines.map((l) => ({ id: l.id, fields: fieldsOf(l) })),
      reason: input.value.reason,
      author: authorOf(c, d),
    });
    const { catalogue } = evaluated(d.workspace.snapshot());
    return send(
      c,
      out,
      (v) => ({
        lines: v.lines.map((w) => presentActivityLine(w.line, w.version)),
        workspaceVersion: v.workspaceVersion,
        ...affectedJson(v.affected, catalogue),
      }),
      201,
    );
  });
  r.put('/:id', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(ActivityLinePatch, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const { reason, version: _v, entity: _e, period: _p, ...patch } = input.value;
    const dryRun = c.req.query('dryRun') === 'true';
    const out = await updateActivityLine({
      ws: d.workspace,
      id: c.req.param('id'),
      patch,
      version: version.value,
      reason,
      author: authorOf(c, d),
      dryRun,
    });
    const { catalogue } = evaluated(d.workspace.snapshot());
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => ({
      dryRun,
      line: presentActivityLine(v.line, v.version),
      workspaceVersion: v.workspaceVersion,
      ...affectedJson(v.affected, catalogue),
    }));
  });
  r.post('/:id/retract', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(ActivityLineRetract, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await retractActivityLine({
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
  return r;
}
