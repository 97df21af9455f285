/**
 * Compliance cases on both workspaces (issue #18; docs/security.md "Compliance cases"): the
 * write paths (create, exists, change, stale 412, invalid with every field named, retract,
 * history), counts by hand from examples/xinxin-2025/demo-cases.yaml, the XLSX round trip,
 * and that no case row reaches the bundle: the store's bundle and the folder written from it
 * hold no case id or summary, before and after case writes.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComplianceCase } from '@assay/core';
import { loadBundle, saveBundle } from '@assay/io';
import { migrate, openPgliteStore, readBundle, type Store } from '@assay/store';
import { afterAll, describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { caseHistory, countCases, listCases, retractCase, writeCase } from './compliance-cases.js';
import { exportCasesXlsx, importCasesXlsx } from './compliance-cases-xlsx.js';

const root = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025');
const loaded = await loadBundle(root);
if (!loaded.ok) throw new Error('examples/xinxin-2025 should load');
const bundle = loaded.bundle;
const demo = (
  YAML.parse(await readFile(join(root, 'demo-cases.yaml'), 'utf8')) as { cases: ComplianceCase[] }
).cases;
const at = () => '2026-03-01T00:00:00.000Z';
// Opening a PGlite store with the demo bundle takes tens of seconds on a shared machine.
vi.setConfig({ testTimeout: 300_000 });
const folders: string[] = [];
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of folders) await rm(d, { recursive: true, force: true });
});

async function storeWorkspace(): Promise<{ ws: Workspace; store: Store }> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-cases-'));
  folders.push(dir);
  const store = await openPgliteStore(dir);
  stores.push(store);
  await migrate(store, at());
  const o = await StoreWorkspace.open(store, bundle, at);
  if (!o.ok) throw new Error(o.reason);
  return { ws: o.workspace, store };
}

const impls: [string, () => Promise<{ ws: Workspace; store?: Store }>][] = [
  ['memory', async () => ({ ws: new MemoryWorkspace(bundle, at) })],
  ['store (PGlite)', storeWorkspace],
];

const first = demo[0] as ComplianceCase;

describe.each(impls)('compliance cases: %s', (_name, open) => {
  it('creates, refuses a second create, changes, refuses a stale version, retracts, keeps history', async () => {
    const { ws } = await open();
    expect(await writeCase({ ws, case: first, author: 'cco' })).toEqual({
      ok: true,
      value: { id: first.id, version: 1 },
    });
    const again = await writeCase({ ws, case: first, author: 'cco' });
    expect(again.ok || again.error.code).toBe('conflict');
    const changed = { ...first, actions: 'Demonstration: changed.' };
    expect(await writeCase({ ws, case: changed, version: 1, author: 'cco' })).toMatchObject({
      ok: true,
      value: { version: 2 },
    });
    const stale = await writeCase({ ws, case: { ...first, summary: 'x' }, version: 1, author: 'other' });
    expect(stale.ok || stale.error.code).toBe('stale-version');
    // unchanged rewrite: accepted, no new version
    expect(await writeCase({ ws, case: changed, version: 2, author: 'cco' })).toMatchObject({
      ok: true,
      value: { version: 2 },
    });
    const list = await listCases({ ws });
    expect(list.ok && list.value.cases).toEqual([{ case: changed, version: 2 }]);
    const staleRetract = await retractCase({ ws, id: first.id, version: 1, author: 'cco' });
    expect(staleRetract.ok || staleRetract.error.code).toBe('stale-version');
    expect(
      await retractCase({ ws, id: first.id, version: 2, author: 'cco', reason: 'entered twice' }),
    ).toMatchObject({
      ok: true,
      value: { version: 3 },
    });
    expect((await listCases({ ws })).ok && (await ws.cases.current()).length).toBe(0);
    const h = await caseHistory({ ws, id: first.id });
    expect(h.ok && h.value.map((r) => [r.version, r.case === null, r.reason])).toEqual([
      [1, false, `case ${first.id} added`],
      [2, false, `case ${first.id} changed`],
      [3, true, 'entered twice'],
    ]);
    // created again after the retraction: the count continues
    expect(await writeCase({ ws, case: first, author: 'cco' })).toMatchObject({
      ok: true,
      value: { version: 4 },
    });
    const missing = await caseHistory({ ws, id: 'nope' });
    expect(missing.ok || missing.error.code).toBe('not-found');
  });

  it('names every problem of an invalid case and writes nothing', async () => {
    const { ws } = await open();
    const bad = {
      ...first,
      id: 'Bad Id',
      entityId: 'atlantis',
      openedOn: '2024-02-30',
      concludedOn: '2023-01-01',
      outcome: undefined,
      summary: ' ',
    } as unknown as ComplianceCase;
    const out = await writeCase({ ws, case: JSON.parse(JSON.stringify(bad)), author: 'cco' });
    if (out.ok) throw new Error('accepted');
    expect(out.error.code).toBe('invalid-data');
    const fields = (out.error.issues ?? []).map((i) => i.column);
    expect(fields).toEqual(['id', 'entityId', 'openedOn', 'outcome', 'summary']);
    expect(await ws.cases.current()).toEqual([]);
  });

  it('counts by kind, type and outcome as by hand, and nothing else', async () => {
    const { ws } = await open();
    for (const c of demo) expect((await writeCase({ ws, case: c, author: 'cco' })).ok).toBe(true);
    // by hand from demo-cases.yaml: 2024 concluded: wb bribery unsubstantiated, wb fraud
    // substantiated, legal bribery withdrawn; 2023: the legal case open at the year's end; 2025: none
    const y2024 = await countCases({ ws, year: '2024' });
    expect(y2024.ok && y2024.value).toEqual({
      year: '2024',
      total: 3,
      counts: [
        { kind: 'legal-case', type: 'bribery', outcome: 'withdrawn', count: 1 },
        { kind: 'whistleblowing', type: 'bribery', outcome: 'unsubstantiated', count: 1 },
        { kind: 'whistleblowing', type: 'fraud', outcome: 'substantiated', count: 1 },
      ],
    });
    const y2023 = await countCases({ ws, year: '2023' });
    expect(y2023.ok && y2023.value.counts).toEqual([
      { kind: 'legal-case', type: 'bribery', outcome: 'open', count: 1 },
    ]);
    const y2025 = await countCases({ ws }); // the reporting year
    expect(y2025.ok && y2025.value).toEqual({ year: '2025', total: 0, counts: [] });
    const text = JSON.stringify(y2024);
    for (const c of demo) {
      expect(text).not.toContain(c.id);
      expect(text).not.toContain(c.summary);
      expect(text).not.toContain(c.entityId);
    }
  });

  it('round-trips the cases workbook, all or nothing', async () => {
    const { ws } = await open();
    for (const c of demo) await writeCase({ ws, case: c, author: 'cco' });
    const before = (await ws.cases.current()).map((v) => v.case);
    const xlsx = await exportCasesXlsx({ ws });
    // empty the register, then import the workbook into it (one workspace: a PGlite open is slow)
    for (const v of await ws.cases.current())
      await retractCase({ ws, id: v.case.id, version: v.version, author: 'cco' });
    expect(await ws.cases.current()).toEqual([]);
    const other = ws;
    const imported = await importCasesXlsx({
      ws: other,
      file: 'cases.xlsx',
      xlsxBase64: Buffer.from(xlsx).toString('base64'),
      author: 'cco',
    });
    expect(imported).toEqual({ ok: true, value: { imported: 3 } });
    expect((await other.cases.current()).map((v) => v.case)).toEqual(before);
    expect((await other.cases.current()).map((v) => v.version)).toEqual([3, 3, 3]);
    // a file with a bad row changes nothing
    const bad = await importCasesXlsx({
      ws: other,
      file: 'x.xlsx',
      xlsxBase64: Buffer.from('not a zip').toString('base64'),
      author: 'cco',
    });
    expect(bad.ok).toBe(false);
  });
});

describe('no case row in the bundle (store)', () => {
  it('the stored bundle and the folder written from it hold no case id or summary', async () => {
    const { ws, store } = await storeWorkspace();
    for (const c of demo) await writeCase({ ws, case: c, author: 'cco' });
    const back = await readBundle(store);
    if (!back.ok) throw new Error('unreadable');
    const dir = join(folders[folders.length - 1] as string, 'out');
    await saveBundle(back.bundle, dir);
    const files = await readdir(dir);
    expect(files.length).toBeGreaterThan(3);
    const all = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
    for (const c of demo) {
      expect(all).not.toContain(c.id);
      expect(all).not.toContain(c.summary);
    }
    expect(JSON.stringify(ws.snapshot().bundle)).not.toContain('demo-2024-wb');
    // the folder is the bundle as loaded: registers.yaml written from the store = from the YAML
    await saveBundle(bundle, join(dir, '..', 'yaml'));
    expect(await readFile(join(dir, 'registers.yaml'), 'utf8')).toBe(
      await readFile(join(dir, '..', 'yaml', 'registers.yaml'), 'utf8'),
    );
  }, 120_000);
});
