/**
 * The collection cycle's use cases (issue #17, acceptance for the workflow and the period lock),
 * over the in-memory workspace, a PGlite store and PostgreSQL: the cycle as people run it
 * (submit → return with a comment → submit → review → approve → lock), self-approval refused
 * and allowed by an administrator's recorded exception, a stale version refused, a preparer of
 * another entity refused, approving twice at once giving one transition and one record, and a
 * write to a locked period refused through the workspace with nothing stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { q } from '@assay/core';
import { loadBundle } from '@assay/io';
import { auditEntries, migrate, openPgliteStore, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, localOf } from '../../test/cycle-callers.js';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { isLocked, lockPeriod, unlockPeriod } from './period-lock.js';
import { retractDataPoint } from './retract-data-point.js';
import { actOnUnit, listUnits } from './workflow.js';
import { updateDataPoint } from './write-data-point.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-04-01T09:00:00.000Z';

const ann = callerFor(bundle, 'u-ann', [{ role: 'preparer', entityId: 'smelter' }]);
const pat = callerFor(bundle, 'u-pat', [{ role: 'preparer', entityId: 'mine' }]);
const rita = callerFor(bundle, 'u-rita', [{ role: 'reviewer', entityId: 'group' }]);
const alex = callerFor(bundle, 'u-alex', [{ role: 'approver', entityId: 'group' }]);
/** Prepares and approves the smelter: segregation of duties keeps her from approving her own. */
const bo = callerFor(bundle, 'u-bo', [
  { role: 'preparer', entityId: 'smelter' },
  { role: 'approver', entityId: 'smelter' },
]);
const ada = callerFor(bundle, 'u-ada', [{ role: 'administrator', entityId: 'group' }]);

type Backend = { ws: Workspace; second?: Workspace; store?: Store; close: () => Promise<void> };
const backends: [string, () => Promise<Backend>][] = [
  ['memory', async () => ({ ws: new MemoryWorkspace(bundle, at), close: async () => {} })],
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-cycle-'));
      const store = await openPgliteStore(dir);
      await migrate(store, at());
      const o = await StoreWorkspace.open(store, bundle, at);
      if (!o.ok) throw new Error(o.reason);
      return {
        ws: o.workspace,
        store,
        close: async () => {
          await o.workspace.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'PostgreSQL (two servers)',
    async () => {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url);
      await migrate(store, at());
      const o = await StoreWorkspace.open(store, bundle, at);
      if (!o.ok) throw new Error(o.reason);
      const o2 = await StoreWorkspace.open(await openPostgresStore(db.url), bundle, at);
      if (!o2.ok) throw new Error(o2.reason);
      return {
        ws: o.workspace,
        second: o2.workspace,
        store,
        close: async () => {
          await o2.workspace.close();
          await o.workspace.close();
          await db.drop();
        },
      };
    },
  ],
];

