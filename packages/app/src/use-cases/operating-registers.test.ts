/**
 * The supplier, hazard and project registers (issue #18) through the use cases, on the in-memory
 * workspace, PGlite and PostgreSQL (examples/minimal: group → smelter, mine; year 2025):
 * create, list with filters and derived figures, update with versions (stale refused), retract
 * and history, validation naming every field, the audit entry in the store, and an XLSX round
 * trip through export and import.
 *
 * Hand counts. Suppliers: smelter engages X (xinjiang) and J (jiangsu); mine engages X again and
 * S (shaanxi, suspended) and B (xinjiang, blacklisted) → group xinjiang 1, jiangsu 1, shaanxi 1,
 * total 3 (5 rows). Hazards found in 2025: h1 rectified, h2 open and due 2025-10-01 (overdue at
 * 31 Dec), h3 open and due 2026 → rate 1 ÷ 3 = 33.33…%, overdue 1. Projects: p1 completed, p2 in
 * progress, p3 cancelled (left out) → completion 1 ÷ 2 = 50 %.
 */
import { join } from 'node:path';
import type { Hazard, SavingProject, Supplier } from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, cycleBackends } from '../../test/cycle-backends.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  listOperatingRegister,
  operatingRowHistory,
  retractOperatingRow,
  writeOperatingRow,
} from './operating-registers.js';
import { exportOperatingXlsx, importOperatingXlsx } from './operating-registers-xlsx.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const at = () => '2026-02-06T09:00:00.000Z';

const X = '91650100MA7XK2L1C8';
const supplier = (
  id: string,
  entityId: string,
  creditCode: string,
  region: string,
  status: Supplier['status'] = 'approved',
): Supplier => ({
  id,
  name: { en: `Supplier ${id}`, 'zh-Hant': `供應商${id}` },
  creditCode,
  entityId,
  region,
  category: 'raw-materials',
  status,
});
const SUPPLIERS = [
  supplier('sm-x', 'smelter', X, 'xinjiang'),
  supplier('sm-j', 'smelter', '91320500MA1NQ8R4DR', 'jiangsu'),
  supplier('mi-x', 'mine', X, 'xinjiang'),
  supplier('mi-s', 'mine', '91610100MA6TG3H5E3', 'shaanxi', 'suspended'),
  supplier('mi-b', 'mine', '91210100MA0Y4U6W7H', 'xinjiang', 'blacklisted'),
];
const hazard = (id: string, dueOn: string, rectifiedOn?: string): Hazard => ({
  id,
  foundOn: '2025-04-01',
  entityId: 'mine',
  grade: 'general',
  description: { en: `Hazard ${id}`, 'zh-Hant': `隱患${id}` },
  owner: 'Zhang',
  dueOn,
  ...(rectifiedOn ? { rectifiedOn, evidence: `${id}.jpg` } : {}),
});
const project = (id: string, status: SavingProject['status']): SavingProject => ({
  id,
  name: { en: `Project ${id}`, 'zh-Hant': `項目${id}` },
  entityId: 'smelter',
  measure: { en: 'Variable-speed drives', 'zh-Hant': '變頻改造' },
  status,
  estimated: { MWh: '1200.5' },
  ...(status === 'completed' ? { verified: { MWh: '1180.25', tCO2e: '0.001' } } : {}),
});

const value = (figures: readonly { figureId: string; value: string | null }[], id: string) =>
  figures.find((f) => f.figureId === id)?.value;

