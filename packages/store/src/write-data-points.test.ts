/**
 * The database decides versions (issue #15): writers on separate pools, as separate server
 * processes are, each name revision 1 of one data point; exactly one is written. Only committed
 * change sets are announced on CHANGE_CHANNEL (a refused write announces nothing). A retraction
 * naming a revision that is no longer current is 'stale' and writes nothing.
 */
import { fileURLToPath } from 'node:url';
import { type DataPoint, q } from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalStore, type TestStore } from '../test/minimal-store.js';
import { CHANGE_CHANNEL } from './change-notify.js';
import { openPostgresStore } from './postgres-store.js';
import { retractFacts } from './retract-facts.js';
import type { Store } from './store.js';
import { writeDataPointRevisions } from './write-data-points.js';

const loaded = await loadBundle(fileURLToPath(new URL('../../../examples/minimal', import.meta.url)));
if (!loaded.ok) throw new Error('examples/minimal should load');
const point = (id: string) => loaded.bundle.dataPoints.find((d) => d.id === id) as DataPoint;
const META = { author: 'web', reason: 'edit', at: '2026-07-01T00:00:00.000Z' };

let t: TestStore;
const others: Store[] = [];
beforeAll(async () => {
  t = await minimalStore();
  for (let i = 0; i < 3; i++) others.push(await openPostgresStore(t.url));
});
afterAll(async () => {
  for (const s of others) await s.close();
  await t?.close();
});

const revisions = async (key: string) =>
  (
    await t.store.query<{ rev: number; value: string }>(
      'select rev, value::text as value from data_point_revision where fact_key = $1 order by rev',
      [key],
    )
  ).map((r) => [Number(r.rev), r.value]);

describe('writing data points that name their revision', () => {
  it('of writers on four pools naming revision 1, exactly one is written', async () => {
    const stores = [t.store, ...others];
    const outs = await Promise.all(
      stores.map((s, i) =>
        writeDataPointRevisions(
          s,
          [{ dataPoint: { ...point('rev-25'), quantity: q(`${1001 + i} CNY million`) }, expectedRev: 1 }],
          META,
        ),
      ),
    );
    const won = outs.findIndex((o) => o.ok);
    expect(outs.filter((o) => o.ok)).toHaveLength(1);
    expect(outs.filter((o) => !o.ok)).toEqual(
      Array(3).fill({ ok: false, reason: 'stale', id: 'rev-25', current: 2 }),
    );
    expect(outs[won]).toMatchObject({ ok: true, revisions: new Map([['rev-25', 2]]) });
    expect(await revisions('group|2025|revenue|')).toEqual([
      [1, '1000'],
      [2, String(1001 + won)],
    ]);
  });

  it('announces committed change sets only, on commit', async () => {
    const heard: (string | undefined)[] = [];
    const listener = await others[0]?.listen?.(CHANGE_CHANNEL, (p) => heard.push(p));
    if (!listener) throw new Error('a PostgreSQL store listens');
    try {
      const stale = await writeDataPointRevisions(
        t.store,
        [{ dataPoint: { ...point('rev-24'), quantity: q('1 CNY million') }, expectedRev: 7 }],
        META,
      );
      expect(stale).toEqual({ ok: false, reason: 'stale', id: 'rev-24', current: 1 });
      const exists = await writeDataPointRevisions(
        t.store,
        [{ dataPoint: point('rev-24'), expectedRev: undefined }],
        META,
      );
      expect(exists).toEqual({ ok: false, reason: 'exists', id: 'rev-24' });
      // Refused after its change set was made and announced: rolled back, announcement too.
      const quarter = { ...point('rev-24'), id: 'q-rev-24', periodId: '2024-Q1' };
      const overlap = await writeDataPointRevisions(
        t.store,
        [{ dataPoint: quarter, expectedRev: undefined }],
        META,
      );
      expect(overlap).toMatchObject({ ok: false, reason: 'invalid', issues: [{ column: 'period' }] });
      const ok = await writeDataPointRevisions(
        t.store,
        [{ dataPoint: { ...point('rev-24'), quantity: q('951 CNY million') }, expectedRev: 1 }],
        META,
      );
      if (!ok.ok || ok.changeSet === undefined) throw new Error('the write should commit');
      const refused = await retractFacts(
        t.store,
        { dataPoints: ['rev-24'], expectedRevisions: new Map([['rev-24', 1]]) },
        META,
      );
      expect(refused).toEqual({
        ok: false,
        problems: [
          {
            code: 'stale',
            fact: { kind: 'data point', name: 'rev-24' },
            current: 2,
            message: 'data point "rev-24" is at revision 2, not 1',
          },
        ],
      });
      const retracted = await retractFacts(
        t.store,
        { dataPoints: ['rev-24'], expectedRevisions: new Map([['rev-24', 2]]) },
        META,
      );
      if (!retracted.ok) throw new Error('the retraction should commit');
      const start = performance.now();
      while (heard.length < 2 && performance.now() - start < 2000) await new Promise((r) => setTimeout(r, 5));
      expect(heard).toEqual([String(ok.changeSet), String(retracted.changeSet)]);
      expect(await revisions('group|2024|revenue|')).toEqual([
        [1, '950'],
        [2, '951'],
        [3, '951'],
      ]);
    } finally {
      await listener.close();
    }
  });
});
