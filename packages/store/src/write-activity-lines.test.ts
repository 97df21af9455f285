/**
 * Entering activity lines that name their revision (issue #17), on PGlite and PostgreSQL: a new
 * line is revision 1, an edit names the current revision (stale / not-found / exists otherwise,
 * nothing written), an unchanged line adds nothing, a line given twice is refused naming the
 * id, a retraction names the revision it withdraws, a line in a locked period is refused with
 * the restatement message. On PostgreSQL, writers on four pools naming revision 1 of one line:
 * exactly one is written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ActivityLine, type Bundle, q } from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalStore } from '../test/minimal-store.js';
import { auditEntries } from './audit.js';
import { importBundle } from './import-bundle.js';
import { migrate } from './migrate.js';
import { lockPeriod, unlockPeriod } from './period-locks.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import { readBundle } from './read-bundle.js';
import { retractFacts } from './retract-facts.js';
import type { Store } from './store.js';
import { writeActivityLineRevisions } from './write-activity-lines.js';

const loaded = await loadBundle(fileURLToPath(new URL('../../../examples/minimal', import.meta.url)));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle: Bundle = loaded.bundle;
const AT = '2026-02-03T09:00:00.000Z';
const META = { author: 'Ann Lee <ann@example.com>', reason: 'January fuel', at: AT };
/** January 2025 diesel of the smelter, as a preparer enters it. */
const JAN: ActivityLine = {
  id: 'al-smelter-2025-01-diesel',
  entityId: 'smelter',
  periodId: '2025-01',
  activity: 'fuel',
  subject: 'diesel',
  use: 'combustion',
  amount: q('12 t'),
  attributes: {},
  source: 'fuel invoice 2025-001',
};

type Opened = { store: Store; url?: string; close: () => Promise<void> };
const stores: [string, () => Promise<Opened>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-lines-'));
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
      return { store: t.store, url: t.url, close: () => t.close() };
    },
  ],
];

