/**
 * Reporting cycles, bulk assignments, the assignment rule on submit, task lists, progress and
 * the overdue list for reminders (issue #17), through the use cases on the in-memory workspace,
 * a PGlite store and PostgreSQL. examples/minimal: group → smelter, mine (both subsidiaries).
 */
import { join } from 'node:path';
import { bundleCatalogue } from '@assay/core';
import { loadBundle } from '@assay/io';
import { auditEntries } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, cycleBackends } from '../../test/cycle-backends.js';
import { callerFor, localOf } from '../../test/cycle-callers.js';
import { type AccountInfo, accountTable } from '../access/account-directory.js';
import type { Grant } from '../access/roles.js';
import type { Workspace } from '../workspace/workspace.js';
import { assignInBulk, assignmentHistory, listAssignments } from './assignments.js';
import { listCycles, openCycle } from './cycles.js';
import { cycleProgress, myTasks, overdueAssignments } from './tasks.js';
import { actOnUnit } from './workflow.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-01-05T09:00:00.000Z';

const GRANTS: Record<string, Grant[]> = {
  'u-ann': [{ role: 'preparer', entityId: 'smelter' }],
  'u-cy': [{ role: 'preparer', entityId: 'smelter' }],
  'u-pat': [{ role: 'preparer', entityId: 'mine' }],
  'u-rita': [{ role: 'reviewer', entityId: 'group' }],
  'u-alex': [{ role: 'approver', entityId: 'group' }],
  'u-ada': [
    { role: 'administrator', entityId: 'group' },
    { role: 'preparer', entityId: 'group' },
  ],
  'u-sam': [{ role: 'administrator', entityId: 'smelter' }],
  'u-vic': [{ role: 'viewer', entityId: 'group' }],
};
const caller = (id: string) => callerFor(bundle, id, GRANTS[id] ?? []);
const ann = caller('u-ann');
const cy = caller('u-cy');
const pat = caller('u-pat');
const rita = caller('u-rita');
const ada = caller('u-ada');
const sam = caller('u-sam');
const vic = caller('u-vic');
const account = (id: string, disabled = false): AccountInfo => ({
  id,
  email: `${id.slice(2)}@example.com`,
  name: id.slice(2),
  disabled,
  grants: GRANTS[id] ?? [],
});
const accounts = accountTable([...Object.keys(GRANTS).map((id) => account(id)), account('u-gone', true)]);
const topicSize = (topic: string) =>
  [...bundleCatalogue(bundle).values()].filter((i) => i.topic === topic).length;
const ENERGY_AND_EMISSIONS = topicSize('energy') + topicSize('emissions');

