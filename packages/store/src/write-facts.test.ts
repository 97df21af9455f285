/**
 * One write of data points and activity lines together (an uploaded workbook holding both), on
 * PGlite and PostgreSQL: accepted, it is one change set with one audit entry; when any part is
 * refused (a stale line after good data points, a line in a locked period, a stale data point)
 * nothing at all is written: revisions, change sets and audit entries are as before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ActivityLine, type Bundle, type DataPoint, q } from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalStore } from '../test/minimal-store.js';
import { auditEntries } from './audit.js';
import { importBundle } from './import-bundle.js';
import { migrate } from './migrate.js';
import { lockPeriod, unlockPeriod } from './period-locks.js';
import { openPgliteStore } from './pglite-store.js';
import type { Store } from './store.js';
import { writeFactRevisions } from './write-facts.js';

const loaded = await loadBundle(fileURLToPath(new URL('../../../examples/minimal', import.meta.url)));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle: Bundle = loaded.bundle;
const AT = '2026-02-03T09:00:00.000Z';
const META = {
  author: 'Ann Lee <ann@example.com>',
  reason: 'workbook upload',
  subject: 'entry.xlsx',
  at: AT,
};
const point = (id: string) => bundle.dataPoints.find((d) => d.id === id) as DataPoint;
const d1 = bundle.activityLines.find((l) => l.id === 'd1') as ActivityLine;
/** December 2024 diesel of the smelter: a new line. */
const DEC: ActivityLine = { ...d1, id: 'al-2024-12', periodId: '2024-12', amount: q('9 t') };

type Opened = { store: Store; close: () => Promise<void> };
const stores: [string, () => Promise<Opened>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-facts-'));
      const store = await openPgliteStore(dir);
      await migrate(store, AT);
      await importBundle(store, bundle, META);
      return {
        store,
        close: async () => {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const t = await minimalStore();
      return { store: t.store, close: () => t.close() };
    },
  ],
];

describe.each(stores)('writing data points and activity lines in one write on %s', (_name, open) => {
  let o: Opened;
  beforeAll(async () => {
    o = await open();
  }, 60_000);
  afterAll(() => o?.close());

  /** Revisions of both kinds, change sets and audit entries. */
  const counts = async () => {
    const [r] = await o.store.query<{ dp: string; al: string; cs: string }>(
      `select (select count(*) from data_point_revision)::text as dp,
              (select count(*) from activity_line_revision)::text as al,
              (select count(*) from change_set)::text as cs`,
    );
    return { dp: Number(r?.dp), al: Number(r?.al), cs: Number(r?.cs), audit: await auditEntries(o.store) };
  };

  it('writes both in one change set with one audit entry', async () => {
    const before = await counts();
    const out = await writeFactRevisions(
      o.store,
      {
        dataPoints: [{ dataPoint: { ...point('rev-24'), quantity: q('951 CNY million') }, expectedRev: 1 }],
        activityLines: [{ line: DEC, expectedRev: undefined }],
      },
      META,
    );
    expect(out).toMatchObject({
      ok: true,
      dataPoints: { revisions: new Map([['rev-24', 2]]) },
      activityLines: { revisions: new Map([[DEC.id, 1]]) },
    });
    expect(await counts()).toEqual({
      dp: before.dp + 1,
      al: before.al + 1,
      cs: before.cs + 1,
      audit: before.audit + 1,
    });
  });

  it('writes nothing when the lines are refused after good data points: stale, locked; nor when a data point is stale', async () => {
    const before = await counts();
    const edit = { dataPoint: { ...point('rev-24'), quantity: q('952 CNY million') }, expectedRev: 2 };
    const stale = await writeFactRevisions(
      o.store,
      { dataPoints: [edit], activityLines: [{ line: { ...DEC, amount: q('10 t') }, expectedRev: 5 }] },
      META,
    );
    expect(stale).toEqual({ ok: false, reason: 'stale', kind: 'activity-line', id: DEC.id, current: 1 });
    const lock = { periodId: '2024-12', userId: 'u-admin', actor: 'Ada', at: AT, reason: 'approved' };
    expect(await lockPeriod(o.store, lock)).toMatchObject({ ok: true });
    const locked = await writeFactRevisions(
      o.store,
      { dataPoints: [edit], activityLines: [{ line: { ...DEC, amount: q('10 t') }, expectedRev: 1 }] },
      META,
    );
    expect(locked).toMatchObject({ ok: false, reason: 'locked', lock: { periodId: '2024-12' } });
    expect(await unlockPeriod(o.store, { ...lock, reason: 'x' })).toMatchObject({ ok: true });
    const staleDp = await writeFactRevisions(
      o.store,
      { dataPoints: [{ ...edit, expectedRev: 1 }], activityLines: [{ line: DEC, expectedRev: undefined }] },
      META,
    );
    expect(staleDp).toEqual({ ok: false, reason: 'stale', kind: 'data-point', id: 'rev-24', current: 2 });
    // The lock and unlock each wrote an audit entry; nothing else changed.
    expect(await counts()).toEqual({ ...before, audit: before.audit + 2 });
  });
});
