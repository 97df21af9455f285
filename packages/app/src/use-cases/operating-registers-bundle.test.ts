/**
 * The demo bundle's supplier, hazard and project registers (examples/xinxin-2025, demonstration
 * data) and their bundle round trip (issue #18). Hand counts from registers.yaml:
 *   suppliers: the reagent supplier is under fukang and kalatongke with one credit code (counts
 *     once), equipment (jiangsu), haulage (shaanxi, suspended: counted), explosives (blacklisted:
 *     not counted) → group 3: xinjiang 1, jiangsu 1, shaanxi 1
 *   hazards found in 2025: 4; rectified by 31 Dec: demo-hz-001, demo-hz-002 (late) → 2;
 *     overdue: demo-hz-003 (due 5 Nov, open) → 1; demo-hz-004 is due in 2026 → rate 50 %
 *   projects: 4 live (one cancelled), 2 completed → 50 %; verified 3,210 + 1,436.75 = 4,646.75 MWh
 * Round trip: registers.yaml → store → bundle gives the same rows, and the folder written from
 * the store holds the same registers.yaml as the folder written from the YAML, also after a write.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle, saveBundle } from '@assay/io';
import { migrate, openPgliteStore, readBundle } from '@assay/store';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import { listOperatingRegister, writeOperatingRow } from './operating-registers.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025'));
if (!loaded.ok)
  throw new Error(`examples/xinxin-2025 should load: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
const bundle = loaded.bundle;

const figures = async (register: 'suppliers' | 'hazards' | 'projects') => {
  const l = await listOperatingRegister({ ws: new MemoryWorkspace(bundle), register });
  if (!l.ok) throw new Error(l.error.message);
  return Object.fromEntries(l.value.figures.map((f) => [f.figureId, f.value]));
};

describe('the demo bundle’s operating registers', () => {
  it('derive the figures worked out by hand', async () => {
    expect(await figures('suppliers')).toEqual({
      // HKEX B5.2 (issue #18): with an ESG assessment on file, one per credit code; the reagent
      // supplier of two subsidiaries once, the equipment supplier; blacklisted and unassessed out
      'suppliers.assessed@group/2025': '2',
      'suppliers.registered@group/2025': '3',
      'suppliers.registered[region=jiangsu]@group/2025': '1',
      'suppliers.registered[region=shaanxi]@group/2025': '1',
      'suppliers.registered[region=xinjiang]@group/2025': '1',
    });
    expect(await figures('hazards')).toMatchObject({
      'hazards.found@group/2025': '4',
      'hazards.rectified@group/2025': '2',
      'hazards.overdue@group/2025': '1',
      'hazards.rectification-rate@group/2025': '50',
    });
    expect(await figures('projects')).toMatchObject({
      'projects.completion-rate@group/2025': '50',
      'projects.saved.electricity@group/2025': '4646.75',
    });
    for (const r of [
      ...(bundle.registers.suppliers ?? []),
      ...(bundle.registers.hazards ?? []),
      ...(bundle.registers.projects ?? []),
    ])
      expect(r.isDemonstration, r.id).toBe(true);
  });

  it('round-trips registers.yaml → store → bundle unchanged, also after a write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-operating-bundle-'));
    try {
      const store = await openPgliteStore(join(dir, 'store'));
      await migrate(store, '2026-01-01T00:00:00Z');
      const o = await StoreWorkspace.open(store, bundle, () => '2026-02-01T00:00:00.000Z');
      if (!o.ok) throw new Error(o.reason);
      const back = await readBundle(store);
      if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
      for (const k of ['suppliers', 'hazards', 'projects'] as const)
        expect(back.bundle.registers[k]).toEqual(bundle.registers[k]);
      await saveBundle(bundle, join(dir, 'from-yaml'));
      await saveBundle(back.bundle, join(dir, 'from-store'));
      const yaml = (d: string) => readFile(join(dir, d, 'registers.yaml'), 'utf8');
      expect(await yaml('from-store')).toBe(await yaml('from-yaml'));

      const first = bundle.registers.hazards?.[2];
      if (!first) throw new Error('no hazard');
      const changed = { ...first, rectifiedOn: '2025-11-20', evidence: 'DEMO-RZ-2025-140' };
      const w = await writeOperatingRow({
        ws: o.workspace,
        register: 'hazards',
        row: changed,
        version: 1,
        author: 'test',
      });
      expect(w.ok).toBe(true);
      const again = await readBundle(store);
      if (!again.ok) throw new Error('unreadable');
      expect(again.bundle.registers.hazards?.[2]).toEqual(changed);
      await saveBundle(again.bundle, join(dir, 'after'));
      const reread = await loadBundle(join(dir, 'after'));
      expect(reread.ok && reread.bundle.registers.hazards?.[2]).toEqual(changed);
      await o.workspace.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a registers.yaml with a bad credit code is refused, naming the row and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-operating-bad-'));
    try {
      const s = bundle.registers.suppliers?.[0];
      if (!s) throw new Error('no supplier');
      const bad = {
        ...bundle,
        registers: {
          ...bundle.registers,
          suppliers: [{ ...s, creditCode: `${s.creditCode.slice(0, 17)}0` }],
        },
      };
      await saveBundle(bad, dir);
      const r = await loadBundle(dir);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues.map((i) => [i.file, i.column])).toContainEqual([
        'registers.yaml',
        `suppliers.${s.id}.creditCode`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