describe.each(cycleBackends(bundle, at))('cycles and assignments on %s', (name, open) => {
  let b: Backend;
  let ws: Workspace;
  beforeAll(async () => {
    b = await open();
    ws = b.ws;
  }, 60_000);
  afterAll(() => b?.close());

  const assign = (
    who: typeof ann,
    request: Parameters<typeof assignInBulk>[0]['request'],
    cycleId = '2026',
  ) => assignInBulk({ ws, caller: who, accounts, cycleId, request });

  it('opens a cycle: administrators of the group only, a year or quarter, no overlap, idempotent', async () => {
    expect(await openCycle({ ws, caller: sam, periodId: '2026', frequency: 'month' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await openCycle({ ws, caller: ada, periodId: '2026-01', frequency: 'month' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'period' },
    });
    expect(await openCycle({ ws, caller: ada, periodId: '2026-Q1', frequency: 'year' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'frequency' },
    });
    expect(await openCycle({ ws, caller: ada, periodId: '2026', frequency: 'weekly' })).toMatchObject({
      ok: false,
      error: { field: 'frequency' },
    });
    const opened = await openCycle({ ws, caller: ada, periodId: '2026', frequency: 'month' });
    expect(opened).toMatchObject({
      ok: true,
      value: {
        created: true,
        cycle: {
          periodId: '2026',
          frequency: 'month',
          openedBy: 'u-ada',
          actor: 'u-ada <u-ada@example.com>',
        },
      },
    });
    if (!opened.ok) throw new Error('not opened');
    expect(opened.value.cycle.entryPeriods).toHaveLength(12);
    expect(await openCycle({ ws, caller: ada, periodId: '2026', frequency: 'month' })).toMatchObject({
      ok: true,
      value: { created: false },
    });
    expect(await openCycle({ ws, caller: ada, periodId: '2026-Q3', frequency: 'month' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/would overlap cycle 2026/) },
    });
    expect(await openCycle({ ws, caller: ada, periodId: '2026', frequency: 'quarter' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already open with month entry/) },
    });
    expect((await listCycles(ws, ann)).ok && (await listCycles(ws, ann))).toMatchObject({
      value: [{ periodId: '2026' }],
    });
    expect(await listCycles(ws, vic)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('assigns topics × an entity subtree × entry periods in bulk, all or nothing, idempotently', async () => {
    const audit = b.store ? await auditEntries(b.store) : 0;
    const energy = {
      topics: ['energy', 'emissions'],
      entity: 'smelter',
      periods: ['2026-01'],
      assignee: 'u-ann',
      due: '2026-02-10',
    };
    // Refusals: each names its field and nothing is stored.
    const refusals: [typeof ann, object, string, string][] = [
      [ann, {}, 'forbidden', ''],
      [sam, { entity: 'mine' }, 'not-found', 'entity'],
      [ada, { topics: ['astrology'] }, 'not-found', 'topics.0'],
      [ada, { topics: [], indicators: [] }, 'invalid-request', 'topics'],
      [ada, { indicators: ['energy.total', 'no.such'] }, 'not-found', 'indicators.1'],
      [ada, { periods: ['2025-12'] }, 'invalid-request', 'periods.0'],
      [ada, { due: '2026-02-30' }, 'invalid-request', 'due'],
      [ada, { due: undefined }, 'invalid-request', 'due'],
      [ada, { dueDaysAfterPeriodEnd: 10 }, 'invalid-request', 'due'],
      [ada, { assignee: 'u-nobody' }, 'invalid-request', 'assignee'],
      [ada, { assignee: 'u-gone' }, 'invalid-request', 'assignee'],
      [ada, { assignee: 'u-rita' }, 'invalid-request', 'assignee'],
      [ada, { entity: 'group' }, 'invalid-request', 'assignee'],
      [ada, { kinds: ['site'] }, 'invalid-request', 'kinds'],
    ];
    for (const [who, change, code, field] of refusals) {
      const out = await assign(who, { ...energy, ...change });
      expect(out.ok ? 'ok' : [out.error.code, out.error.field ?? ''], JSON.stringify(change)).toEqual([
        code,
        field,
      ]);
    }
    expect(await assign(ada, energy, '2027')).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'period' },
    });
    expect((await ws.assignments.list()).length).toBe(0);
    if (b.store) expect(await auditEntries(b.store)).toBe(audit);
    const refusal = await assign(ada, { ...energy, entity: 'group' });
    expect(!refusal.ok && refusal.error.message).toBe(
      'assignee: ann <ann@example.com> has no preparer role on entity "group": grant it first, or assign fewer entities',
    );
    // The request itself.
    const first = await assign(ada, energy);
    expect(first).toMatchObject({
      ok: true,
      value: {
        created: ENERGY_AND_EMISSIONS,
        changed: 0,
        unchanged: 0,
        selected: ENERGY_AND_EMISSIONS,
        entities: ['smelter'],
      },
    });
    expect(await assign(ada, energy)).toMatchObject({
      ok: true,
      value: { created: 0, unchanged: ENERGY_AND_EMISSIONS },
    });
    if (b.store) expect(await auditEntries(b.store)).toBe(audit + 1);
    // Subsidiaries of the group, water, every month, due 10 days after each month ends; Ada prepares the group.
    const water = await assign(ada, {
      topics: ['water'],
      entity: 'group',
      kinds: ['subsidiary'],
      assignee: 'u-ada',
      dueDaysAfterPeriodEnd: 10,
    });
    expect(water).toMatchObject({
      ok: true,
      value: { created: topicSize('water') * 2 * 12, entities: ['mine', 'smelter'] },
    });
    const feb = await listAssignments(ws, ada, '2026', { entity: 'mine', period: '2026-02' });
    expect(feb.ok && [...new Set(feb.value.assignments.map((a) => a.dueDate))]).toEqual(['2026-03-10']);
    // A subsidiary's administrator assigns inside it only.
    expect(
      await assign(sam, {
        indicators: ['water.withdrawal'],
        entity: 'smelter',
        periods: ['2026-03'],
        assignee: 'u-cy',
        due: '2026-04-10',
      }),
    ).toMatchObject({
      ok: true,
      value: { changed: 1 },
    });
  });

  it('lists assignments in the caller’s entities and keeps each one’s history', async () => {
    const mine = await listAssignments(ws, pat, '2026');
    expect(mine.ok && new Set(mine.value.assignments.map((a) => a.entityId))).toEqual(new Set(['mine']));
    expect(await listAssignments(ws, pat, '2026', { entity: 'smelter' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const cys = await listAssignments(ws, ada, '2026', { assignee: 'u-cy' });
    const one = cys.ok ? cys.value.assignments[0] : undefined;
    if (!one) throw new Error('no assignment of cy');
    const history = await assignmentHistory(ws, ann, '2026', one.id);
    expect(
      history.ok && history.value.changes.map((c) => [c.version, c.assignee, c.dueDate, c.actor]),
    ).toEqual([
      [1, 'u-ada', '2026-04-10', 'u-ada <u-ada@example.com>'],
      [2, 'u-cy', '2026-04-10', 'u-sam <u-sam@example.com>'],
    ]);
    expect(await assignmentHistory(ws, pat, '2026', one.id)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await assignmentHistory(ws, ann, '2027', one.id)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('lets only an assigned preparer (or an administrator) submit an assigned unit', async () => {
    const unit = { entityId: 'smelter', periodId: '2026-01', topic: 'energy' };
    const submit = (who: typeof ann, key = unit, version = 0) =>
      actOnUnit({ ws, caller: who, key, event: 'submit', version });
    const refused = await submit(cy);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        rule: 'not-assigned',
        message:
          'this unit is assigned to ann <ann@example.com>, not to you: only an assigned preparer (or an administrator) may submit it; ask an administrator to assign it to you',
      },
    });
    expect((await ws.cycle.transitions(unit)).length).toBe(0);
    // Without the preparer role the rule of roles answers first; of another entity, not found.
    expect(await submit(rita)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await submit(pat)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A unit nobody assigned: the grants decide, as before.
    expect(await submit(cy, { ...unit, topic: 'safety' })).toMatchObject({ ok: true });
    // The administrator holding the preparer role may submit an assigned unit.
    expect(await submit(ada, { ...unit, topic: 'emissions' })).toMatchObject({ ok: true });
    expect(await submit(ann)).toMatchObject({ ok: true, value: { unit: { state: 'submitted' } } });
    // The local user (CLI, open server) is an administrator without the preparer role: it submits nothing.
    expect(await submit(localOf(bundle), { ...unit, periodId: '2026-02', topic: 'water' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await submit(ada, { ...unit, periodId: '2026-02', topic: 'water' })).toMatchObject({ ok: true });
  });

  it('gives each preparer a task list and the lead progress per entity, derived from the units', async () => {
    const unit = { entityId: 'smelter', periodId: '2026-01', topic: 'energy' };
    const returned = await actOnUnit({
      ws,
      caller: rita,
      key: unit,
      event: 'return',
      version: 1,
      comment: 'diesel invoice missing',
    });
    expect(returned.ok).toBe(true);
    const now = '2026-02-11T01:00:00.000Z';
    const tasks = await myTasks({ ws, caller: ann, now });
    if (!tasks.ok) throw new Error(tasks.error.message);
    expect(
      tasks.value.tasks.map((t) => [
        t.entityId,
        t.periodId,
        t.topic,
        t.status,
        t.overdue,
        t.version,
        t.indicators.length,
      ]),
    ).toEqual([
      ['smelter', '2026-01', 'emissions', 'done', false, 1, topicSize('emissions')],
      ['smelter', '2026-01', 'energy', 'returned', true, 2, topicSize('energy')],
    ]);
    expect(tasks.value.tasks[1]?.sentBack).toMatchObject({
      event: 'return',
      comment: 'diesel invoice missing',
      actor: 'u-rita <u-rita@example.com>',
    });
    expect(tasks.value.counts).toEqual({ due: 0, returned: 1, done: 1, overdue: 1 });
    expect(
      (await myTasks({ ws, caller: ann, now: '2026-02-09T00:00:00.000Z' })).ok &&
        (await myTasks({ ws, caller: ann, now: '2026-02-09T00:00:00.000Z' })),
    ).toMatchObject({
      value: { counts: { overdue: 0 } },
    });
    expect(await myTasks({ ws, caller: vic, now })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await myTasks({ ws, caller: ann, now: 'tomorrow' })).toMatchObject({
      ok: false,
      error: { field: 'now' },
    });
    // The resubmission moves it to done.
    expect(await actOnUnit({ ws, caller: ann, key: unit, event: 'submit', version: 2 })).toMatchObject({
      ok: true,
    });
    const after = await myTasks({ ws, caller: ann, now, cycleId: '2026' });
    expect(after.ok && after.value.counts).toEqual({ due: 0, returned: 0, done: 2, overdue: 0 });
    // Progress: Ada (the group) sees both subsidiaries; Pat only the mine.
    const progress = await cycleProgress({ ws, caller: ada, cycleId: '2026', now });
    if (!progress.ok) throw new Error(progress.error.message);
    // smelter: energy Jan (submitted), emissions Jan (submitted), water × 12 (Feb submitted by
    // Ada; Jan due 02-10: overdue; the rest not yet due); mine: water × 12, Jan overdue.
    expect(progress.value.entities).toEqual([
      {
        entityId: 'mine',
        assigned: 12,
        due: 12,
        returned: 0,
        submitted: 0,
        approved: 0,
        overdue: 1,
        indicators: topicSize('water') * 12,
      },
      {
        entityId: 'smelter',
        assigned: 14,
        due: 11,
        returned: 0,
        submitted: 3,
        approved: 0,
        overdue: 1,
        indicators: ENERGY_AND_EMISSIONS + topicSize('water') * 12,
      },
    ]);
    expect(progress.value.total).toMatchObject({ assigned: 26, submitted: 3, overdue: 2 });
    const patView = await cycleProgress({ ws, caller: pat, cycleId: '2026', now });
    expect(patView.ok && patView.value.entities.map((e) => e.entityId)).toEqual(['mine']);
    expect(await cycleProgress({ ws, caller: ada, cycleId: '2030', now })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('lists overdue units with the assignee’s account for reminders', async () => {
    const overdue = await overdueAssignments({ ws, accounts, now: '2026-02-11T01:00:00.000Z' });
    expect(
      overdue.map((o) => [
        o.assignee.email,
        o.task.entityId,
        o.task.periodId,
        o.task.topic,
        o.daysOverdue,
        o.cycleId,
      ]),
    ).toEqual([
      ['ada@example.com', 'mine', '2026-01', 'water', 1, '2026'],
      ['ada@example.com', 'smelter', '2026-01', 'water', 1, '2026'],
    ]);
    expect((await overdueAssignments({ ws, accounts, now: '2026-03-11T00:00:00.000Z' })).length).toBe(3);
    // Jan for both, Feb for the mine (the smelter's February was submitted). Nobody to write to: no account.
    expect(
      await overdueAssignments({ ws, accounts: accountTable([]), now: '2026-03-11T00:00:00.000Z' }),
    ).toEqual([]);
    expect(name).toBeTruthy();
  });
});
