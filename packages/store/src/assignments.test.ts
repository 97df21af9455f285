/**
 * Reporting cycles and assignments in the store (issue #17), on PGlite and PostgreSQL: a cycle
 * opens once (again: not created; overlapping: blocked by the rule handed in), a bulk
 * assignment inserts, changes and withdraws with one change row each and one audit entry, the
 * same request twice changes nothing, two bulk requests at once on separate connections give
 * one row per assignment, and the history tables refuse updates and deletes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.js';
import {
  applyAssignments,
  assignmentById,
  assignmentChanges,
  listAssignments,
  openReportingCycle,
  reportingCycles,
  type StoredCycle,
  unitAssignments,
  type WantedAssignment,
} from './assignments.js';
import { auditEntries } from './audit.js';
import { migrate } from './migrate.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

const AT = '2026-01-05T09:00:00.000Z';
type Opened = { stores: Store[]; close: () => Promise<void> };
const backends: [string, () => Promise<Opened>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-assign-'));
      const store = await openPgliteStore(dir);
      await migrate(store, AT);
      return {
        stores: [store],
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
      const db = await createTestDatabase();
      const stores = [await openPostgresStore(db.url)];
      await migrate(stores[0] as Store, AT);
      stores.push(await openPostgresStore(db.url));
      return {
        stores,
        close: async () => {
          for (const s of stores) await s.close();
          await db.drop();
        },
      };
    },
  ],
];

/** Stand-in overlap rule: a year blocks its months and the other way round (the app uses core's). */
const overlapping = (periodId: string) => (cycles: readonly StoredCycle[]) =>
  cycles.find(
    (c) => c.periodId === periodId || c.periodId.startsWith(periodId) || periodId.startsWith(c.periodId),
  );

const want = (
  periodId: string,
  entityId: string,
  indicatorId: string,
  assignee: string | null,
  dueDate: string | null,
): WantedAssignment => ({
  periodId,
  entityId,
  indicatorId,
  topic: indicatorId.split('.')[0] as string,
  assignee,
  assigneeLabel: assignee === null ? null : `${assignee} <${assignee}@example.com>`,
  dueDate,
});
const by = { userId: 'u-ada', actor: 'Ada <ada@example.com>', at: AT, summary: { test: true } };

