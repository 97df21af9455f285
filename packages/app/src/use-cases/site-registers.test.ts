/**
 * Certifications and tailings facilities on both workspaces (issue #18; docs/registers.md):
 * expiry states of the demo rows by hand, the write paths (create, exists, change, stale 412,
 * invalid with every field named, retract, history), the XLSX round trip, and the bundle round
 * trip (registers.yaml → store → bundle → folder → bundle, also after a write).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Certification, TailingsFacility } from '@assay/core';
import { loadBundle, saveBundle } from '@assay/io';
import { migrate, openPgliteStore, readBundle, type Store } from '@assay/store';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  listCertifications,
  listTailingsFacilities,
  retractSiteRow,
  siteRowHistory,
  writeSiteRow,
} from './site-registers.js';
import { exportSiteRegisterXlsx, importSiteRegisterXlsx } from './site-registers-xlsx.js';

vi.setConfig({ testTimeout: 300_000 });
const root = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025');
const loaded = await loadBundle(root);
if (!loaded.ok) throw new Error('examples/xinxin-2025 should load');
const bundle = loaded.bundle;
const at = () => '2026-03-01T00:00:00.000Z';
const folders: string[] = [];
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of folders) await rm(d, { recursive: true, force: true });
});

const impls: [string, () => Promise<{ ws: Workspace; store?: Store; dir?: string }>][] = [
  ['memory', async () => ({ ws: new MemoryWorkspace(bundle, at) })],
  [
    'store (PGlite)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-site-'));
      folders.push(dir);
      const store = await openPgliteStore(join(dir, 'store'));
      stores.push(store);
      await migrate(store, at());
      const o = await StoreWorkspace.open(store, bundle, at);
      if (!o.ok) throw new Error(o.reason);
      return { ws: o.workspace, store, dir };
    },
  ],
];

const certs = bundle.registers.certifications ?? [];
const tsf = (bundle.registers.tailingsFacilities ?? [])[0] as TailingsFacility;

describe.each(impls)('site registers: %s', (_name, open) => {
  it('lists, writes with versions, refuses stale and invalid rows, retracts, keeps history, round-trips XLSX', async () => {
    const { ws, store, dir } = await open();
    // expiry by hand on 2025-12-20, 90 days: ISO 14001 to 2027-03-17 (452 days: valid); ISO 45001
    // to 2026-01-09 (20 days: expiring); green factory: no expiry
    const l = await listCertifications({ ws, today: '2025-12-20' });
    expect(
      l.ok &&
        l.value.certifications.map((r) => [r.certification.id, r.expiry.state, r.expiry.daysLeft, r.version]),
    ).toEqual([
      ['demo-iso14001-group', 'valid', 452, 1],
      ['demo-iso45001-kalatongke', 'expiring', 20, 1],
      ['demo-green-factory-fukang', 'no-expiry', null, 1],
    ]);
    const later = await listCertifications({ ws, today: '2026-01-10', state: 'expired' });
    expect(
      later.ok && later.value.certifications.map((r) => [r.certification.id, r.expiry.daysLeft]),
    ).toEqual([['demo-iso45001-kalatongke', -1]]);
    const narrow = await listCertifications({ ws, today: '2025-12-20', warnDays: 10 });
    expect(narrow.ok && narrow.value.certifications[1]?.expiry.state).toBe('valid');

    const c0 = certs[1] as Certification;
    const renewed: Certification = {
      ...c0,
      issuedOn: '2026-01-05',
      expiresOn: '2029-01-04',
      certificateNumber: 'DEMO-OHS-0003',
    };
    const w = await writeSiteRow({
      ws,
      register: 'certifications',
      row: renewed,
      version: 1,
      author: 'lead',
    });
    expect(w.ok && w.value.version).toBe(2);
    const stale = await writeSiteRow({
      ws,
      register: 'certifications',
      row: c0,
      version: 1,
      author: 'other',
    });
    expect(stale.ok || stale.error.code).toBe('stale-version');
    const exists = await writeSiteRow({ ws, register: 'certifications', row: c0, author: 'other' });
    expect(exists.ok || exists.error.code).toBe('conflict');
    const bad = await writeSiteRow({
      ws,
      register: 'certifications',
      row: {
        ...c0,
        id: 'new-one',
        standard: 'iso-27001' as never,
        entityId: 'moon',
        expiresOn: '2022-13-01',
        issuer: '',
      },
      author: 'lead',
    });
    if (bad.ok) throw new Error('accepted');
    expect((bad.error.issues ?? []).map((i) => i.column)).toEqual([
      'standard',
      'entityId',
      'issuer',
      'expiresOn',
    ]);

    const badTsf = await writeSiteRow({
      ws,
      register: 'tailingsFacilities',
      row: {
        ...tsf,
        id: 'x',
        status: 'abandoned' as never,
        consequence: 'huge' as never,
        closurePlan: { en: '', 'zh-Hant': '閉庫' },
      },
      author: 'lead',
    });
    if (badTsf.ok) throw new Error('accepted');
    expect((badTsf.error.issues ?? []).map((i) => i.column)).toEqual([
      'status',
      'consequence',
      'closurePlan.en',
    ]);
    const closed = await writeSiteRow({
      ws,
      register: 'tailingsFacilities',
      row: { ...tsf, status: 'closed' },
      version: 1,
      author: 'lead',
    });
    expect(closed.ok && closed.value.version).toBe(2);
    const t = await listTailingsFacilities({ ws, status: 'closed' });
    expect(t.ok && t.value.facilities.map((f) => [f.facility.id, f.version])).toEqual([[tsf.id, 2]]);
    expect(
      await retractSiteRow({ ws, register: 'tailingsFacilities', id: tsf.id, version: 2, author: 'lead' }),
    ).toMatchObject({
      ok: true,
      value: { version: 3 },
    });
    const h = await siteRowHistory({ ws, register: 'tailingsFacilities', id: tsf.id });
    expect(h.ok && h.value.map((r) => [r.version, r.row === null])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    // a certificate change adds no tailings revision and the reverse
    const hc = await siteRowHistory({ ws, register: 'certifications', id: c0.id });
    expect(hc.ok && hc.value.map((r) => r.version)).toEqual([1, 2]);

    // XLSX: export, retract one, import the workbook: it comes back, the others unchanged
    const xlsx = await exportSiteRegisterXlsx({ ws, register: 'certifications' });
    const beforeRows = ws.snapshot().bundle.registers.certifications;
    await retractSiteRow({
      ws,
      register: 'certifications',
      id: 'demo-iso14001-group',
      version: 1,
      author: 'lead',
    });
    const imp = await importSiteRegisterXlsx({
      ws,
      register: 'certifications',
      file: 'certifications.xlsx',
      xlsxBase64: Buffer.from(xlsx).toString('base64'),
      author: 'lead',
    });
    expect(imp.ok && imp.value.imported).toBe(3);
    const after = ws.snapshot().bundle.registers.certifications ?? [];
    expect([...after].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...(beforeRows ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );

    if (store && dir) {
      // bundle round trip: store → bundle → folder → bundle keeps the rows as written
      const back = await readBundle(store);
      if (!back.ok) throw new Error('unreadable');
      expect(back.bundle.registers.certifications).toEqual(ws.snapshot().bundle.registers.certifications);
      expect(back.bundle.registers.tailingsFacilities).toEqual([]);
      await saveBundle(back.bundle, join(dir, 'out'));
      const again = await loadBundle(join(dir, 'out'));
      if (!again.ok) throw new Error(JSON.stringify(again.issues.slice(0, 3)));
      expect(again.bundle.registers.certifications).toEqual(back.bundle.registers.certifications);
    }
  });
});

describe('bundle round trip of the demo site registers', () => {
  it('registers.yaml → store → folder gives the same registers.yaml', async () => {
    const open = impls[1]?.[1];
    if (!open) throw new Error('no store');
    const { store, dir } = await open();
    if (!store || !dir) throw new Error('no store');
    const back = await readBundle(store);
    if (!back.ok) throw new Error('unreadable');
    expect(back.bundle.registers.certifications).toEqual(certs);
    expect(back.bundle.registers.tailingsFacilities).toEqual([tsf]);
    await saveBundle(bundle, join(dir, 'yaml'));
    await saveBundle(back.bundle, join(dir, 'store-out'));
    const y = (d: string) => readFile(join(dir, d, 'registers.yaml'), 'utf8');
    expect(await y('store-out')).toBe(await y('yaml'));
  });
});