describe.each(stores)('writing activity lines on %s', (_name, open) => {
  let o: Opened;
  beforeAll(async () => {
    o = await open();
  }, 60_000);
  afterAll(() => o?.close());

  /** Everything a refused write must leave as it was. */
  const counts = async () => {
    const [r] = await o.store.query<{ al: string; cs: string }>(
      `select (select count(*) from activity_line_revision)::text as al,
              (select count(*) from change_set)::text as cs`,
    );
    return [r?.al, r?.cs, await auditEntries(o.store)];
  };
  const revisions = async (id: string) =>
    (
      await o.store.query<{ rev: number; amount: string; retracted: boolean }>(
        'select rev, amount::text as amount, retracted from activity_line_revision where fact_key = $1 order by rev',
        [id],
      )
    ).map((r) => [Number(r.rev), r.amount, r.retracted]);

  it('adds a new line at revision 1 in one change set with its audit entry; read back as written', async () => {
    const before = await counts();
    const out = await writeActivityLineRevisions(o.store, [{ line: JAN, expectedRev: undefined }], META);
    expect(out).toEqual({ ok: true, changeSet: expect.any(Number), revisions: new Map([[JAN.id, 1]]) });
    expect(await counts()).toEqual([
      String(Number(before[0]) + 1),
      String(Number(before[1]) + 1),
      (before[2] as number) + 1,
    ]);
    const back = await readBundle(o.store);
    if (!back.ok) throw new Error('read-back failed');
    const line = back.bundle.activityLines.find((l) => l.id === JAN.id);
    expect(line).toMatchObject({
      entityId: 'smelter',
      periodId: '2025-01',
      subject: 'diesel',
      use: 'combustion',
    });
    expect(line?.amount.value.toString()).toBe('12');
  });

  it('refuses, writing nothing: a new line whose id is current, a stale revision, an unknown line, a line twice', async () => {
    const before = await counts();
    const edit = { ...JAN, amount: q('13 t') };
    expect(await writeActivityLineRevisions(o.store, [{ line: edit, expectedRev: undefined }], META)).toEqual(
      {
        ok: false,
        reason: 'exists',
        id: JAN.id,
      },
    );
    expect(await writeActivityLineRevisions(o.store, [{ line: edit, expectedRev: 4 }], META)).toEqual({
      ok: false,
      reason: 'stale',
      id: JAN.id,
      current: 1,
    });
    const unknown = { ...JAN, id: 'al-nobody' };
    expect(await writeActivityLineRevisions(o.store, [{ line: unknown, expectedRev: 1 }], META)).toEqual({
      ok: false,
      reason: 'not-found',
      id: 'al-nobody',
    });
    // The first refusal refuses all: a good edit before a stale one is not written either.
    const both = await writeActivityLineRevisions(
      o.store,
      [
        { line: edit, expectedRev: 1 },
        { line: { ...bundle.activityLines[0], amount: q('1 t') } as ActivityLine, expectedRev: 9 },
      ],
      META,
    );
    expect(both).toEqual({ ok: false, reason: 'stale', id: 'd1', current: 1 });
    const twice = await writeActivityLineRevisions(
      o.store,
      [
        { line: { ...JAN, id: 'al-twice' }, expectedRev: undefined },
        { line: { ...JAN, id: 'al-twice', amount: q('2 t') }, expectedRev: undefined },
      ],
      META,
    );
    expect(twice).toMatchObject({ ok: false, reason: 'invalid', issues: [{ column: 'id', row: 3 }] });
    expect(await counts()).toEqual(before);
    expect(await revisions(JAN.id)).toEqual([[1, '12', false]]);
  });

  it('edits the current revision; an unchanged line adds nothing', async () => {
    const out = await writeActivityLineRevisions(
      o.store,
      [{ line: { ...JAN, amount: q('12.5 t') }, expectedRev: 1 }],
      META,
    );
    expect(out).toMatchObject({ ok: true, revisions: new Map([[JAN.id, 2]]) });
    const before = await counts();
    const same = await writeActivityLineRevisions(
      o.store,
      [{ line: { ...JAN, amount: q('12.5 t') }, expectedRev: 2 }],
      META,
    );
    expect(same).toEqual({ ok: true, changeSet: undefined, revisions: new Map([[JAN.id, 2]]) });
    expect(await counts()).toEqual(before);
  });

  it('retracts a line naming its revision (stale otherwise), and a new write brings it back', async () => {
    const before = await counts();
    expect(
      await retractFacts(
        o.store,
        { activityLines: [JAN.id], expectedLineRevisions: new Map([[JAN.id, 1]]) },
        { ...META, reason: 'entered twice' },
      ),
    ).toEqual({
      ok: false,
      problems: [
        {
          code: 'stale',
          fact: { kind: 'activity line', name: JAN.id },
          current: 2,
          message: `activity line "${JAN.id}" is at revision 2, not 1`,
        },
      ],
    });
    expect(await counts()).toEqual(before);
    const r = await retractFacts(
      o.store,
      { activityLines: [JAN.id], expectedLineRevisions: new Map([[JAN.id, 2]]) },
      { ...META, reason: 'entered twice' },
    );
    expect(r).toMatchObject({ ok: true, activityLines: [JAN.id] });
    expect(await revisions(JAN.id)).toEqual([
      [1, '12', false],
      [2, '12.5', false],
      [3, '12.5', true],
    ]);
    // Retracted: an edit naming it is not-found; adding it again is its revision 4.
    expect(await writeActivityLineRevisions(o.store, [{ line: JAN, expectedRev: 3 }], META)).toEqual({
      ok: false,
      reason: 'not-found',
      id: JAN.id,
    });
    expect(
      await writeActivityLineRevisions(o.store, [{ line: JAN, expectedRev: undefined }], META),
    ).toMatchObject({ ok: true, revisions: new Map([[JAN.id, 4]]) });
  });

  it('refuses a line in a locked period (and its retraction) with the restatement message, then unlocks', async () => {
    const lock = {
      periodId: '2025',
      userId: 'u-admin',
      actor: 'Ada Admin <ada@example.com>',
      at: AT,
      reason: 'approved',
    };
    expect(await lockPeriod(o.store, lock)).toMatchObject({ ok: true });
    const before = await counts();
    const message = `period 2025-01 lies in period 2025, which is locked since ${AT} by Ada Admin <ada@example.com>; to change a figure, file a restatement`;
    const out = await writeActivityLineRevisions(
      o.store,
      [{ line: { ...JAN, amount: q('14 t') }, expectedRev: 4 }],
      META,
    );
    expect(out).toEqual({ ok: false, reason: 'locked', lock, message });
    const retract = await retractFacts(
      o.store,
      { activityLines: [JAN.id], expectedLineRevisions: new Map([[JAN.id, 4]]) },
      META,
    );
    expect(retract).toMatchObject({ ok: false, problems: [{ code: 'period-locked', message }] });
    // Moving the line out of the locked period would change its figures too.
    const moved = await writeActivityLineRevisions(
      o.store,
      [{ line: { ...JAN, periodId: '2024-12' }, expectedRev: 4 }],
      META,
    );
    expect(moved).toEqual({ ok: false, reason: 'locked', lock, message });
    // Another year is not locked.
    const next = { ...JAN, id: 'al-2024-12', periodId: '2024-12' };
    expect(await counts()).toEqual(before);
    expect(
      await writeActivityLineRevisions(o.store, [{ line: next, expectedRev: undefined }], META),
    ).toMatchObject({ ok: true, revisions: new Map([['al-2024-12', 1]]) });
    expect(await unlockPeriod(o.store, { ...lock, reason: 'restatement filed' })).toMatchObject({ ok: true });
  });

  it('of writers naming revision 1 at once (on separate pools with PostgreSQL), exactly one is written', async () => {
    const line = { ...JAN, id: 'al-race', periodId: '2025-02' };
    expect(await writeActivityLineRevisions(o.store, [{ line, expectedRev: undefined }], META)).toMatchObject(
      {
        ok: true,
      },
    );
    const pools: Store[] = [];
    if (o.url) for (let i = 0; i < 3; i++) pools.push(await openPostgresStore(o.url));
    try {
      const writers = [o.store, ...(pools.length > 0 ? pools : [o.store, o.store, o.store])];
      const outs = await Promise.all(
        writers.map((s, i) =>
          writeActivityLineRevisions(
            s,
            [{ line: { ...line, amount: q(`${20 + i} t`) }, expectedRev: 1 }],
            META,
          ),
        ),
      );
      expect(outs.filter((x) => x.ok)).toHaveLength(1);
      expect(outs.filter((x) => !x.ok)).toEqual(
        Array(3).fill({ ok: false, reason: 'stale', id: 'al-race', current: 2 }),
      );
      const won = outs.findIndex((x) => x.ok);
      expect(await revisions('al-race')).toEqual([
        [1, '12', false],
        [2, String(20 + won), false],
      ]);
    } finally {
      for (const p of pools) await p.close();
    }
  });
});
