/**
 * Meters, continued (issue #22; docs/meters.md): the roll-up offered and written as activity
 * lines, the utility bills (read; saved whole naming the version replaced, a stale one 412), and
 * the XLSX of a manual reading round (a template per site and month; its import all or nothing,
 * idempotent). Rules (http/route-rules.ts): reading needs read-meters; writing the lines is
 * entering activity lines of every site, write-data-point on the group; saving bills
 * write-meters; importing a round import-meter-readings. No store (a bundle served in memory): 404.
 */
import {
  importReadingRoundXlsx,
  offerMeterActivityLines,
  readingRoundTemplate,
  readUtilityBills,
  saveUtilityBills,
  writeMeterActivityLines,
} from '@assay/app';
import type { Store } from '@assay/app/access';
import { Hono } from 'hono';
import {
  MeterLinesWrite,
  MeterRollUpQuery,
  ReadingRoundQuery,
  ReadingRoundUpload,
  UtilityBillsWrite,
} from '../http/meter-schemas.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { authorOf, type Deps } from './deps.js';

export type MeterMoreDeps = Deps & { readonly store: Store | undefined; readonly now: () => Date };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The roll-up filters of a query or body, as the use cases name them. */
const filters = (v: {
  site?: string | undefined;
  carrier?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}) => ({
  ...(v.site === undefined ? {} : { siteId: v.site }),
  ...(v.carrier === undefined ? {} : { carrier: v.carrier as never }),
  ...(v.from === undefined ? {} : { fromMonth: v.from }),
  ...(v.to === undefined ? {} : { toMonth: v.to }),
});

export function meterBillsLinesRoutes(d: MeterMoreDeps): Hono {
  const r = new Hono();
  const base = { ws: d.workspace, store: d.store };
  r.get('/meters/activity-lines', async (c) => {
    const q = parseWith(MeterRollUpQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    return send(c, await offerMeterActivityLines({ ...base, ...filters(q.value) }), (v) => v);
  });
  r.post('/meters/activity-lines', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(MeterLinesWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    const out = await writeMeterActivityLines({
      ...base,
      ...filters(input.value),
      reason: input.value.reason,
      author: authorOf(c, d),
    });
    if (!out.ok) return sendError(c, out.error);
    return c.json(out.value, out.value.created.length + out.value.updated.length > 0 ? 201 : 200);
  });
  r.get('/meters/bills', async (c) => {
    const out = await readUtilityBills(base);
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => v);
  });
  r.put('/meters/bills', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(UtilityBillsWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await saveUtilityBills({
      ...base,
      bills: input.value.bills as Record<string, string>[],
      version: version.value,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
      at: d.now().toISOString(),
    });
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => v);
  });
  r.get('/meters/reading-round.xlsx', async (c) => {
    const q = parseWith(ReadingRoundQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const out = await readingRoundTemplate({ ...base, siteId: q.value.site, month: q.value.month });
    if (!out.ok) return sendError(c, out.error);
    return new Response(out.value.bytes, {
      headers: {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="${out.value.fileName}"`,
        'cache-control': 'no-store',
      },
    });
  });
  r.post('/meters/reading-round', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(ReadingRoundUpload, body.value);
    if (!input.ok)
      return sendError(c, { ...input.error, message: `${input.error.message}; nothing was stored` });
    const out = await importReadingRoundXlsx({
      ...base,
      fileName: input.value.file,
      xlsxBase64: input.value.xlsxBase64,
      author: authorOf(c, d),
      at: d.now().toISOString(),
    });
    if (!out.ok) return sendError(c, out.error);
    return c.json(out.value, out.value.rowsAdded > 0 ? 201 : 200);
  });
  return r;
}
