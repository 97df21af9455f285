/** CSV import (preview, apply) and export of data points; the entry template. */

import type { ImportSource } from '@assay/app';
import {
  applyImport,
  entryTemplate,
  entryTemplateXlsx,
  exportDataPoints,
  type ImportPreview,
  previewImport,
} from '@assay/app';
import { Hono } from 'hono';
import { failure } from '../http/api-error.js';
import { allowedOf } from '../http/enforce-rules.js';
import { jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { ImportRequest } from '../http/schemas.js';
import { authorOf, type Deps } from './deps.js';

const present = ({ changes: _c, lineChanges: _l, ...p }: ImportPreview) => p;

export function importExportRoutes(d: Deps): Hono {
  const r = new Hono();
  r.post('/import/data-points', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(ImportRequest, body.value);
    if (!input.ok) return sendError(c, input.error);
    const { file, csv, xlsxBase64, reason, version } = input.value;
    const source: ImportSource = csv !== undefined ? { file, csv } : { file, xlsxBase64: xlsxBase64 ?? '' };
    const allowed = allowedOf(c);
    const mayWrite = (entityId: string) => allowed.has(entityId);
    if (c.req.query('apply') !== 'true')
      return send(c, await previewImport(d.workspace, source, mayWrite), present);
    if (reason === undefined)
      return sendError(
        c,
        failure('invalid-request', 'reason: say why (a revision reason is required)', { field: 'reason' })
          .error,
      );
    if (version === undefined)
      return sendError(
        c,
        failure('version-required', 'name the workspace version the preview showed', { field: 'version' })
          .error,
      );
    const out = await applyImport({
      ws: d.workspace,
      source,
      version,
      reason,
      author: authorOf(c, d),
      mayWrite,
    });
    return send(c, out, present);
  });
  const csv = (body: string, name: string) =>
    new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      },
    });
  // Only the data of the entities the caller may export.
  r.get('/export/data-points.csv', (c) => {
    const { bundle } = d.workspace.snapshot();
    const allowed = allowedOf(c);
    const mine = {
      ...bundle,
      dataPoints: bundle.dataPoints.filter((p) => allowed.has(p.entityId)),
      activityLines: bundle.activityLines.filter((a) => allowed.has(a.entityId)),
    };
    return csv(exportDataPoints(mine), 'data-points.csv');
  });
  r.get('/template/data-points.xlsx', async (c) => {
    const entity = c.req.query('entity');
    if (entity !== undefined && !allowedOf(c).has(entity))
      return sendError(
        c,
        failure('not-found', `no entity "${entity}" you may enter data for`, { field: 'entity' }).error,
      );
    const allowed = allowedOf(c);
    const out = await entryTemplateXlsx(
      d.workspace.snapshot(),
      c.req.query('entity'),
      c.req.query('period'),
      (e) => allowed.has(e),
    );
    if (!out.ok) return sendError(c, out.error);
    return new Response(out.value.body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${out.value.fileName}"`,
      },
    });
  });
  r.get('/template/data-points.csv', () =>
    csv(entryTemplate(d.workspace.snapshot().bundle), 'data-points-template.csv'),
  );
  return r;
}
