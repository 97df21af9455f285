/**
 * Incremental evaluation over the real store workspace (PGlite): edits through updateDataPoint
 * move the written data point to the end of the bundle (store-workspace.ts applyWritten); the
 * figures after each edit must equal a full evaluation, and the write must report exactly the
 * figures whose value changed. Both derivations are reached: examples/xinxin-2025 has data points
 * whose move would change figures (evaluated in full) and others (incremental). The incremental
 * ones are found from the store workspace's record of its writes (`via: 'changes'`), not by
 * comparing all data points.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateBundle, type Figure } from '@assay/core';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore } from '@assay/store';
import { afterAll, expect, it } from 'vitest';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import { sameValue } from './affected-figures.js';
import { evaluated } from './evaluation.js';
import { updateDataPoint } from './write-data-point.js';

const folders: string[] = [];
afterAll(async () => {
  for (const f of folders) await rm(f, { recursive: true, force: true });
});

it('follows value edits in the store workspace exactly, incrementally where the order allows', async () => {
  const loaded = await loadBundle(
    join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025'),
  );
  if (!loaded.ok) throw new Error('examples/xinxin-2025 should load');
  const dir = await mkdtemp(join(tmpdir(), 'assay-eval-'));
  folders.push(dir);
  const store = await openPgliteStore(dir);
  const at = () => '2026-01-02T03:04:05.000Z';
  await migrate(store, at());
  const opened = await StoreWorkspace.open(store, loaded.bundle, at);
  if (!opened.ok) throw new Error(opened.reason);
  const ws = opened.workspace;
  try {
    const kinds: string[] = [];
    const ids = ws.snapshot().bundle.dataPoints.map((d) => d.id);
    // Every 20th data point, then the first one twice (already at the end the second time).
    const targets = [...ids.filter((_, i) => i % 20 === 0), ids[0] as string, ids[0] as string];
    for (const [k, id] of targets.entries()) {
      const before = ws.snapshot();
      const d = before.bundle.dataPoints.find((x) => x.id === id);
      if (!d) throw new Error(`no data point ${id}`);
      const out = await updateDataPoint({
        ws,
        id,
        patch: { value: d.quantity.value.plus(k + 1).toString() },
        version: before.versionOf(id) as number,
        reason: 'test',
        author: 'test',
        dryRun: false,
      });
      if (!out.ok) throw new Error(out.error.message);
      const after = ws.snapshot();
      const ev = evaluated(after);
      kinds.push(ev.derivation.kind);
      if (ev.derivation.kind === 'incremental') expect(ev.derivation.via).toBe('changes');
      const full = evaluateBundle(after.bundle).figures;
      expect(ev.evaluation.figures.map((f) => f.id)).toEqual(full.map((f) => f.id));
      full.forEach((f, i) => {
        expect(sameValue((ev.evaluation.figures[i] as Figure).value, f.value)).toBe(true);
      });
      const old = new Map(evaluateBundle(before.bundle).figures.map((f) => [f.id, f]));
      const changed = full
        .filter((f) => !sameValue((old.get(f.id) as Figure).value, f.value))
        .map((f) => f.id);
      expect(out.value.affected.changed.map((f) => f.id).sort()).toEqual(changed.sort());
    }
    expect(kinds).toContain('incremental');
    expect(kinds).toContain('full');
    expect(kinds.at(-1)).toBe('incremental'); // the same data point again: nothing moves
  } finally {
    await ws.close();
  }
}, 300_000);
