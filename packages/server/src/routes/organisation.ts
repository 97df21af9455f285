/** The organisation, its reporting periods and the indicator catalogue. */
import { Hono } from 'hono';
import { evaluated } from '../use-cases/evaluation.js';
import type { Deps } from './deps.js';

export function organisationRoutes(d: Deps): Hono {
  const r = new Hono();
  r.get('/organisation', (c) => {
    const s = d.workspace.snapshot();
    const o = s.bundle.organisation;
    return c.json({
      workspaceVersion: s.version,
      id: o.id,
      name: o.name,
      stockCode: o.stockCode ?? null,
      issuerType: o.issuerType,
      consolidation: s.bundle.methods.consolidation,
      frameworks: s.bundle.frameworks.frameworks,
      entities: o.entities.map((e) => ({
        id: e.id,
        name: e.name,
        kind: e.kind,
        parentId: e.parentId ?? null,
        ownership: e.ownership.toString(),
        status: e.status,
      })),
    });
  });
  r.get('/periods', (c) => {
    const { reporting, dataPoints } = d.workspace.snapshot().bundle;
    const used = [...new Set(dataPoints.map((p) => p.periodId))].sort();
    return c.json({ current: reporting.current, prior: reporting.prior, withData: used });
  });
  r.get('/catalogue', (c) => {
    const { catalogue } = evaluated(d.workspace.snapshot());
    return c.json({
      indicators: [...catalogue.values()].map((i) => ({
        id: i.id,
        name: i.name,
        topic: i.topic,
        kind: i.kind,
        unit: i.unit,
        dimension: i.dimension,
        axes: i.axes,
        precision: i.precision,
      })),
    });
  });
  return r;
}
