/**
 * The period lock in the store (issue #17), on PGlite and PostgreSQL: once 2025 is locked, every
 * writer of facts refuses a new revision in it (a web edit, a CSV or XLSX import of activity
 * lines, a bundle import, a retraction) with a message saying since when, by whom, and to file a
 * restatement, and stores nothing; unchanged facts and other periods pass; unlocking is recorded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Bundle, type DataPoint, q } from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalStore } from '../test/minimal-store.js';
import { auditEntries } from './audit.js';
import { bundleBatches, importBundle } from './import-bundle.js';
import { importFacts } from './import-facts.js';
import { migrate } from './migrate.js';
import { periodLocks } from './period-lock-rows.js';
import { lockPeriod, unlockPeriod } from './period-locks.js';
import { openPgliteStore } from './pglite-store.js';
import { retractFacts } from './retract-facts.js';
import type { Store } from './store.js';
import { writeDataPointRevisions } from './write-data-points.js';

const loaded = await loadBundle(fileURLToPath(new URL('../../../examples/minimal', import.meta.url)));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle: Bundle = loaded.bundle;
const point = (id: string) => bundle.dataPoints.find((d) => d.id === id) as DataPoint;
const AT = '2026-04-01T09:00:00.000Z';
const META = { author: 'Ann Lee <ann@example.com>', reason: 'correction', at: AT };
const LOCK = {
  periodId: '2025',
  userId: 'u-admin',
  actor: 'Ada Admin <ada@example.com>',
  at: AT,
  reason: 'approved',
};
const MESSAGE =
  'period 2025 is locked since 2026-04-01T09:00:00.000Z by Ada Admin <ada@example.com>; to change a figure, file a restatement';

type Opened = { store: Store; close: () => Promise<void> };
const stores: [string, () => Promise<Opened>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-lock-'));
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

describe.each(stores)('period lock on %s', (_name, open) => {
  let o: Opened;
  beforeAll(async () => {
    o = await open();
  }, 60_000);
  afterAll(() => o?.close());

  /** Everything a refused write must leave as it was. */
  const counts = async () => {
    const [r] = await o.store.query<{ dp: string; al: string; cs: string }>(
      `select (select count(*) from data_point_revision)::text as dp,
              (select count(*) from activity_line_revision)::text as al,
              (select count(*) from change_set)::text as cs`,
    );
    return [r?.dp, r?.al, r?.cs, await auditEntries(o.store)];
  };

  it('locks a period once, recorded in the lock events and the audit log', async () => {
    expect(await lockPeriod(o.store, LOCK)).toEqual({ ok: true, lock: LOCK });
    expect(await lockPeriod(o.store, { ...LOCK, reason: 'again' })).toEqual({
      ok: false,
      reason: 'already-locked',
      lock: LOCK,
    });
    expect(await periodLocks(o.store)).toEqual([LOCK]);
    const audit = await o.store.query<{ action: string; subject: string }>(
      `select action, subject from audit_log where action like 'period-%'`,
    );
    expect(audit).toEqual([{ action: 'period-lock', subject: 'period 2025' }]);
  });

  it('refuses a web edit, an activity-line import, a bundle import and a retraction in it, storing nothing', async () => {
    const before = await counts();
    const edit = await writeDataPointRevisions(
      o.store,
      [{ dataPoint: { ...point('rev-25'), quantity: q('1001 CNY million') }, expectedRev: 1 }],
      META,
    );
    expect(edit).toEqual({ ok: false, reason: 'locked', lock: LOCK, message: MESSAGE });
    // A March diesel line: its period lies in the locked year.
    const [line] = bundle.activityLines;
    if (!line) throw new Error('examples/minimal has activity lines');
    const march = { ...line, id: 'd-2025-03', periodId: '2025-03' };
    const lines = await importFacts(
      o.store,
      () => bundleBatches({ ...bundle, dataPoints: [], activityLines: [march] }, 'lines.csv'),
      { subject: 'lines.csv', author: META.author, reason: 'monthly upload', at: AT },
    );
    expect(lines).toEqual({
      ok: false,
      issueCount: 1,
      issues: [
        {
          file: 'lines.csv',
          column: 'period',
          reason:
            'period 2025-03 lies in period 2025, which is locked since 2026-04-01T09:00:00.000Z by Ada Admin <ada@example.com>; to change a figure, file a restatement',
        },
      ],
      locked: LOCK,
    });
    const changed = { ...bundle, dataPoints: [{ ...point('hc-s-m'), quantity: q('301 person') }] };
    expect(await importBundle(o.store, changed, META)).toMatchObject({ ok: false, locked: LOCK });
    expect(await retractFacts(o.store, { dataPoints: ['rev-25'] }, META)).toEqual({
      ok: false,
      problems: [{ code: 'period-locked', message: MESSAGE, lock: LOCK }],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses an import that moves a line out of the locked period (its figures would change), storing nothing', async () => {
    const before = await counts();
    // d1: 100 t diesel of 2025. The CSV gives its id the period 2024: a revision of the same line.
    const d1 = bundle.activityLines.find((l) => l.id === 'd1');
    if (!d1) throw new Error('examples/minimal has the line d1');
    const moved = { ...d1, periodId: '2024' };
    const meta = { subject: 'lines.csv', author: META.author, reason: 'monthly upload', at: AT };
    const csv = await importFacts(
      o.store,
      () => bundleBatches({ ...bundle, dataPoints: [], activityLines: [moved] }, 'lines.csv'),
      meta,
    );
    expect(csv).toEqual({
      ok: false,
      issueCount: 1,
      issues: [{ file: 'lines.csv', column: 'period', reason: MESSAGE }],
      locked: LOCK,
    });
    // The same through a bundle import, and with the move among unchanged lines of other periods.
    const other = { ...d1, id: 'd-2024', periodId: '2024' };
    const mixed = {
      ...bundle,
      activityLines: [other, ...bundle.activityLines.filter((l) => l !== d1), moved],
    };
    expect(await importBundle(o.store, mixed, META)).toMatchObject({ ok: false, locked: LOCK });
    // A data point's id cannot move: its key holds its period, and another key may not take the id.
    const rev25 = point('rev-25');
    const dp = await importFacts(
      o.store,
      () =>
        bundleBatches(
          { ...bundle, dataPoints: [{ ...rev25, periodId: '2023' }], activityLines: [] },
          'dp.csv',
        ),
      { ...meta, subject: 'dp.csv' },
    );
    expect(dp).toMatchObject({ ok: false, issues: [{ column: 'id' }] });
    expect(await counts()).toEqual(before);
  });

  it('lets unchanged facts of the locked period and facts of other periods through', async () => {
    expect(await importBundle(o.store, bundle, META)).toMatchObject({ ok: true, changed: false });
    const prior = await writeDataPointRevisions(
      o.store,
      [{ dataPoint: { ...point('rev-24'), quantity: q('951 CNY million') }, expectedRev: 1 }],
      META,
    );
    expect(prior).toMatchObject({ ok: true, revisions: new Map([['rev-24', 2]]) });
  });

  it('unlocks (recorded), after which the edit goes through', async () => {
    const who = {
      periodId: '2025',
      userId: 'u-admin',
      actor: LOCK.actor,
      at: AT,
      reason: 'restatement filed',
    };
    expect(await unlockPeriod(o.store, who)).toEqual({ ok: true, lock: LOCK });
    expect(await unlockPeriod(o.store, who)).toEqual({ ok: false, reason: 'not-locked' });
    const events = await o.store.query<{ action: string; reason: string }>(
      'select action, reason from period_lock_event order by id',
    );
    expect(events).toEqual([
      { action: 'lock', reason: 'approved' },
      { action: 'unlock', reason: 'restatement filed' },
    ]);
    await expect(o.store.query(`update period_lock_event set reason = 'x'`)).rejects.toThrow(/append-only/);
    const edit = await writeDataPointRevisions(
      o.store,
      [{ dataPoint: { ...point('rev-25'), quantity: q('1001 CNY million') }, expectedRev: 1 }],
      META,
    );
    expect(edit).toMatchObject({ ok: true });
  });

  it('lets a line retracted before the lock come back in another period (it is in none of the locked figures)', async () => {
    expect(await retractFacts(o.store, { activityLines: ['g1'] }, META)).toMatchObject({ ok: true });
    expect(await lockPeriod(o.store, LOCK)).toMatchObject({ ok: true });
    const g1 = bundle.activityLines.find((l) => l.id === 'g1');
    if (!g1) throw new Error('examples/minimal has the line g1');
    const back = await importFacts(
      o.store,
      () =>
        bundleBatches({ ...bundle, dataPoints: [], activityLines: [{ ...g1, periodId: '2024' }] }, 'g1.csv'),
      { subject: 'g1.csv', author: META.author, reason: 'belongs to 2024', at: AT },
    );
    expect(back).toMatchObject({
      ok: true,
      changed: true,
      counts: { activityLines: { added: 0, revised: 1 } },
    });
    expect(await unlockPeriod(o.store, { ...LOCK, reason: 'done' })).toMatchObject({ ok: true });
  });
});
