/**
 * The climate register on both stores (issue #18; docs/registers.md "Climate risks and
 * opportunities"), PGlite and PostgreSQL: the demo's rows listed with versions and no screening
 * gap; a high score without a risk shows as a gap until a risk names the site; writes with
 * versions (create, exists, change, stale, invalid with every field named, retract, history);
 * a scale level in use cannot be retracted or moved to another axis; the XLSX round trip (all or
 * nothing: one bad row refuses the file); the bundle round trip (registers.yaml → store → bundle
 * → folder → bundle, after writes); the audit chain names each write.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClimateRisk, HazardScreening } from '@assay/core';
import { climateRisksSheet, loadBundle, rowSheetWorkbook, saveBundle } from '@assay/io';
import { migrate, openPgliteStore, openPostgresStore, readBundle, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { listClimateRegister } from './climate-register.js';
import { retractSiteRow, siteRowHistory, writeSiteRow } from './site-registers.js';
import { exportSiteRegisterXlsx, importSiteRegisterXlsx } from './site-registers-xlsx.js';

vi.setConfig({ testTimeout: 300_000 });
const root = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025');
const loaded = await loadBundle(root);
if (!loaded.ok) throw new Error('examples/xinxin-2025 should load');
const bundle = loaded.bundle;
const at = () => '2026-03-01T00:00:00.000Z';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const impls: [string, () => Promise<{ ws: Workspace; store: Store }>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-climate-'));
      const store = await openPgliteStore(join(dir, 'store'));
      await migrate(store, at());
      const o = await StoreWorkspace.open(store, bundle, at);
      if (!o.ok) throw new Error(o.reason);
      cleanups.push(async () => {
        await o.workspace.close();
        await rm(dir, { recursive: true, force: true });
      });
      return { ws: o.workspace, store };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url);
      await migrate(store, at());
      const o = await StoreWorkspace.open(store, bundle, at);
      if (!o.ok) throw new Error(o.reason);
      cleanups.push(async () => {
        await o.workspace.close();
        await db.drop();
      });
      return { ws: o.workspace, store };
    },
  ],
];

const t = (zh: string, en: string) => ({ 'zh-Hant': zh, en });
const dust: HazardScreening = {
  id: 'huaou.dust-storm',
  entityId: 'huaou',
  hazard: 'dust-storm',
  score: 4,
};
const huaouDust: ClimateRisk = {
  id: 'acute-dust-huaou',
  kind: 'physical-acute',
  hazard: 'dust-storm',
  name: t('華甌揚塵', 'Dust at Huaou'),
  description: t('沙塵暴影響露天作業', 'Dust storms stop open-pit work'),
  horizon: 'short',
  likelihood: 'likelihood-3',
  impact: 'impact-2',
  entityIds: ['huaou'],
  financialEffect: t('停工損失', 'Lost production'),
  financialAmount: { value: '250000.50', currency: 'CNY' },
  response: t('設置防風抑塵網', 'Wind and dust fences'),
  scenarios: ['ssp2-4.5'],
  owner: '安全環保部',
};

describe.each(impls)('climate register on %s', (_name, open) => {
  it('lists, finds a screening gap, writes with versions, guards scales, round-trips XLSX and the bundle', async () => {
    const { ws, store } = await open();
    // the demo: 9 risks (3 physical), 15 scale levels, 10 scores, no gap (every score of 3 or
    // more has a physical risk for its hazard at its site)
    const risks = await listClimateRegister({ ws, register: 'climateRisks' });
    expect(risks.ok && [risks.value.rows.length, risks.value.threshold, risks.value.gaps.length]).toEqual([
      9, 3, 0,
    ]);
    const physical = await listClimateRegister({
      ws,
      register: 'climateRisks',
      filter: { entityId: 'yakesi' },
    });
    expect(physical.ok && physical.value.rows.map((r) => r.row.id)).toEqual([
      'acute-wind-dust',
      'chronic-water-stress',
    ]);
    const scales = await listClimateRegister({ ws, register: 'climateScales', filter: { axis: 'horizon' } });
    expect(scales.ok && scales.value.rows.map((r) => [r.row.id, r.version])).toEqual([
      ['short', 1],
      ['medium', 1],
      ['long', 1],
    ]);

    // a score of 4 at Huaou without a risk: a gap, named by its row
    const w1 = await writeSiteRow({ ws, register: 'hazardScreening', row: dust, author: 'lead' });
    expect(w1.ok && w1.value.version).toBe(1);
    const gaps = await listClimateRegister({ ws, register: 'hazardScreening' });
    expect(gaps.ok && gaps.value.gaps.map((g) => g.screening.id)).toEqual(['huaou.dust-storm']);
    // a second score for the same site and hazard is refused
    const twice = await writeSiteRow({
      ws,
      register: 'hazardScreening',
      row: { ...dust, id: 'again' },
      author: 'lead',
    });
    expect(!twice.ok && [twice.error.code, twice.error.field]).toEqual(['invalid-data', 'hazard']);

    // invalid: every field named, nothing written
    const bad = await writeSiteRow({
      ws,
      register: 'climateRisks',
      row: { ...huaouDust, kind: 'transition-market', likelihood: 'often', entityIds: ['nowhere'] },
      author: 'lead',
    });
    expect(!bad.ok && (bad.error.issues ?? []).map((i) => i.column)).toEqual([
      'likelihood',
      'entityIds',
      'hazard',
    ]);

    const created = await writeSiteRow({ ws, register: 'climateRisks', row: huaouDust, author: 'lead' });
    expect(created.ok && created.value.version).toBe(1);
    const closed = await listClimateRegister({ ws, register: 'climateRisks' });
    expect(closed.ok && closed.value.gaps).toEqual([]);
    const exists = await writeSiteRow({ ws, register: 'climateRisks', row: huaouDust, author: 'lead' });
    expect(!exists.ok && exists.error.code).toBe('conflict');
    const changed = await writeSiteRow({
      ws,
      register: 'climateRisks',
      row: { ...huaouDust, impact: 'impact-3' },
      version: 1,
      reason: 'reassessed',
      author: 'lead',
    });
    expect(changed.ok && changed.value.version).toBe(2);
    const stale = await writeSiteRow({
      ws,
      register: 'climateRisks',
      row: { ...huaouDust, impact: 'impact-4' },
      version: 1,
      author: 'other',
    });
    expect(!stale.ok && stale.error.code).toBe('stale-version');

    // a level in use: not retracted, not moved to another axis
    const inUse = await retractSiteRow({
      ws,
      register: 'climateScales',
      id: 'impact-3',
      version: 1,
      author: 'lead',
    });
    expect(!inUse.ok && inUse.error.message).toMatch(/climate risk "chronic-water-stress"/);
    const moved = await writeSiteRow({
      ws,
      register: 'climateScales',
      row: { id: 'impact-3', axis: 'likelihood', rank: 9, name: t('重大', 'Major') },
      version: 1,
      author: 'lead',
    });
    expect(!moved.ok && moved.error.code).toBe('invalid-data');

    const retracted = await retractSiteRow({
      ws,
      register: 'climateRisks',
      id: huaouDust.id,
      version: 2,
      author: 'lead',
    });
    expect(retracted.ok && retracted.value.version).toBe(3);
    const h = await siteRowHistory({ ws, register: 'climateRisks', id: huaouDust.id });
    expect(
      h.ok &&
        h.value.map((r) => [r.version, r.row === null ? null : (r.row as ClimateRisk).impact, r.author]),
    ).toEqual([
      [1, 'impact-2', 'lead'],
      [2, 'impact-3', 'lead'],
      [3, null, 'lead'],
    ]);

    // XLSX: export → import the same rows changes nothing; a file with one bad row is refused whole
    const book = await exportSiteRegisterXlsx({ ws, register: 'climateRisks' });
    const before = ws.snapshot().bundle.registers.climateRisks;
    const again = await importSiteRegisterXlsx({
      ws,
      register: 'climateRisks',
      file: 'climate-risks.xlsx',
      xlsxBase64: Buffer.from(book).toString('base64'),
      author: 'lead',
    });
    expect(again.ok && again.value.imported).toBe(9);
    expect(ws.snapshot().bundle.registers.climateRisks).toEqual(before);
    const rules = {
      entityIds: new Set(bundle.organisation.entities.map((e) => e.id)),
      scales: bundle.registers.climateScales ?? [],
    };
    const mixed = await rowSheetWorkbook(climateRisksSheet(rules), [
      { ...huaouDust, id: 'fine' },
      {
        ...huaouDust,
        id: 'broken',
        horizon: 'soon' as never,
        financialAmount: { value: '1,000', currency: 'CNY' },
      },
    ]);
    const refused = await importSiteRegisterXlsx({
      ws,
      register: 'climateRisks',
      file: 'mixed.xlsx',
      xlsxBase64: Buffer.from(mixed).toString('base64'),
      author: 'lead',
    });
    expect(!refused.ok && (refused.error.issues ?? []).map((i) => [i.row, i.column])).toEqual([
      [3, 'horizon (H)'],
      [3, 'financialAmount.value (N)'],
    ]);
    expect(ws.snapshot().bundle.registers.climateRisks.some((r) => r.id === 'fine')).toBe(false);

    // bundle round trip: store → bundle → folder → bundle keeps every climate row as written
    const read = await readBundle(store);
    if (!read.ok) throw new Error('the store should read back');
    const dir = await mkdtemp(join(tmpdir(), 'assay-climate-folder-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await saveBundle(read.bundle, dir);
    const back = await loadBundle(dir);
    if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
    for (const k of ['climateRisks', 'climateScales', 'hazardScreening', 'supplierPractices'] as const)
      expect(back.bundle.registers[k]).toEqual(ws.snapshot().bundle.registers[k]);
    expect(back.bundle.registers.hazardScreening?.some((s) => s.id === 'huaou.dust-storm')).toBe(true);

    // audit: each write is a change set with its subject
    const audit = await store.query<{ subject: string }>(
      "select subject from audit_log where subject like 'climateRisks %' or subject like 'hazardScreening %' order by seq",
    );
    expect(audit.map((a) => a.subject)).toEqual([
      'hazardScreening huaou.dust-storm',
      'climateRisks acute-dust-huaou',
      'climateRisks acute-dust-huaou',
      'climateRisks acute-dust-huaou',
    ]);
  });
});
