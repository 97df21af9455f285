/**
 * The meters routes' part of the permission matrix (permission-matrix.test.ts; issue #22): their
 * policy, written down independently of route-rules.ts, and one request per route that succeeds
 * whenever the caller's role allows it. The register and the readings are organisation-wide:
 * read by every role that reads the report, saved and imported by the administrator on the
 * group. A save names the register's current version; an import sends a file of its own.
 */
import type { Action } from '@assay/app/access';
import { readingRoundWorkbook } from '@assay/io';
import { meterRegister, type Store, saveMeterRegister, utilityBills } from '@assay/store';
import ExcelJS from 'exceljs';
import type { RouteRule } from '../src/http/route-rules.js';

const org = (action: Action): RouteRule => ({ kind: 'organisation', action });

export const METER_POLICY: Record<string, RouteRule> = {
  'GET /meters': org('read-meters'),
  'PUT /meters': org('write-meters'),
  'POST /meters/readings': org('import-meter-readings'),
  'GET /meters/findings': org('read-meters'),
  'GET /meters/roll-up': org('read-meters'),
  'GET /meters/reconciliation': org('read-meters'),
  'GET /meters/activity-lines': org('read-meters'),
  'POST /meters/activity-lines': org('write-data-point'),
  'GET /meters/bills': org('read-meters'),
  'PUT /meters/bills': org('write-meters'),
  'GET /meters/reading-round.xlsx': org('read-meters'),
  'POST /meters/reading-round': org('import-meter-readings'),
};

/** A filled reading round of matrix-m1 (one reading; the same bytes again add nothing: 200). */
let round: Promise<string> | undefined;
const roundBase64 = () =>
  (round ??= (async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readingRoundWorkbook(['matrix-m1'])) as unknown as ArrayBuffer);
    const row = wb.getWorksheet('readings')?.getRow(2);
    if (!row) throw new Error('no row');
    row.getCell(2).value = '2025-03-01T01:00:00+08:00';
    row.getCell(3).value = '7';
    row.commit();
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  })());

type Request = { path: string; init?: RequestInit };
const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });

/** One interval meter of the smelter (examples/minimal), hourly, at +08:00. */
const METERS = [
  {
    id: 'matrix-m1',
    site: 'smelter',
    carrier: 'electricity',
    unit: 'kWh',
    mode: 'interval',
    interval_minutes: '60',
    utc_offset: '+08:00',
  },
];

export function meterRequests(
  store: () => Store,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  let n = 0;
  let made: Promise<unknown> | undefined;
  /** The register the imports need, saved once (version 1). */
  const register = async () => {
    made ??= (async () => {
      if (!(await meterRegister(store())))
        await saveMeterRegister(store(), { meters: METERS, replacements: [] }, 0, {
          actor: 'matrix',
          reason: 'matrix setup',
          at: '2026-01-01T00:00:00Z',
        });
    })();
    await made;
    return (await meterRegister(store()))?.version ?? 0;
  };
  return {
    'GET /meters': async () => ({ path: '/meters' }),
    'PUT /meters': async () => ({
      path: '/meters',
      init: json({ meters: METERS, replacements: [], version: await register(), reason: `matrix ${++n}` }),
    }),
    'POST /meters/readings': async () => {
      await register();
      // a reading of its own each time (added: 201); after four weeks of hours the same ones
      // again with the same values (nothing added: 200)
      const k = ++n % (24 * 28);
      const hour = String(k % 24).padStart(2, '0');
      const day = String(1 + Math.floor(k / 24)).padStart(2, '0');
      return {
        path: '/meters/readings',
        init: json({
          file: `matrix-${n}.csv`,
          csv: `meter,timestamp,value\nmatrix-m1,2025-01-${day}T${hour}:00:00+08:00,${k}\n`,
        }),
      };
    },
    'GET /meters/findings': async () => ({ path: '/meters/findings' }),
    'GET /meters/roll-up': async () => ({ path: '/meters/roll-up' }),
    'GET /meters/reconciliation': async () => ({ path: '/meters/reconciliation' }),
    'GET /meters/activity-lines': async () => ({ path: '/meters/activity-lines' }),
    // a month without readings: nothing to write (200), whatever periods the matrix has locked
    'POST /meters/activity-lines': async () => ({
      path: '/meters/activity-lines',
      init: json({ from: '2099-01', reason: `matrix ${++n}` }),
    }),
    'GET /meters/bills': async () => ({ path: '/meters/bills' }),
    'PUT /meters/bills': async () => ({
      path: '/meters/bills',
      init: json({
        bills: [],
        version: (await utilityBills(store()))?.version ?? 0,
        reason: `matrix ${++n}`,
      }),
    }),
    'GET /meters/reading-round.xlsx': async () => {
      await register();
      return { path: '/meters/reading-round.xlsx?site=smelter&month=2025-01' };
    },
    'POST /meters/reading-round': async () => {
      await register();
      return {
        path: '/meters/reading-round',
        init: json({ file: 'round.xlsx', xlsxBase64: await roundBase64() }),
      };
    },
  };
}
