/**
 * The organisation, its reporting periods and the indicator catalogue (with the provisions
 * citing each indicator and its data in the current period; output checked by its zod schema).
 */

import { catalogue } from '@assay/app';
import { Hono } from 'hono';
import { CatalogueResponse } from '../http/schemas.js';
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
  // Periods with data: of data points and of activity lines (a month may hold only lines, and the
  // Restatements page must offer it).
  r.get('/periods', (c) => {
    const { reporting, dataPoints, activityLines } = d.workspace.snapshot().bundle;
    const used = [...new Set([...dataPoints, ...activityLines].map((p) => p.periodId))].sort();
    return c.json({ current: reporting.current, prior: reporting.prior, withData: used });
  });
  r.get('/catalogue', (c) => c.json(CatalogueResponse.parse(catalogue(d.workspace.snapshot()))));
  return r;
}
