/**
 * Meters and readings (issue #22; docs/meters.md): the register (read; saved whole, naming the
 * version replaced by body `version` or If-Match, a stale one 412), a readings CSV upload (all or
 * nothing, idempotent: the same file twice adds nothing), and what is computed from the stored
 * readings: quality findings, the monthly roll-up per site and carrier with lineage, and the
 * reconciliation of main meters against their sub-meters. Rules (http/route-rules.ts): reading
 * needs read-meters, saving write-meters, importing import-meter-readings, all on the group.
 * A bundle served in memory keeps them in the in-memory store `createApp` is given (meterStore);
 * without one every route answers 404.
 */
import {
  importMeterReadingsCsv,
  listMeterFindings,
  meterReconciliation,
  meterRollUp,
  readMeterRegister,
  saveMeterRegister,
} from '@assay/app';
import type { Store } from '@assay/app/access';
import { parseInstant } from '@assay/core';
import { Hono } from 'hono';
import {
  MeterFindingsQuery,
  MeterReadingsUpload,
  MeterReconciliationQuery,
  MeterRegisterWrite,
  MeterRollUpQuery,
} from '../http/meter-schemas.js';
import { expectedVersion, jsonBody, parseWith, send, sendError } from '../http/respond.js';
import { authorOf, type Deps } from './deps.js';

export type MeterDeps = Deps & { readonly store: Store | undefined; readonly now: () => Date };

const seconds = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const p = parseInstant(s);
  return p.ok ? p.instant.epochSeconds : undefined;
};

export function meterRoutes(d: MeterDeps): Hono {
  const r = new Hono();
  const base = { ws: d.workspace, store: d.store };
  r.get('/meters', async (c) => {
    const out = await readMeterRegister(base);
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => v);
  });
  r.put('/meters', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(MeterRegisterWrite, body.value);
    if (!input.ok) return sendError(c, input.error);
    const version = expectedVersion(c, input.value.version);
    if (!version.ok) return sendError(c, version.error);
    const out = await saveMeterRegister({
      ...base,
      meters: input.value.meters as Record<string, string>[],
      replacements: input.value.replacements as Record<string, string>[],
      version: version.value,
      ...(input.value.reason === undefined ? {} : { reason: input.value.reason }),
      author: authorOf(c, d),
      at: d.now().toISOString(),
    });
    if (out.ok) c.header('ETag', `"${out.value.version}"`);
    return send(c, out, (v) => v);
  });
  r.post('/meters/readings', async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return sendError(c, body.error);
    const input = parseWith(MeterReadingsUpload, body.value);
    if (!input.ok)
      return sendError(c, { ...input.error, message: `${input.error.message}; nothing was stored` });
    const out = await importMeterReadingsCsv({
      ...base,
      fileName: input.value.file,
      bytes: new TextEncoder().encode(input.value.csv),
      author: authorOf(c, d),
      at: d.now().toISOString(),
    });
    if (!out.ok) return sendError(c, out.error);
    // 201 when readings were added; 200 when the file added nothing (seen before, or all stored).
    return c.json(out.value, out.value.rowsAdded > 0 ? 201 : 200);
  });
  r.get('/meters/findings', async (c) => {
    const q = parseWith(MeterFindingsQuery, c.req.query());
    if (!q.ok) return sendError(c, q.error);
    const from = seconds(q.value.from);
    const to = seconds(q.value.to);
    const out = await listMeterFindings({
      ...base,
      ...(q.value.meter === undefined ? {} : { meterId: q.value.meter }),
      ...(q.value.site === undefined ? {} : { siteId: q.value.site }),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    });
    return send(c, out, (v) => v);
  });
  const rollUpQuery = (query: Record<string, string>) => {
    const q = parseWith(MeterRollUpQuery, query);
    if (!q.ok) return q;
    const v = q.value;
    return {
      ok: true as const,
      value: {
        ...base,
        ...(v.site === undefined ? {} : { siteId: v.site }),
        ...(v.carrier === undefined ? {} : { carrier: v.carrier }),
        ...(v.from === undefined ? {} : { fromMonth: v.from }),
        ...(v.to === undefined ? {} : { toMonth: v.to }),
      },
    };
  };
  r.get('/meters/roll-up', async (c) => {
    const q = rollUpQuery(c.req.query());
    if (!q.ok) return sendError(c, q.error);
    return send(c, await meterRollUp(q.value), (v) => v);
  });
  r.get('/meters/reconciliation', async (c) => {
    const { tolerance, ...rest } = c.req.query();
    const t = parseWith(MeterReconciliationQuery, c.req.query());
    if (!t.ok) return sendError(c, t.error);
    const q = rollUpQuery(rest);
    if (!q.ok) return sendError(c, q.error);
    const out = await meterReconciliation({
      ...q.value,
      ...(tolerance === undefined ? {} : { tolerancePercent: tolerance }),
    });
    return send(c, out, (v) => v);
  });
  return r;
}