describe.each(backends)('collection cycle on %s', (_name, open) => {
  let b: Backend;
  let ws: Workspace;
  beforeAll(async () => {
    b = await open();
    ws = b.ws;
  }, 60_000);
  afterAll(() => b?.close());

  const energy = { entityId: 'smelter', periodId: '2025', topic: 'employment' };
  const act = (
    caller: typeof ann,
    event: Parameters<typeof actOnUnit>[0]['event'],
    version: number,
    extra: { comment?: string; userId?: string; key?: typeof energy } = {},
  ) =>
    actOnUnit({
      ws,
      caller,
      key: extra.key ?? energy,
      event,
      version,
      comment: extra.comment,
      userId: extra.userId,
    });

  it('lists the period’s units: a draft per entity × topic holding data, filtered to what the caller reads', async () => {
    const all = await listUnits(ws, ada, '2025');
    // Activity lines make units too (energy: the smelter's four fuel and electricity lines,
    // the mine's electricity), as the report's status counts them.
    expect(
      all.ok &&
        all.value.map((u) => [u.entityId, u.topic, u.state, u.version, u.dataPoints, u.activityLines]),
    ).toEqual([
      ['group', 'economic', 'draft', 0, 1, 0],
      ['mine', 'employment', 'draft', 0, 2, 0],
      ['mine', 'energy', 'draft', 0, 0, 1],
      ['smelter', 'economic', 'draft', 0, 1, 0],
      ['smelter', 'employment', 'draft', 0, 2, 0],
      ['smelter', 'energy', 'draft', 0, 0, 4],
    ]);
    const mine = await listUnits(ws, ann, '2025');
    expect(mine.ok && mine.value.map((u) => u.entityId)).toEqual(['smelter', 'smelter', 'smelter']);
    expect(await listUnits(ws, ann, 'FY25')).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'period' },
    });
  });

  it('runs submit → return with a comment → submit → review → approve, recording who did what', async () => {
    expect(await act(ann, 'submit', 0)).toMatchObject({
      ok: true,
      value: { unit: { state: 'submitted', version: 1 } },
    });
    expect(await act(rita, 'return', 1)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'comment', rule: 'comment-required' },
    });
    expect(await act(rita, 'return', 1, { comment: 'the headcount misses contractors' })).toMatchObject({
      ok: true,
      value: { unit: { state: 'draft', version: 2 } },
    });
    expect(await act(ann, 'submit', 2)).toMatchObject({ ok: true });
    expect(await act(rita, 'review', 3)).toMatchObject({ ok: true, value: { unit: { state: 'reviewed' } } });
    expect(await act(alex, 'approve', 4)).toMatchObject({
      ok: true,
      value: { unit: { state: 'approved', version: 5 } },
    });
    const h = await ws.cycle.transitions(energy);
    expect(h.map((t) => [t.version, t.event, t.from, t.to, t.userId, t.actor, t.comment])).toEqual([
      [1, 'submit', 'draft', 'submitted', 'u-ann', 'u-ann <u-ann@example.com>', null],
      [
        2,
        'return',
        'submitted',
        'draft',
        'u-rita',
        'u-rita <u-rita@example.com>',
        'the headcount misses contractors',
      ],
      [3, 'submit', 'draft', 'submitted', 'u-ann', 'u-ann <u-ann@example.com>', null],
      [4, 'review', 'submitted', 'reviewed', 'u-rita', 'u-rita <u-rita@example.com>', null],
      [5, 'approve', 'reviewed', 'approved', 'u-alex', 'u-alex <u-alex@example.com>', null],
    ]);
  });

  it('refuses a stale version, a wrong state, and a preparer of another entity', async () => {
    expect(await act(alex, 'approve', 4)).toMatchObject({
      ok: false,
      error: { code: 'stale-version', field: 'version' },
    });
    expect(await act(ann, 'submit', 5)).toMatchObject({
      ok: false,
      error: { code: 'conflict', rule: 'wrong-state' },
    });
    // Pat prepares the mine: the smelter does not exist for her; a reviewer may not submit.
    expect(await act(pat, 'submit', 5)).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'entity' },
    });
    expect(await act(rita, 'submit', 5)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await act(ann, 'submit', 0, { key: { ...energy, topic: 'astrology' } })).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'topic' },
    });
    expect((await ws.cycle.transitions(energy)).length).toBe(5);
  });

  it('refuses self-approval; an administrator’s exception (recorded) allows it', async () => {
    const key = { entityId: 'smelter', periodId: '2025', topic: 'energy' };
    expect(await act(bo, 'submit', 0, { key })).toMatchObject({ ok: true });
    expect(await act(rita, 'review', 1, { key })).toMatchObject({ ok: true });
    const self = await act(bo, 'approve', 2, { key });
    expect(self).toMatchObject({ ok: false, error: { code: 'forbidden', rule: 'self-approval' } });
    expect(!self.ok && self.error.message).toMatch(
      /you submitted this unit, so someone else must approve it/,
    );
    expect(await act(alex, 'exception', 2, { key, userId: 'u-bo', comment: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await act(ada, 'exception', 2, { key, userId: 'u-bo', comment: 'the only approver on site' }),
    ).toMatchObject({
      ok: true,
      value: {
        unit: { state: 'reviewed', exceptions: ['u-bo'], version: 3 },
        transition: { exceptionFor: 'u-bo' },
      },
    });
    expect(await act(bo, 'approve', 3, { key })).toMatchObject({
      ok: true,
      value: { unit: { state: 'approved' } },
    });
  });

  it('approving twice at once gives exactly one transition and one record', async () => {
    const key = { entityId: 'mine', periodId: '2025', topic: 'employment' };
    expect(await act(pat, 'submit', 0, { key })).toMatchObject({ ok: true });
    expect(await act(rita, 'review', 1, { key })).toMatchObject({ ok: true });
    const audit = b.store ? await auditEntries(b.store) : 0;
    const other = b.second ?? ws;
    const alex2 = callerFor(bundle, 'u-alex2', [{ role: 'approver', entityId: 'group' }]);
    const outs = await Promise.all([
      act(alex, 'approve', 2, { key }),
      actOnUnit({ ws: other, caller: alex2, key, event: 'approve', version: 2 }),
    ]);
    expect(outs.filter((o) => o.ok)).toHaveLength(1);
    expect(outs.filter((o) => !o.ok)).toMatchObject([{ error: { code: 'stale-version' } }]);
    expect((await ws.cycle.transitions(key)).filter((t) => t.event === 'approve')).toHaveLength(1);
    if (b.store) expect(await auditEntries(b.store)).toBe(audit + 1);
  });

  it('locks a period: writes and transitions in it are refused with nothing stored, until unlocked', async () => {
    expect(await lockPeriod({ ws, caller: ann, periodId: '2025', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const locked = await lockPeriod({
      ws,
      caller: ada,
      periodId: '2025',
      reason: 'approved by the ESG committee',
    });
    expect(locked).toMatchObject({
      ok: true,
      value: { lock: { periodId: '2025', actor: 'u-ada <u-ada@example.com>' } },
    });
    // The revenue and output units and the mine's energy lines were never approved: the lock
    // says so, and still locks.
    expect(locked.ok && locked.value.notApproved.map((u) => `${u.entityId}|${u.topic}`)).toEqual([
      'group|economic',
      'mine|energy',
      'smelter|economic',
    ]);
    expect(await isLocked(ws, '2025-03')).toBe(true);
    expect(await isLocked(ws, '2024')).toBe(false);
    const before = { version: ws.snapshot().version, history: (await ws.history('hc-s-m')).length };
    const edit = await updateDataPoint({
      ws,
      id: 'hc-s-m',
      patch: { value: '301' },
      version: ws.snapshot().versionOf('hc-s-m') ?? 1,
      reason: 'late correction',
      author: 'u-ann',
      dryRun: false,
    });
    expect(edit).toEqual({
      ok: false,
      error: {
        code: 'period-locked',
        field: 'period',
        message: `period 2025 is locked since ${at()} by u-ada <u-ada@example.com>; to change a figure, file a restatement`,
      },
    });
    const retract = await retractDataPoint({ ws, id: 'hc-s-m', version: 1, reason: 'x', author: 'u-ann' });
    expect(retract).toMatchObject({ ok: false, error: { code: 'period-locked' } });
    expect(await act(ada, 'reopen', 5, { comment: 'acquisition' })).toMatchObject({
      ok: false,
      error: { code: 'period-locked' },
    });
    expect({ version: ws.snapshot().version, history: (await ws.history('hc-s-m')).length }).toEqual(before);
    expect(ws.snapshot().bundle.dataPoints.find((d) => d.id === 'hc-s-m')?.quantity).toEqual(q('300 person'));
    // 2024 is not locked.
    const prior = await updateDataPoint({
      ws,
      id: 'rev-24',
      patch: { value: '951' },
      version: 1,
      reason: 'restated',
      author: 'u-ann',
      dryRun: false,
    });
    expect(prior).toMatchObject({ ok: true });
    expect(await unlockPeriod({ ws, caller: localOf(bundle), periodId: '2025', reason: ' ' })).toMatchObject({
      ok: false,
      error: { field: 'reason' },
    });
    expect(
      await unlockPeriod({ ws, caller: ada, periodId: '2025', reason: 'restatement approved' }),
    ).toMatchObject({ ok: true });
    expect(await unlockPeriod({ ws, caller: ada, periodId: '2025', reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await act(ada, 'reopen', 5, { comment: 'acquisition' })).toMatchObject({
      ok: true,
      value: { unit: { state: 'draft' } },
    });
  });
});
