/**
 * The targets register of the demo bundle (examples/xinxin-2025) and its bundle round trip
 * (issue #18). Statuses by hand from the demo's figures:
 *   demo-renewable-energy-2027  actual 4,713.6 + 552.3 + 12.5 + 2.8 = 5,281.2 tce; the 2025
 *     milestone 5,100 is the path; 5,281.2 ≥ 5,100: on track; (5,281.2 − 4,200) / 1,800 = 60.07 %
 *   demo-energy-intensity-2027  actual 42.108… tce/CNY million; path 45.6 − 5.6 × 2/4 = 42.8;
 *     at or below: on track; (45.6 − 42.108…) / 5.6 = 62.35 %
 *   zero-fatalities  0 deaths in 2025, at most 0: achieved
 *   so2-cap-2025  the bundle has no air-emissions figure: no data
 * Round trip: registers.yaml → store → bundle gives the same targets, and the folder written
 * from the store holds the same registers.yaml as the folder written from the YAML.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle, saveBundle } from '@assay/io';
import { migrate, openPgliteStore, readBundle } from '@assay/store';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import { listTargets, writeTarget } from './targets.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025'));
if (!loaded.ok)
  throw new Error(`examples/xinxin-2025 should load: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
const bundle = loaded.bundle;

describe('the demo bundle’s targets', () => {
  it('shows progress and status as worked out by hand', async () => {
    const l = await listTargets({ ws: new MemoryWorkspace(bundle) });
    if (!l.ok) throw new Error(l.error.message);
    const row = (id: string) => l.value.targets.find((r) => r.target.id === id);
    expect(row('demo-renewable-energy-2027')).toMatchObject({
      status: 'on-track',
      actual: '5281.2',
      path: '5100',
      percent: '60.1',
    });
    expect(row('demo-energy-intensity-2027')).toMatchObject({
      status: 'on-track',
      path: '42.8',
      percent: '62.4',
    });
    expect(row('zero-fatalities')).toMatchObject({ status: 'achieved', actual: '0' });
    expect(row('so2-cap-2025')).toMatchObject({ status: 'no-data', actual: null });
    expect(row('energy-intensity-down')?.status).toBe('not-measured');
    expect(l.value.targets).toHaveLength(9);
  });

  it('round-trips registers.yaml → store → bundle unchanged, also after a write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-targets-bundle-'));
    try {
      const store = await openPgliteStore(join(dir, 'store'));
      await migrate(store, '2026-01-01T00:00:00Z');
      const o = await StoreWorkspace.open(store, bundle, () => '2026-02-01T00:00:00.000Z');
      if (!o.ok) throw new Error(o.reason);
      const back = await readBundle(store);
      if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 3)));
      expect(back.bundle.registers.targets).toEqual(bundle.registers.targets);
      await saveBundle(bundle, join(dir, 'from-yaml'));
      await saveBundle(back.bundle, join(dir, 'from-store'));
      const yaml = (d: string) => readFile(join(dir, d, 'registers.yaml'), 'utf8');
      expect(await yaml('from-store')).toBe(await yaml('from-yaml'));

      const first = bundle.registers.targets[0];
      if (!first) throw new Error('no target');
      const changed = { ...first, milestones: [{ year: '2024', value: '12.5' }], baseYear: '2023' };
      const w = await writeTarget({ ws: o.workspace, target: changed, version: 1, author: 'test' });
      expect(w.ok).toBe(true);
      const again = await readBundle(store);
      if (!again.ok) throw new Error('unreadable');
      expect(again.bundle.registers.targets[0]).toEqual(changed);
      await saveBundle(again.bundle, join(dir, 'after'));
      const reread = await loadBundle(join(dir, 'after'));
      expect(reread.ok && reread.bundle.registers.targets[0]).toEqual(changed);
      await o.workspace.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
