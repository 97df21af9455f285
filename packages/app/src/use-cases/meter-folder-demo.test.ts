/**
 * The demo group's meters (examples/xinxin-2025/meters/, demonstration data written by
 * scripts/generate-demo-meters.ts): opening the demo over an empty PGlite store loads 11 meters,
 * 2,963 readings (2,924 from the platform CSV: 8 meters × 366 days less 4 missing; 39 from the
 * reading round: 3 meters × 13 rounds) and 48 bills through the API's use cases; the quality
 * findings are the four put there on purpose (a gap, a roll-over, a replacement, a spike); the
 * reconciliation shows Fukang's June bill 3.01 % above the meter, the only finding; two monthly
 * roll-up totals equal hand sums of the CSV's readings; nothing is written as activity lines.
 * Opening again (a restart) and loading the folder again add nothing. In memory (`serve --memory`)
 * the same, in the in-memory PGlite the server keeps the meters in; without one, none. The store
 * cases run on PGlite and PostgreSQL (127.0.0.1:5432).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from '@assay/core';
import { migrate, openMemoryPgliteStore, openPgliteStore, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../open-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { offerMeterActivityLines } from './meter-activity-lines.js';
import { loadMeterFolder } from './meter-folder.js';
import { meterReconciliation, readUtilityBills } from './meter-reconciliation.js';
import { listMeterFindings, meterRollUp, readMeterRegister } from './meters.js';

const DEMO = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025');
const AT = '2026-01-05T02:00:00.000Z';
const folders: string[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const f of folders) await rm(f, { recursive: true, force: true });
  for (const d of drops) await d();
});

async function openDemo(open: () => Promise<Store>): Promise<{ ws: Workspace; store: Store; note: string }> {
  const store = await open();
  await migrate(store, AT);
  const opened = await openWorkspace(DEMO, store);
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  return { ws: opened.workspace, store, note: opened.note };
}

async function counts(store: Store) {
  const [r] = await store.query<{ readings: number; files: number; registers: number; bills: number }>(
    `select (select count(*)::int from meter_reading) as readings,
            (select count(*)::int from meter_reading_file) as files,
            (select count(*)::int from meter_register_version) as registers,
            (select count(*)::int from utility_bill_version) as bills`,
  );
  return r;
}

const kwh = (registerText: string) => new Decimal(registerText);

/** What the demo's meters give, whichever store holds them. */
async function expectDemoMeters(ws: Workspace, store: Store): Promise<void> {
  const base = { ws, store };
  const register = await readMeterRegister(base);
  if (!register.ok) throw new Error(register.error.message);
  expect(register.value.version).toBe(1);
  expect(register.value.meters).toHaveLength(11);
  expect(register.value.replacements).toHaveLength(1);
  expect(await counts(store)).toEqual({ readings: 2963, files: 2, registers: 1, bills: 1 });

  const findings = await listMeterFindings(base);
  if (!findings.ok) throw new Error(findings.error.message);
  const byCode = findings.value.findings.map((f) => `${f.code} ${f.meterId}`).sort();
  expect(byCode).toEqual([
    'gap KLT-E-CONC',
    'replacement FK-E-MAIN',
    'roll-over KLT-E-MINE',
    'spike KLT-E-CAMP',
  ]);

  const rec = await meterReconciliation(base);
  if (!rec.ok) throw new Error(rec.error.message);
  const june = rec.value.reconciliation.find((x) => x.meterId === 'FK-E-MAIN' && x.month === '2025-06');
  // Meter: (old last 51722.16 − 1 June 51579.70) + (1 July 104.03 − new first 0.00), × 66000.
  const fukangJune = kwh('51722.16').minus('51579.70').plus(kwh('104.03').minus('0.00')).times(66000);
  expect(fukangJune.toString()).toBe('16268340');
  expect(june).toMatchObject({
    main: fukangJune.toString(),
    bill: '16772659',
    billDifference: new Decimal(fukangJune).minus('16772659').toString(),
    billDifferencePercent: '-3.01',
    billBeyondTolerance: true,
    subMeterBeyondTolerance: false,
  });
  expect(rec.value.findings.map((f) => `${f.code} ${f.meterId} ${f.month}`)).toEqual([
    'bill-difference FK-E-MAIN 2025-06',
  ]);
  // The Chinese sentence names the unit in Chinese (it printed "kWh" before).
  expect(rec.value.findings[0]?.message['zh-Hant']).toBe(
    '總表 FK-E-MAIN 於 2025-06 計量 16268340 千瓦時，公用事業帳單 16772659 千瓦時，相差 -504319 千瓦時（為帳單的 -3.01 %），超出容許差 2 %',
  );
  // Every main meter (3 electricity, 1 gas) has 12 months, each with a bill.
  expect(rec.value.reconciliation.filter((x) => x.bill !== null)).toHaveLength(48);

  const rolled = await meterRollUp(base);
  if (!rolled.ok) throw new Error(rolled.error.message);
  const line = (site: string, carrier: string, month: string) =>
    rolled.value.lines.find((l) => l.siteId === site && l.carrier === carrier && l.month === month);
  expect(line('fukang', 'electricity', '2025-06')?.amount).toBe(fukangJune.toString());
  // Kalatongke, July: only the root meter counts (its sub-meters are inside it): 1 Aug − 1 July.
  const kalatongkeJuly = kwh('16893.93').minus('16658.52').times(42000);
  expect(line('kalatongke', 'electricity', '2025-07')).toMatchObject({
    amount: kalatongkeJuly.toString(),
    unit: 'kWh',
    estimated: '0',
  });
  expect(kalatongkeJuly.toString()).toBe('9887220');
  const months = new Set(rolled.value.lines.map((l) => l.month));
  expect([...months].sort()).toEqual(
    Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`),
  );

  // Offered, not written: the typed group lines already hold these sites' electricity and gas.
  const offer = await offerMeterActivityLines(base);
  if (!offer.ok) throw new Error(offer.error.message);
  expect(offer.value.lines.every((l) => l.action === 'create')).toBe(true);
  expect(ws.snapshot().bundle.activityLines.some((l) => l.id.startsWith('meter.'))).toBe(false);

  // Loading the folder again adds nothing.
  const again = await loadMeterFolder({ ...base, dir: DEMO, author: 'test', at: AT });
  expect(again).toEqual({
    ok: true,
    value: { present: true, meters: 11, readingsAdded: 0, bills: 48 },
  });
  expect(await counts(store)).toEqual({ readings: 2963, files: 2, registers: 1, bills: 1 });
}

const STORES: [string, () => Promise<() => Promise<Store>>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-demo-meters-'));
      folders.push(dir);
      return () => openPgliteStore(dir);
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase();
      drops.push(() => db.drop());
      return () => openPostgresStore(db.url);
    },
  ],
];

describe.each(STORES)('the demo meters over %s', (_, place) => {
  it('load once through the use cases, with the planted findings, a reconciliation and hand sums', async () => {
    const open = await place();
    const { ws, store, note } = await openDemo(open);
    try {
      expect(note).toContain('(meters: 11, readings: 2963, bills: 48)');
      await expectDemoMeters(ws, store);
    } finally {
      await ws.close();
    }
    // A restart on the same store: not filled again, nothing added.
    const second = await openDemo(open);
    try {
      expect(second.note).toContain('already holds this group');
      expect(await counts(second.store)).toEqual({ readings: 2963, files: 2, registers: 1, bills: 1 });
      const bills = await readUtilityBills({ ws: second.ws, store: second.store });
      expect(bills.ok && bills.value.version).toBe(1);
    } finally {
      await second.ws.close();
    }
  }, 120_000);
});

describe('the demo in memory', () => {
  it('keeps its meters in the in-memory store it is given, the same as over PGlite', async () => {
    const meterStore = await openMemoryPgliteStore();
    await migrate(meterStore, AT);
    const opened = await openWorkspace(DEMO, undefined, { meterStore });
    if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
    try {
      expect(opened.note).toBe('in memory (meters: 11, readings: 2963, bills: 48): edits are lost on exit');
      await expectDemoMeters(opened.workspace, meterStore);
    } finally {
      await opened.workspace.close();
      await meterStore.close();
    }
  }, 120_000);

  it('without one, has no meters and says why', async () => {
    const opened = await openWorkspace(DEMO);
    if (!opened.ok) throw new Error('the demo should open');
    try {
      expect(opened.note).toContain('meters/ not loaded: meters need a store');
      const register = await readMeterRegister({ ws: opened.workspace, store: undefined });
      expect(register.ok ? 'ok' : register.error.code).toBe('not-found');
    } finally {
      await opened.workspace.close();
    }
  });
});
