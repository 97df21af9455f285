/** CSV import (preview, apply) and export of data points; the entry template. */
import { bundleCatalogue, parsePeriod } from '@assay/core';
import { buildTemplate } from '@assay/io';
import { Hono } from 'hono';
import { failure } from '../http/api-error.js';
import { jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { ImportRequest } from '../http/schemas.js';
import { entryTemplate, exportDataPoints } from '../use-cases/export-data-points.js';
import { applyImport, type ImportPreview, previewImport } from '../use-cases/import-data-points.js';
import type { ImportSource } from '../use-cases/read-import-file.js';
import type { Deps } from './deps.js';

const present = ({ changes: _c, ...p }: ImportPreview) => p;

export function importExportRoutes(d: Deps): Hono {
  const r = new Hono();
  r.post('/import/data-points', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(ImportRequest, body.value);
    if (!input.ok) return sendError(c, input.error);
    const { file, csv, xlsxBase64, reason, version } = input.value;
    const source: ImportSource = csv !== undefined ? { file, csv } : { file, xlsxBase64: xlsxBase64 ?? '' };
    if (c.req.query('apply') !== 'true') return send(c, await previewImport(d.workspace, source), present);
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
    const out = await applyImport({ ws: d.workspace, source, version, reason, author: d.author });
    return send(c, out, present);
  });
  const csv = (body: string, name: string) =>
    new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      },
    });
  r.get('/export/data-points.csv', () =>
    csv(exportDataPoints(d.workspace.snapshot().bundle), 'data-points.csv'),
  );
  r.get('/template/data-points.xlsx', async (c) => {
    const b = d.workspace.snapshot().bundle;
    const entityId = c.req.query('entity') ?? b.organisation.entities[0]?.id;
    const entity = b.organisation.entities.find((e) => e.id === entityId);
    if (!entity)
      return sendError(c, failure('not-found', `no entity "${entityId}"`, { field: 'entity' }).error);
    const periodId = c.req.query('period') ?? b.reporting.current;
    // the period is written into the workbook: only a period id (a NUL here made exceljs throw)
    if (!parsePeriod(periodId))
      return sendError(
        c,
        failure('invalid-request', `period: "${periodId.slice(0, 40)}" is not a period id such as 2025`, {
          field: 'period',
        }).error,
      );
    const wb = buildTemplate({ entity, periodId, catalogue: [...bundleCatalogue(b).values()] });
    const body = new Uint8Array(await wb.xlsx.writeBuffer());
    return new Response(body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="template-${entity.id}-${periodId}.xlsx"`,
      },
    });
  });
  r.get('/template/data-points.csv', () =>
    csv(entryTemplate(d.workspace.snapshot().bundle), 'data-points-template.csv'),
  );
  return r;
}