describe.each(cycleBackends(loaded.bundle, at))('operating registers on %s', (_name, open) => {
  let b: Backend;
  let ws: Workspace;
  beforeAll(async () => {
    b = await open();
    ws = b.ws;
  }, 60_000);
  afterAll(() => b?.close());
  const codeOf = (r: { ok: boolean; error?: { code: string; field?: string } }) =>
    r.ok ? 'ok' : `${r.error?.code}${r.error?.field ? ` ${r.error.field}` : ''}`;

  it('suppliers: one count per credit code across subsidiaries, by region, with filters', async () => {
    for (const s of SUPPLIERS)
      expect(codeOf(await writeOperatingRow({ ws, register: 'suppliers', row: s, author: 'ada' }))).toBe(
        'ok',
      );
    const l = await listOperatingRegister({ ws, register: 'suppliers' });
    if (!l.ok) throw new Error(l.error.message);
    expect(l.value.rows.map((r) => [r.row.id, r.version])).toEqual(SUPPLIERS.map((s) => [s.id, 1]));
    const f = l.value.figures;
    expect(value(f, 'suppliers.registered@group/2025')).toBe('3');
    expect(value(f, 'suppliers.registered[region=xinjiang]@group/2025')).toBe('1');
    expect(value(f, 'suppliers.registered[region=jiangsu]@group/2025')).toBe('1');
    expect(value(f, 'suppliers.registered[region=shaanxi]@group/2025')).toBe('1');
    const mine = await listOperatingRegister({
      ws,
      register: 'suppliers',
      filter: { entityId: 'mine', region: 'xinjiang' },
    });
    expect(mine.ok && mine.value.rows.map((r) => r.row.id)).toEqual(['mi-x', 'mi-b']);
    expect(mine.ok && value(mine.value.figures, 'suppliers.registered@mine/2025')).toBe('2');
  });

  it('names every invalid field; a second create is a conflict', async () => {
    const bad = await writeOperatingRow({
      ws,
      register: 'suppliers',
      row: { ...supplier('bad', 'nowhere', `${X.slice(0, 17)}9`, 'xinjiang'), status: 'gone' as never },
      author: 'ada',
    });
    expect(codeOf(bad)).toBe('invalid-data entityId');
    if (bad.ok) throw new Error('unreachable');
    expect(bad.error.issues?.map((i) => i.column)).toEqual(['entityId', 'creditCode', 'status']);
    expect(
      codeOf(
        await writeOperatingRow({ ws, register: 'suppliers', row: SUPPLIERS[0] as Supplier, author: 'ada' }),
      ),
    ).toBe('conflict id');
  });

  it('hazards: rectification rate and the overdue count as of 31 December', async () => {
    for (const h of [
      hazard('h1', '2025-05-01', '2025-04-20'),
      hazard('h2', '2025-10-01'),
      hazard('h3', '2026-03-01'),
    ])
      expect(codeOf(await writeOperatingRow({ ws, register: 'hazards', row: h, author: 'ada' }))).toBe('ok');
    const l = await listOperatingRegister({ ws, register: 'hazards' });
    if (!l.ok) throw new Error(l.error.message);
    expect(value(l.value.figures, 'hazards.found@group/2025')).toBe('3');
    expect(value(l.value.figures, 'hazards.overdue@group/2025')).toBe('1');
    expect(value(l.value.figures, 'hazards.rectification-rate@group/2025')?.startsWith('33.333')).toBe(true);
    const overdue = await listOperatingRegister({ ws, register: 'hazards', filter: { status: 'overdue' } });
    expect(overdue.ok && overdue.value.rows.map((r) => r.row.id)).toEqual(['h2']);
  });

  it('projects: completion rate leaves cancelled projects out; savings exact', async () => {
    for (const p of [project('p1', 'completed'), project('p2', 'in-progress'), project('p3', 'cancelled')])
      expect(codeOf(await writeOperatingRow({ ws, register: 'projects', row: p, author: 'ada' }))).toBe('ok');
    const l = await listOperatingRegister({ ws, register: 'projects' });
    if (!l.ok) throw new Error(l.error.message);
    expect(value(l.value.figures, 'projects.completion-rate@group/2025')).toBe('50');
    expect(value(l.value.figures, 'projects.saved.electricity@group/2025')).toBe('1180.25');
    expect(value(l.value.figures, 'projects.saved.emissions@group/2025')).toBe('0.001');
  });

  it('updates with the version read; a stale version changes nothing; retract and history', async () => {
    const changed = { ...(SUPPLIERS[1] as Supplier), status: 'suspended' as const };
    expect(
      await writeOperatingRow({ ws, register: 'suppliers', row: changed, version: 1, author: 'ada' }),
    ).toMatchObject({
      ok: true,
      value: { version: 2 },
    });
    expect(
      codeOf(
        await writeOperatingRow({
          ws,
          register: 'suppliers',
          row: { ...changed, region: 'anhui' },
          version: 1,
          author: 'bob',
        }),
      ),
    ).toBe('stale-version version');
    expect(ws.snapshot().bundle.registers.suppliers?.find((s) => s.id === 'sm-j')).toEqual(changed);
    expect(
      codeOf(await retractOperatingRow({ ws, register: 'suppliers', id: 'sm-j', version: 1, author: 'ada' })),
    ).toBe('stale-version version');
    expect(
      await retractOperatingRow({
        ws,
        register: 'suppliers',
        id: 'sm-j',
        version: 2,
        author: 'ada',
        reason: 'left the list',
      }),
    ).toMatchObject({ ok: true, value: { version: 3 } });
    const h = await operatingRowHistory({ ws, register: 'suppliers', id: 'sm-j' });
    if (!h.ok) throw new Error(h.error.message);
    expect(h.value.map((r) => [r.version, r.row?.status ?? null, r.author, r.reason])).toEqual([
      [1, 'approved', 'ada', 'supplier sm-j added'],
      [2, 'suspended', 'ada', 'supplier sm-j changed'],
      [3, null, 'ada', 'left the list'],
    ]);
    // jiangsu is gone from the group's count
    const l = await listOperatingRegister({ ws, register: 'suppliers' });
    expect(l.ok && value(l.value.figures, 'suppliers.registered@group/2025')).toBe('2');
    expect(codeOf(await operatingRowHistory({ ws, register: 'hazards', id: 'never' }))).toBe('not-found');
  });

  it('XLSX: export and import give the same rows; a bad row refuses the whole file', async () => {
    for (const register of ['suppliers', 'hazards', 'projects'] as const) {
      const before = ws.snapshot().bundle.registers[register];
      const xlsx = await exportOperatingXlsx({ ws, register });
      const r = await importOperatingXlsx({
        ws,
        register,
        file: `${register}.xlsx`,
        xlsxBase64: Buffer.from(xlsx).toString('base64'),
        author: 'ada',
      });
      expect(codeOf(r)).toBe('ok');
      expect(ws.snapshot().bundle.registers[register]).toEqual(before);
    }
    const wrong = await exportOperatingXlsx({ ws, register: 'suppliers' });
    const r = await importOperatingXlsx({
      ws,
      register: 'hazards',
      file: 'x.xlsx',
      xlsxBase64: Buffer.from(wrong).toString('base64'),
      author: 'ada',
    });
    expect(codeOf(r)).toBe('invalid-data');
  });

  it('records each write in the audit log (store)', async () => {
    if (!b.store) return;
    const rows = await b.store.query<{ subject: string; reason: string }>(
      "select subject, reason from audit_log where action = 'import' and subject like 'suppliers %' order by seq",
    );
    expect(rows.map((r) => r.subject).slice(0, 2)).toEqual(['suppliers sm-x', 'suppliers sm-j']);
    expect(rows.map((r) => r.reason)).toContain('left the list');
  });
});
