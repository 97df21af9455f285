/**
 * describeUnits (issue #17, the web's cycle page): who submitted and who reviewed the current
 * submission by name, and the newest comment on a unit, on the in-memory workspace and on a
 * PGlite store. A return clears both names and its comment is the newest; the next submit
 * names the submitter again. The names come from one read of the period's transitions, not one
 * read per unit (the load test's list of 400 units; docs/performance.md, "Load").
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callerFor } from '../../test/cycle-callers.js';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { actOnUnit, describeUnits, listUnits } from './workflow.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-04-01T09:00:00.000Z';

const ann = callerFor(bundle, 'u-ann', [{ role: 'preparer', entityId: 'smelter' }]);
const rita = callerFor(bundle, 'u-rita', [{ role: 'reviewer', entityId: 'group' }]);
const ada = callerFor(bundle, 'u-ada', [{ role: 'administrator', entityId: 'group' }]);

const backends: [string, () => Promise<{ ws: Workspace; close: () => Promise<void> }>][] = [
  ['memory', async () => ({ ws: new MemoryWorkspace(bundle, at), close: async () => {} })],
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-describe-'));
      const store = await openPgliteStore(dir);
      await migrate(store, at());
      const o = await StoreWorkspace.open(store, bundle, at);
      if (!o.ok) throw new Error(o.reason);
      return {
        ws: o.workspace,
        close: async () => {
          await o.workspace.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
];

describe.each(backends)('describeUnits on %s', (_name, open) => {
  let ws: Workspace;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ws, close } = await open());
  }, 60_000);
  afterAll(() => close?.());

  const key = { entityId: 'smelter', periodId: '2025', topic: 'employment' };
  const act = (
    caller: typeof ann,
    event: 'submit' | 'review' | 'return',
    version: number,
    comment?: string,
  ) => actOnUnit({ ws, caller, key, event, version, comment });
  const described = async () => {
    const listed = await listUnits(ws, ada, '2025');
    if (!listed.ok) throw new Error(listed.error.message);
    const all = await describeUnits(ws, listed.value);
    return all.find((u) => u.entityId === 'smelter' && u.topic === 'employment');
  };

  it('names nobody and no comment for a draft nobody acted on', async () => {
    expect(await described()).toMatchObject({
      state: 'draft',
      submitter: null,
      reviewer: null,
      lastComment: null,
    });
  });

  it('names the submitter and reviewer (as the caller’s label: name <email>), and keeps the newest comment through a return', async () => {
    expect((await act(ann, 'submit', 0)).ok).toBe(true);
    expect((await act(rita, 'review', 1, 'checked against payroll')).ok).toBe(true);
    expect(await described()).toMatchObject({
      state: 'reviewed',
      submitter: 'u-ann <u-ann@example.com>',
      reviewer: 'u-rita <u-rita@example.com>',
      lastComment: {
        comment: 'checked against payroll',
        actor: 'u-rita <u-rita@example.com>',
        event: 'review',
      },
    });
    const alex = callerFor(bundle, 'u-alex', [{ role: 'approver', entityId: 'group' }]);
    expect(
      (
        await actOnUnit({
          ws,
          caller: alex,
          key,
          event: 'return',
          version: 2,
          comment: 'contractors missing',
        })
      ).ok,
    ).toBe(true);
    expect(await described()).toMatchObject({
      state: 'draft',
      version: 3,
      submitter: null,
      reviewer: null,
      lastComment: { comment: 'contractors missing', actor: 'u-alex <u-alex@example.com>', event: 'return' },
    });
    expect((await act(ann, 'submit', 3)).ok).toBe(true);
    expect(await described()).toMatchObject({
      state: 'submitted',
      submitter: 'u-ann <u-ann@example.com>',
      reviewer: null,
      lastComment: { comment: 'contractors missing' },
    });
  });

  it('reads the transitions once per period, not once per unit, and gives each unit its own trail', async () => {
    const mona = callerFor(bundle, 'u-mona', [{ role: 'preparer', entityId: 'mine' }]);
    const mineKey = { entityId: 'mine', periodId: '2025', topic: 'employment' };
    expect((await actOnUnit({ ws, caller: mona, key: mineKey, event: 'submit', version: 0 })).ok).toBe(true);
    const perUnit = vi.spyOn(ws.cycle, 'transitions');
    const perPeriod = vi.spyOn(ws.cycle, 'periodTransitions');
    const listed = await listUnits(ws, ada, '2025');
    if (!listed.ok) throw new Error(listed.error.message);
    const all = await describeUnits(ws, listed.value);
    expect(perUnit).not.toHaveBeenCalled();
    expect(perPeriod).toHaveBeenCalledTimes(1);
    perUnit.mockRestore();
    perPeriod.mockRestore();
    expect(all.find((u) => u.entityId === 'mine' && u.topic === 'employment')).toMatchObject({
      submitter: 'u-mona <u-mona@example.com>',
      lastComment: null,
    });
    expect(all.find((u) => u.entityId === 'smelter' && u.topic === 'employment')).toMatchObject({
      submitter: 'u-ann <u-ann@example.com>',
      lastComment: { comment: 'contractors missing' },
    });
    // The period's read, cut by unit, is each unit's own read (same records, same order).
    const period = await ws.cycle.periodTransitions('2025');
    for (const k of [key, mineKey])
      expect(
        period.filter((t) => t.entityId === k.entityId && t.topic === k.topic && t.periodId === k.periodId),
      ).toEqual(await ws.cycle.transitions(k));
    expect(period).toHaveLength(5);
  });
});