describe.each(backends)('cycles and assignments on %s', (_name, open) => {
  let o: Opened;
  let store: Store;
  beforeAll(async () => {
    o = await open();
    store = o.stores[0] as Store;
  }, 60_000);
  afterAll(() => o?.close());

  it('opens a cycle once; the same again is not created, an overlapping one is blocked', async () => {
    const req = { periodId: '2026', frequency: 'month', openedBy: 'u-ada', actor: 'Ada', at: AT };
    const audit = await auditEntries(store);
    expect(await openReportingCycle(store, { ...req, blocking: overlapping('2026') })).toEqual({
      ok: true,
      created: true,
      cycle: { periodId: '2026', frequency: 'month', openedBy: 'u-ada', actor: 'Ada', openedAt: AT },
    });
    expect(await openReportingCycle(store, { ...req, blocking: overlapping('2026') })).toMatchObject({
      ok: true,
      created: false,
    });
    expect(
      await openReportingCycle(store, { ...req, frequency: 'quarter', blocking: overlapping('2026') }),
    ).toMatchObject({ ok: false, reason: 'blocked', cycle: { periodId: '2026', frequency: 'month' } });
    expect(
      await openReportingCycle(store, { ...req, periodId: '2026-03', blocking: overlapping('2026-03') }),
    ).toMatchObject({ ok: false, reason: 'blocked' });
    expect(await auditEntries(store)).toBe(audit + 1);
    expect((await reportingCycles(store)).map((c) => c.periodId)).toEqual(['2026']);
    await expect(store.query(`update reporting_cycle set frequency = 'year'`)).rejects.toThrow(/append-only/);
  });

  it('assigns in bulk idempotently, keeps every change, and withdraws', async () => {
    const first = [
      want('2026-01', 'site-a', 'energy.total', 'u-ann', '2026-02-10'),
      want('2026-01', 'site-a', 'ghg.scope1', 'u-ann', '2026-02-10'),
      want('2026-01', 'site-b', 'energy.total', 'u-ann', '2026-02-10'),
      want('2026-02', 'site-a', 'energy.total', 'u-ann', '2026-03-10'),
    ];
    expect(await applyAssignments(store, { ...by, cycleId: '2027', wanted: first })).toEqual({
      ok: false,
      reason: 'no-cycle',
    });
    const audit = await auditEntries(store);
    expect(await applyAssignments(store, { ...by, cycleId: '2026', wanted: first })).toEqual({
      ok: true,
      created: 4,
      changed: 0,
      withdrawn: 0,
      unchanged: 0,
    });
    expect(await auditEntries(store)).toBe(audit + 1);
    // The same request again changes nothing: no row, no change, no audit entry.
    expect(await applyAssignments(store, { ...by, cycleId: '2026', wanted: first })).toEqual({
      ok: true,
      created: 0,
      changed: 0,
      withdrawn: 0,
      unchanged: 4,
    });
    expect(await auditEntries(store)).toBe(audit + 1);
    // Reassign site-a's January energy to Bo, move site-b's due date, withdraw scope 1; one unknown withdrawal.
    const second = [
      want('2026-01', 'site-a', 'energy.total', 'u-bo', '2026-02-10'),
      want('2026-01', 'site-b', 'energy.total', 'u-ann', '2026-02-12'),
      want('2026-01', 'site-a', 'ghg.scope1', null, null),
      want('2026-03', 'site-a', 'ghg.scope1', null, null),
    ];
    expect(
      await applyAssignments(store, { ...by, actor: 'Ada again', cycleId: '2026', wanted: second }),
    ).toEqual({
      ok: true,
      created: 0,
      changed: 2,
      withdrawn: 1,
      unchanged: 1,
    });
    const current = await listAssignments(store, { cycleId: '2026' });
    expect(
      current.map((a) => [a.periodId, a.entityId, a.indicatorId, a.assignee, a.dueDate, a.version]),
    ).toEqual([
      ['2026-01', 'site-a', 'energy.total', 'u-bo', '2026-02-10', 2],
      ['2026-01', 'site-b', 'energy.total', 'u-ann', '2026-02-12', 2],
      ['2026-02', 'site-a', 'energy.total', 'u-ann', '2026-03-10', 1],
    ]);
    expect((await listAssignments(store, { includeWithdrawn: true })).length).toBe(4);
    expect((await listAssignments(store, { assignee: 'u-ann', entityIds: ['site-b'] })).length).toBe(1);
    expect((await listAssignments(store, { periodId: '2026-02' })).length).toBe(1);
    const reassigned = current[0];
    if (!reassigned) throw new Error('no assignment');
    expect(await assignmentById(store, reassigned.id)).toEqual(reassigned);
    expect(await assignmentById(store, 'x1')).toBeUndefined();
    expect(
      (await assignmentChanges(store, reassigned.id)).map((c) => [
        c.version,
        c.assignee,
        c.assigneeLabel,
        c.actor,
      ]),
    ).toEqual([
      [1, 'u-ann', 'u-ann <u-ann@example.com>', 'Ada <ada@example.com>'],
      [2, 'u-bo', 'u-bo <u-bo@example.com>', 'Ada again'],
    ]);
    expect(
      (await unitAssignments(store, { entityId: 'site-a', periodId: '2026-01', topic: 'energy' })).map(
        (a) => a.assignee,
      ),
    ).toEqual(['u-bo']);
    expect(await unitAssignments(store, { entityId: 'site-a', periodId: '2026-01', topic: 'ghg' })).toEqual(
      [],
    );
    await expect(store.query('delete from assignment_change')).rejects.toThrow(/append-only/);
  });

  it('of two bulk requests at once (separate connections on PostgreSQL), each assignment is one row', async () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      want('2026-04', `site-${i % 30}`, `energy.i${Math.floor(i / 30)}`, 'u-cy', '2026-05-10'),
    );
    const outs = await Promise.all(
      [0, 1].map((i) =>
        applyAssignments(o.stores[i % o.stores.length] as Store, { ...by, cycleId: '2026', wanted: many }),
      ),
    );
    expect(outs.map((x) => (x.ok ? [x.created, x.unchanged] : x.reason)).sort()).toEqual([
      [0, 300],
      [300, 0],
    ]);
    expect((await listAssignments(store, { periodId: '2026-04' })).length).toBe(300);
  });
});
