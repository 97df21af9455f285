/** Figures (evaluated, never stored), one figure with its lineage, and the overview. */

import { approvedMateriality, evaluated, explainFigure, overview, presentFigure } from '@assay/app';
import { parsePeriod } from '@assay/core';
import { Hono } from 'hono';
import { failure } from '../http/api-error.js';
import { allowedOf } from '../http/enforce-rules.js';
import { parseWith, send, sendError } from '../http/respond.js';
import { FigureQuery } from '../http/schemas.js';
import type { Deps } from './deps.js';

export function figureRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/figures', (c) => {
    const q = parseWith(FigureQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const s = d.workspace.snapshot();
    const ev = evaluated(s);
    const { entity, period, indicator, topic } = q.value;
    const visible = allowedOf(c);
    const list = ev.evaluation.figures.filter(
      (f) =>
        visible.has(f.entityId) &&
        (!entity || f.entityId === entity) &&
        (!period || f.periodId === period) &&
        (!indicator || f.indicatorId === indicator) &&
        (!topic || ev.catalogue.get(f.indicatorId)?.topic === topic),
    );
    return c.json({ workspaceVersion: s.version, figures: list.map((f) => presentFigure(f, ev.catalogue)) });
  });
  // Figure ids hold "/", "@", "[" and ";": they travel as a query parameter, not a path segment.
  r.get('/figure', (c) => {
    const id = c.req.query('id');
    if (!id)
      return sendError(c, failure('invalid-request', 'id: a figure id is required', { field: 'id' }).error);
    const s = d.workspace.snapshot();
    const ev = evaluated(s);
    const f = ev.byId.get(id);
    if (!f || !allowedOf(c).has(f.entityId))
      return sendError(c, failure('not-found', `no figure "${id}"`, { field: 'id' }).error);
    const lineage = explainFigure(s, id);
    return c.json({
      figure: presentFigure(f, ev.catalogue),
      lineage: lineage.ok ? lineage.value : null,
      lineageError: lineage.ok ? null : lineage.error,
    });
  });
  r.get('/lineage', (c) => {
    const id = c.req.query('id') ?? '';
    const f = evaluated(d.workspace.snapshot()).byId.get(id);
    if (f && !allowedOf(c).has(f.entityId))
      return sendError(c, failure('not-found', `no figure "${id}"`, { field: 'id' }).error);
    return send(c, explainFigure(d.workspace.snapshot(), id), (v) => ({ lineage: v }));
  });
  r.get('/overview', async (c) => {
    const period = c.req.query('period');
    if (period !== undefined && !parsePeriod(period))
      return sendError(
        c,
        failure('invalid-request', `period: "${period}" is not a period id such as 2025`, { field: 'period' })
          .error,
      );
    return c.json(overview(d.workspace.snapshot(), period, await approvedMateriality(d.workspace)));
  });
  return r;
}
