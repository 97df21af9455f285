/**
 * The workflow's transitions in the store (issue #17), on PGlite and PostgreSQL: decided under
 * the unit's row lock with the version checked, so callers approving the same version at once
 * (on separate connections, as separate servers would) give exactly one transition, one record
 * and one audit entry; a refused or stale transition, or one in a locked period, leaves nothing.
 * The rules themselves are core's (tested there); `decide` here is a stand-in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UnitState, WorkflowEventKind, WorkflowState } from '@assay/core/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { auditEntries } from './audit.js';
import { migrate } from './migrate.js';
import { lockPeriod } from './period-locks.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';
import {
  applyWorkflowTransition,
  type Decision,
  workflowTransitions,
  workflowUnits,
} from './workflow-units.js';

const AT = '2026-04-01T09:00:00.000Z';
type Refusal = { code: string; message: string };

/** Stand-in rule: each event moves from one state to the next, by anyone. */
const NEXT: Partial<Record<WorkflowEventKind, [WorkflowState, WorkflowState]>> = {
  submit: ['draft', 'submitted'],
  review: ['submitted', 'reviewed'],
  approve: ['reviewed', 'approved'],
};
const rule =
  (event: WorkflowEventKind, userId: string) =>
  (u: UnitState): Decision<Refusal> => {
    const step = NEXT[event];
    if (!step || u.state !== step[0]) return { ok: false, code: 'wrong-state', message: `not ${step?.[0]}` };
    const state: UnitState = {
      ...u,
      state: step[1],
      ...(event === 'submit' ? { submittedBy: userId } : event === 'review' ? { reviewedBy: userId } : {}),
    };
    return { ok: true, from: step[0], to: step[1], state };
  };

type Opened = { stores: Store[]; close: () => Promise<void> };
const backends: [string, () => Promise<Opened>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-wf-'));
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
      const db: TestDatabase = await createTestDatabase();
      const stores = [await openPostgresStore(db.url)];
      await migrate(stores[0] as Store, AT);
      for (let i = 0; i < 3; i++) stores.push(await openPostgresStore(db.url));
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

describe.each(backends)('workflow transitions on %s', (_name, open) => {
  let o: Opened;
  let store: Store;
  beforeAll(async () => {
    o = await open();
    store = o.stores[0] as Store;
  }, 60_000);
  afterAll(() => o?.close());

  const act = (
    s: Store,
    key: { entityId: string; periodId: string; topic: string },
    event: WorkflowEventKind,
    version: number,
    userId: string,
  ) =>
    applyWorkflowTransition(s, {
      key,
      expectedVersion: version,
      event,
      comment: null,
      exceptionFor: null,
      userId,
      actor: `${userId} <${userId}@example.com>`,
      at: AT,
      decide: rule(event, userId),
    });

  it('of approvals racing on one version, exactly one is recorded (one transition, one audit entry)', async () => {
    const key = { entityId: 'smelter', periodId: '2025', topic: 'energy' };
    expect(await act(store, key, 'submit', 0, 'ann')).toMatchObject({
      ok: true,
      unit: { state: 'submitted', version: 1 },
    });
    expect(await act(store, key, 'review', 1, 'rita')).toMatchObject({ ok: true, unit: { version: 2 } });
    const audit = await auditEntries(store);
    // Four callers (on four connections on PostgreSQL; PGlite has one) approve version 2 at once.
    const callers = [0, 1, 2, 3].map((i) => o.stores[i % o.stores.length] as Store);
    const outs = await Promise.all(callers.map((s, i) => act(s, key, 'approve', 2, `approver-${i}`)));
    expect(outs.filter((x) => x.ok)).toHaveLength(1);
    expect(outs.filter((x) => !x.ok)).toEqual(Array(3).fill({ ok: false, reason: 'stale', current: 3 }));
    const history = await workflowTransitions(store, key);
    expect(history.map((t) => [t.version, t.event, t.from, t.to])).toEqual([
      [1, 'submit', 'draft', 'submitted'],
      [2, 'review', 'submitted', 'reviewed'],
      [3, 'approve', 'reviewed', 'approved'],
    ]);
    expect(await auditEntries(store)).toBe(audit + 1);
    const [entry] = await store.query<{ action: string; subject: string }>(
      `select action, subject from audit_log order by seq desc limit 1`,
    );
    expect(entry).toEqual({ action: 'workflow-approve', subject: 'smelter|2025|energy' });
    expect(await workflowUnits(store, '2025')).toEqual([
      {
        ...key,
        state: 'approved',
        version: 3,
        submittedBy: 'ann',
        reviewedBy: 'rita',
        exceptions: [],
        updatedAt: AT,
      },
    ]);
  });

  it('of submissions racing on a unit nobody acted on, exactly one is recorded', async () => {
    const key = { entityId: 'mine', periodId: '2025', topic: 'safety' };
    const outs = await Promise.all(
      [0, 1, 2, 3].map((i) => act(o.stores[i % o.stores.length] as Store, key, 'submit', 0, `prep-${i}`)),
    );
    expect(outs.filter((x) => x.ok)).toHaveLength(1);
    expect(await workflowTransitions(store, key)).toHaveLength(1);
  });

  it('leaves nothing for a refusal, a stale version or a locked period', async () => {
    const before = [await auditEntries(store), (await workflowUnits(store)).length];
    const fresh = { entityId: 'mine', periodId: '2024', topic: 'water' };
    expect(await act(store, fresh, 'approve', 0, 'x')).toEqual({
      ok: false,
      reason: 'refused',
      refusal: { ok: false, code: 'wrong-state', message: 'not reviewed' },
    });
    expect(await act(store, fresh, 'submit', 5, 'x')).toEqual({ ok: false, reason: 'stale', current: 0 });
    // The draft row made to lock the unit was rolled back with the refusal.
    expect(
      await store.query('select 1 from workflow_unit where entity_id = $1 and period_id = $2', [
        'mine',
        '2024',
      ]),
    ).toEqual([]);
    expect([await auditEntries(store), (await workflowUnits(store)).length]).toEqual(before);
    const lock = { periodId: '2024', userId: null, actor: 'local user', at: AT, reason: 'approved' };
    expect(await lockPeriod(store, lock)).toMatchObject({ ok: true });
    expect(await act(store, fresh, 'submit', 0, 'x')).toMatchObject({
      ok: false,
      reason: 'locked',
      message: expect.stringMatching(
        /^period 2024 is locked since .* by local user; to change a figure, file a restatement$/,
      ),
    });
    await expect(store.query(`delete from workflow_transition`)).rejects.toThrow(/append-only/);
  });
});
