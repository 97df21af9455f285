/**
 * Model-based test of reporting cycles, bulk assignment, the assignment rule on submit, task
 * lists and progress (issue #17): fast-check commands (open a cycle, assign in bulk, reassign,
 * withdraw, submit / return / review / approve through the existing workflow, check every
 * preparer's task list and the cycle's progress at a random "now") run through the use cases
 * on the in-memory workspace and on a PGlite store, against a plain reference model written
 * here (its own entry periods, due dates with Date, overlap, idempotence, state rules).
 * Each run takes years of its own (Y, Y+1), so runs share the PGlite store, not records.
 * Fixed seed (ASSAY_CYCLES_SEED replays another); ASSAY_CYCLES_RUNS scales the runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCatalogue } from '@assay/core';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore } from '@assay/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../../test/cycle-callers.js';
import { accountTable } from '../access/account-directory.js';
import type { Grant } from '../access/roles.js';
import type { Result } from '../outcome.js';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { assignInBulk } from './assignments.js';
import { openCycle } from './cycles.js';
import { cycleProgress, myTasks } from './tasks.js';
import { actOnUnit } from './workflow.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-01-05T09:00:00.000Z';
const SEED = Number(process.env.ASSAY_CYCLES_SEED ?? 20_260_205);
const SCALE = Number(process.env.ASSAY_CYCLES_RUNS ?? 1);
const RUNS = { memory: Math.ceil(7 * SCALE), pglite: Math.ceil(5 * SCALE) };

// ---- who (examples/minimal: group → smelter, mine) ----

const GRANTS: Record<string, Grant[]> = {
  ann: [{ role: 'preparer', entityId: 'smelter' }],
  bo: [{ role: 'preparer', entityId: 'smelter' }],
  pat: [{ role: 'preparer', entityId: 'mine' }],
  ada: [
    { role: 'administrator', entityId: 'group' },
    { role: 'preparer', entityId: 'group' },
  ],
  sam: [{ role: 'administrator', entityId: 'smelter' }],
  rita: [{ role: 'reviewer', entityId: 'group' }],
  alex: [{ role: 'approver', entityId: 'group' }],
};
const CALLERS = new Map(Object.entries(GRANTS).map(([id, g]) => [id, callerFor(bundle, id, g)]));
const callerOf = (id: string) => CALLERS.get(id) ?? (undefined as never);
const ACCOUNTS = accountTable(
  Object.entries(GRANTS).map(([id, grants]) => ({
    id,
    email: `${id}@example.com`,
    name: id,
    disabled: false,
    grants,
  })),
);
const PREPARERS = ['ann', 'bo', 'pat', 'ada'];
/** Where each user holds the preparer role (the model's view of the grants). */
const PREPARES: Record<string, string[]> = {
  ann: ['smelter'],
  bo: ['smelter'],
  pat: ['mine'],
  ada: ['group', 'smelter', 'mine'],
};
const ENTITIES = ['smelter', 'mine'];
const TOPICS = ['energy', 'water'];
const INDICATORS = new Map(
  TOPICS.map((t) => [t, [...bundleCatalogue(bundle).values()].filter((i) => i.topic === t).map((i) => i.id)]),
);

// ---- periods of a run, relative to its first year Y ----

/** Cycles a run may open: [period, frequency]; Y and Y-Q2 overlap. */
const CYCLES = (y: number): [string, string][] => [
  [`${y}`, 'month'],
  [`${y}`, 'quarter'],
  [`${y}-Q2`, 'month'],
  [`${y + 1}`, 'year'],
];
/** Entry periods a request may name (some are not entry periods of the cycle it names). */
const PERIODS = (y: number) => [`${y}-01`, `${y}-02`, `${y}-Q1`, `${y}-05`, `${y + 1}`];
const DUES = (y: number) => [`${y}-02-10`, `${y}-03-10`, `${y}-06-30`];
const NOWS = (y: number) => [
  `${y}-02-10T23:59:59.000Z`,
  `${y}-02-11T00:00:00.000Z`,
  `${y}-03-15T08:00:00.000Z`,
  `${y + 2}-01-01T00:00:00.000Z`,
];

/** The model's own entry periods (written out, not core's). */
function modelEntryPeriods(period: string, frequency: string): string[] {
  const y = period.slice(0, 4);
  if (frequency === 'year') return [period];
  if (frequency === 'quarter') return ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${y}-${q}`);
  const months = period.endsWith('-Q2') ? [4, 5, 6] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return months.map((m) => `${y}-${String(m).padStart(2, '0')}`);
}

/** Due date: the period's last day plus `days`, with Date (the model's own arithmetic). */
function modelDue(period: string, days: number): string {
  const y = Number(period.slice(0, 4));
  const lastMonth =
    period.length === 4 ? 12 : period.includes('Q') ? Number(period.slice(6)) * 3 : Number(period.slice(5));
  return new Date(Date.UTC(y, lastMonth, 0 + days)).toISOString().slice(0, 10);
}

// ---- the reference model ----

type MUnit = { state: 'draft' | 'submitted' | 'reviewed' | 'approved'; version: number; back: string | null };
type MAssignment = { cycle: string; topic: string; assignee: string | null; due: string | null };

class Model {
  /** period → frequency */
  readonly cycles = new Map<string, string>();
  /** JSON [period, entity, indicator] → assignment */
  readonly assignments = new Map<string, MAssignment>();
  /** JSON [entity, period, topic] → unit */
  readonly units = new Map<string, MUnit>();
  steps = 0;
}

type Real = { ws: Workspace; y: number };
const tally = new Map<string, number>();
const count = (kind: string) => tally.set(kind, (tally.get(kind) ?? 0) + 1);
const answer = (r: Result<unknown>) =>
  r.ok ? 'ok' : `${r.error.code}${r.error.rule ? `/${r.error.rule}` : ''}`;

class OpenCycle implements fc.AsyncCommand<Model, Real> {
  constructor(readonly which: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const [period, frequency] = CYCLES(r.y)[this.which] as [string, string];
    const overlaps = (a: string, b: string) => a === b || a.startsWith(b) || b.startsWith(a);
    let want: string;
    if (m.cycles.get(period) === frequency) want = 'ok';
    else if ([...m.cycles.keys()].some((c) => overlaps(c, period))) want = 'conflict';
    else {
      want = 'ok';
      m.cycles.set(period, frequency);
    }
    const got = await openCycle({ ws: r.ws, caller: callerOf('ada'), periodId: period, frequency });
    expect(answer(got), this.toString()).toBe(want);
    count(`open:${want}`);
    m.steps++;
  }
  toString = () => `open(${this.which})`;
}

type AssignArgs = {
  by: 'ada' | 'sam';
  cycle: number;
  topics: string[];
  single: boolean;
  root: 'group' | 'smelter' | 'mine';
  subsidiaries: boolean;
  periods: number[] | null;
  assignee: string | null;
  due: number;
  daysAfter: number | null;
};

class Assign implements fc.AsyncCommand<Model, Real> {
  constructor(readonly a: AssignArgs) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const a = this.a;
    const cycle = (CYCLES(r.y)[a.cycle] as [string, string])[0];
    const periods = a.periods?.map((i) => PERIODS(r.y)[i] as string);
    const indicators = a.single ? ['water.withdrawal'] : a.topics.flatMap((t) => INDICATORS.get(t) ?? []);
    const request = {
      ...(a.single ? { indicators } : { topics: a.topics }),
      entity: a.root,
      ...(a.subsidiaries ? { kinds: ['subsidiary' as const] } : {}),
      ...(periods ? { periods } : {}),
      assignee: a.assignee,
      ...(a.assignee === null
        ? {}
        : a.daysAfter === null
          ? { due: DUES(r.y)[a.due] }
          : { dueDaysAfterPeriodEnd: a.daysAfter }),
    };
    const want = this.expected(m, cycle, periods, indicators, r.y);
    const got = await assignInBulk({
      ws: r.ws,
      caller: callerOf(a.by),
      accounts: ACCOUNTS,
      cycleId: cycle,
      request,
    });
    expect(answer(got), `${this} ${JSON.stringify(request)}`).toBe(want.code);
    if (got.ok && want.counts) {
      const { created, changed, withdrawn, unchanged } = got.value;
      expect({ created, changed, withdrawn, unchanged }, this.toString()).toEqual(want.counts);
    }
    if (!want.counts) count(`assign:${want.code}`);
    for (const [k, n] of Object.entries(want.counts ?? {})) if (n > 0) count(`assign:ok:${k}`);
    m.steps++;
  }

  /** What the use case must answer, and the model's records after it. */
  expected(m: Model, cycle: string, periods: string[] | undefined, indicators: string[], y: number) {
    const a = this.a;
    if (a.by === 'sam' && a.root !== 'smelter') return { code: 'not-found' };
    const frequency = m.cycles.get(cycle);
    if (frequency === undefined) return { code: 'not-found' };
    const entry = modelEntryPeriods(cycle, frequency);
    const chosen = periods ? [...new Set(periods)] : entry;
    if (chosen.some((p) => !entry.includes(p))) return { code: 'invalid-request' };
    const entities =
      a.root === 'group' ? (a.subsidiaries ? ['mine', 'smelter'] : ['group', 'mine', 'smelter']) : [a.root];
    if (a.assignee !== null && !entities.every((e) => (PREPARES[a.assignee as string] ?? []).includes(e)))
      return { code: 'invalid-request' };
    const counts = { created: 0, changed: 0, withdrawn: 0, unchanged: 0 };
    for (const period of chosen)
      for (const entity of entities)
        for (const indicator of new Set(indicators)) {
          const key = JSON.stringify([period, entity, indicator]);
          const now = m.assignments.get(key);
          const due =
            a.assignee === null
              ? null
              : a.daysAfter === null
                ? (DUES(y)[a.due] as string)
                : modelDue(period, a.daysAfter);
          if ((now?.assignee ?? null) === a.assignee && (now?.due ?? null) === due) counts.unchanged++;
          else {
            if (!now) counts.created++;
            else if (a.assignee === null) counts.withdrawn++;
            else counts.changed++;
            const topic = INDICATORS.get('water')?.includes(indicator) ? 'water' : 'energy';
            m.assignments.set(key, { cycle, topic, assignee: a.assignee, due });
          }
        }
    return { code: 'ok', counts };
  }
  toString = () => `assign(${JSON.stringify(this.a)})`;
}

type ActArgs = {
  event: 'submit' | 'return' | 'review' | 'approve';
  user: string;
  entity: number;
  period: number;
  topic: number;
  stale: boolean;
};

class Act implements fc.AsyncCommand<Model, Real> {
  constructor(readonly a: ActArgs) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const a = this.a;
    const key = {
      entityId: ENTITIES[a.entity] as string,
      periodId: PERIODS(r.y)[a.period] as string,
      topic: TOPICS[a.topic] as string,
    };
    const mkey = JSON.stringify([key.entityId, key.periodId, key.topic]);
    const unit = m.units.get(mkey) ?? { state: 'draft', version: 0, back: null };
    const version = unit.version + (a.stale ? 1 : 0);
    const comment = a.event === 'return' ? `please correct ${key.topic} (${m.steps})` : undefined;
    const want = this.expected(m, unit, key, version);
    const got = await actOnUnit({
      ws: r.ws,
      caller: callerOf(a.user),
      key,
      event: a.event,
      version,
      comment,
    });
    expect(answer(got), `${this} ${JSON.stringify(key)}`).toBe(want);
    if (want === 'ok') {
      const to = { submit: 'submitted', return: 'draft', review: 'reviewed', approve: 'approved' } as const;
      m.units.set(mkey, { state: to[a.event], version: unit.version + 1, back: comment ?? null });
    }
    count(`${a.event}:${want}`);
    m.steps++;
  }

  expected(
    m: Model,
    unit: MUnit,
    key: { entityId: string; periodId: string; topic: string },
    version: number,
  ): string {
    const a = this.a;
    const on = GRANTS[a.user]?.some((g) => g.entityId === 'group' || g.entityId === key.entityId);
    if (!on) return 'not-found';
    if (version !== unit.version) return 'stale-version';
    const from = {
      submit: ['draft'],
      review: ['submitted'],
      approve: ['reviewed'],
      return: ['submitted', 'reviewed'],
    }[a.event];
    if (!from.includes(unit.state)) return 'conflict/wrong-state';
    if (a.event === 'return' && (unit.state === 'reviewed') !== (a.user === 'alex'))
      return 'forbidden/not-permitted';
    if (a.event === 'submit') {
      const assignees = [...m.assignments.entries()]
        .filter(([k, v]) => {
          const [p, e] = JSON.parse(k) as [string, string];
          return p === key.periodId && e === key.entityId && v.topic === key.topic && v.assignee !== null;
        })
        .map(([, v]) => v.assignee);
      if (assignees.length > 0 && !assignees.includes(a.user) && a.user !== 'ada')
        return 'forbidden/not-assigned';
    }
    return 'ok';
  }
  toString = () => `act(${JSON.stringify(this.a)})`;
}

/**
 * The next step a unit's people would take (from the model's state): a draft is submitted (by
 * one of its assignees, mostly), a submitted unit reviewed or returned by the reviewer, a
 * reviewed one approved or returned by the approver; an approved one is approved again (a
 * wrong-state refusal). The answer is still the model's to predict.
 */
class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly a: { entity: number; period: number; topic: number; n: number; stale: boolean }) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const a = this.a;
    const [entity, period, topic] = [
      ENTITIES[a.entity] as string,
      PERIODS(r.y)[a.period] as string,
      TOPICS[a.topic] as string,
    ];
    const unit = m.units.get(JSON.stringify([entity, period, topic]));
    const state = unit?.state ?? 'draft';
    const back = a.n % 3 === 0;
    let event: ActArgs['event'];
    let user: string;
    if (state === 'draft') {
      event = 'submit';
      const assignees = [...m.assignments.entries()]
        .filter(
          ([k, v]) =>
            k.startsWith(JSON.stringify([period, entity]).slice(0, -1)) &&
            v.topic === topic &&
            v.assignee !== null,
        )
        .map(([, v]) => v.assignee as string);
      // Mostly an assignee (or, unassigned, a preparer of the entity); every fourth time a
      // preparer of the entity who is not assigned (refused when the unit has assignees).
      const local = entity === 'smelter' ? ['ann', 'bo', 'ada'] : ['pat', 'ada'];
      const others = local.filter((p) => !assignees.includes(p) && p !== 'ada');
      const pool = a.n % 4 === 0 && others.length > 0 ? others : assignees.length > 0 ? assignees : local;
      user = pool[a.n % pool.length] as string;
    } else if (state === 'submitted') [event, user] = back ? ['return', 'rita'] : ['review', 'rita'];
    else [event, user] = back && state === 'reviewed' ? ['return', 'alex'] : ['approve', 'alex'];
    await new Act({ event, user, entity: a.entity, period: a.period, topic: a.topic, stale: a.stale }).run(
      m,
      r,
    );
  }
  toString = () => `advance(${JSON.stringify(this.a)})`;
}

type TaskRow = [string, string, string, string, boolean, number, string | null, string];

class Check implements fc.AsyncCommand<Model, Real> {
  constructor(readonly now: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    await checkViews(m, r, NOWS(r.y)[this.now] as string);
    count('check');
    m.steps++;
  }
  toString = () => `check(${this.now})`;
}

/** Every preparer's task list and each cycle's progress, against the model. */
async function checkViews(m: Model, r: Real, now: string): Promise<void> {
  const today = now.slice(0, 10);
  const current = [...m.assignments.entries()].flatMap(([k, v]) => {
    const [period, entity, indicator] = JSON.parse(k) as [string, string, string];
    return v.assignee === null || v.due === null
      ? []
      : [{ ...v, assignee: v.assignee, due: v.due, period, entity, indicator }];
  });
  const statusOf = (u: MUnit) => (u.state !== 'draft' ? 'done' : u.back !== null ? 'returned' : 'due');
  const unitOf = (entity: string, period: string, topic: string): MUnit =>
    m.units.get(JSON.stringify([entity, period, topic])) ?? { state: 'draft', version: 0, back: null };
  for (const cycle of m.cycles.keys()) {
    const ofCycle = current.filter((a) => a.cycle === cycle);
    for (const user of PREPARERS) {
      const units = new Map<
        string,
        { entity: string; period: string; topic: string; due: string; n: number }
      >();
      for (const a of ofCycle.filter((x) => x.assignee === user)) {
        const k = JSON.stringify([a.entity, a.period, a.topic]);
        const u = units.get(k);
        if (!u) units.set(k, { entity: a.entity, period: a.period, topic: a.topic, due: a.due, n: 1 });
        else {
          u.n++;
          if (a.due < u.due) u.due = a.due;
        }
      }
      const want: TaskRow[] = [...units.values()].map((x) => {
        const u = unitOf(x.entity, x.period, x.topic);
        const status = statusOf(u);
        return [
          x.entity,
          x.period,
          x.topic,
          status,
          status !== 'done' && today > x.due,
          u.version,
          u.state === 'draft' ? u.back : null,
          `${x.due}/${x.n}`,
        ];
      });
      const got = await myTasks({ ws: r.ws, caller: callerOf(user), now, cycleId: cycle });
      if (!got.ok) throw new Error(got.error.message);
      const rows: TaskRow[] = got.value.tasks.map((t) => [
        t.entityId,
        t.periodId,
        t.topic,
        t.status,
        t.overdue,
        t.version,
        t.sentBack?.comment ?? null,
        `${t.dueDate}/${t.indicators.length}`,
      ]);
      const sort = (x: TaskRow[]) => x.map((row) => JSON.stringify(row)).sort();
      expect(sort(rows), `tasks of ${user} in ${cycle} at ${now}`).toEqual(sort(want));
      if (got.value.tasks[0]?.sentBack) expect(got.value.tasks[0].sentBack.actor).toMatch(/^(rita|alex) </);
    }
    // Progress per entity, over units with any current assignment of the cycle.
    const perEntity = new Map<string, Record<string, number>>();
    const seen = new Map<string, string>();
    for (const a of ofCycle) {
      const k = JSON.stringify([a.entity, a.period, a.topic]);
      const due = seen.get(k);
      if (due === undefined || a.due < due) seen.set(k, a.due);
      const p = perEntity.get(a.entity) ?? {
        assigned: 0,
        due: 0,
        returned: 0,
        submitted: 0,
        approved: 0,
        overdue: 0,
        indicators: 0,
      };
      p.indicators = (p.indicators ?? 0) + 1;
      perEntity.set(a.entity, p);
    }
    for (const [k, due] of seen) {
      const [entity, period, topic] = JSON.parse(k) as [string, string, string];
      const p = perEntity.get(entity) as Record<string, number>;
      const u = unitOf(entity, period, topic);
      const status = statusOf(u);
      const add = (f: string) => {
        p[f] = (p[f] ?? 0) + 1;
      };
      add('assigned');
      add(status === 'done' ? 'submitted' : status);
      if (u.state === 'approved') add('approved');
      if (status !== 'done' && today > due) add('overdue');
    }
    const progress = await cycleProgress({ ws: r.ws, caller: callerOf('ada'), cycleId: cycle, now });
    if (!progress.ok) throw new Error(progress.error.message);
    const wantRows = [...perEntity]
      .map(([entityId, p]) => ({ entityId, ...p }))
      .sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
    expect(progress.value.entities, `progress of ${cycle} at ${now}`).toEqual(wantRows);
  }
}

// ---- the commands' arbitraries ----

const advance = fc
  .record({
    entity: fc.nat(1),
    period: fc.constantFrom(0, 0, 0, 1, 1, 2, 4),
    topic: fc.nat(1),
    n: fc.nat(11),
    stale: fc.constantFrom(false, false, false, false, false, false, false, true),
  })
  .map((a) => new Advance(a));

const commands = fc.commands(
  [
    fc.nat(3).map((i) => new OpenCycle(i)),
    fc
      .record({
        by: fc.constantFrom('ada' as const, 'ada' as const, 'ada' as const, 'sam' as const),
        cycle: fc.constantFrom(0, 0, 0, 1, 2, 3),
        topics: fc.subarray(TOPICS, { minLength: 1 }),
        single: fc.boolean(),
        root: fc.constantFrom('smelter' as const, 'mine' as const, 'group' as const),
        subsidiaries: fc.constantFrom(true, true, false),
        periods: fc.option(fc.array(fc.nat(4), { minLength: 1, maxLength: 2 }), { freq: 4 }),
        assignee: fc.constantFrom<string | null>('ann', 'bo', 'pat', 'ada', 'rita', null),
        fit: fc.nat(5),
        due: fc.nat(2),
        daysAfter: fc.option(fc.constantFrom(0, 10), { freq: 2 }),
      })
      .map(({ fit, ...a }) => {
        // Mostly a preparer of the subtree; sometimes a withdrawal, or whoever was drawn (often a refusal).
        const fitting =
          a.root === 'smelter' ? ['ann', 'bo', 'ada'] : a.root === 'mine' ? ['pat', 'ada'] : ['ada'];
        const assignee = fit > 1 ? (fitting[fit % fitting.length] as string) : fit === 0 ? null : a.assignee;
        return new Assign({
          ...a,
          assignee,
          subsidiaries: a.root === 'group' && fit > 1 ? true : a.subsidiaries,
        });
      }),
    fc
      .record({
        event: fc.constantFrom(
          'submit' as const,
          'submit' as const,
          'return' as const,
          'review' as const,
          'approve' as const,
        ),
        n: fc.nat(3),
        entity: fc.nat(1),
        period: fc.constantFrom(0, 0, 1, 2, 4),
        topic: fc.nat(1),
        stale: fc.constantFrom(false, false, false, false, false, true),
      })
      .map(({ n, ...a }) => {
        const user =
          a.event === 'submit'
            ? (PREPARERS[n] as string)
            : a.event === 'review'
              ? 'rita'
              : a.event === 'approve'
                ? 'alex'
                : n % 2
                  ? 'rita'
                  : 'alex';
        return new Act({ ...a, user });
      }),
    fc.nat(3).map((i) => new Check(i)),
    ...Array.from({ length: 4 }, () => advance),
  ],
  { maxCommands: 50, size: 'max' },
);

let year = 2100;
const runOn = (ws: () => Promise<Workspace>) =>
  fc.asyncProperty(commands, async (cmds) => {
    year += 2;
    const y = year;
    const real = { ws: await ws(), y };
    const model = new Model();
    // Every run starts with the year's monthly cycle open (the commands may open others or fail to).
    await new OpenCycle(0).run(model, real);
    await fc.asyncModelRun(() => ({ model, real }), cmds);
    // After every run: the views agree at each "now".
    for (const now of NOWS(y)) await checkViews(model, real, now);
    steps += model.steps;
  });
let steps = 0;

/** Answers that must each occur over a test (else the generators drifted). */
const EVERY = [
  'open:ok',
  'open:conflict',
  'assign:ok:created',
  'assign:ok:changed',
  'assign:ok:withdrawn',
  'assign:ok:unchanged',
  'assign:not-found',
  'assign:invalid-request',
  'submit:ok',
  'submit:forbidden/not-assigned',
  'submit:not-found',
  'submit:stale-version',
  'return:ok',
  'review:ok',
  'approve:ok',
  'check',
];

describe('model-based test: cycles, assignments, task lists and progress', () => {
  it('in memory', async () => {
    steps = 0;
    tally.clear();
    await fc.assert(
      runOn(async () => new MemoryWorkspace(bundle, at)),
      { numRuns: RUNS.memory, seed: SEED },
    );
    console.info(`cycles model (memory): ${steps} steps in ${RUNS.memory} runs`);
    expect(steps).toBeGreaterThanOrEqual(100 * SCALE);
  }, 120_000);

  describe('on a PGlite store', () => {
    let dir: string;
    let ws: StoreWorkspace;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'assay-cycles-model-'));
      const store = await openPgliteStore(dir);
      await migrate(store, at());
      const o = await StoreWorkspace.open(store, bundle, at);
      if (!o.ok) throw new Error(o.reason);
      ws = o.workspace;
    }, 60_000);
    afterAll(async () => {
      await ws?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('the same commands over the store', async () => {
      const before = steps;
      await fc.assert(
        runOn(async () => ws),
        { numRuns: RUNS.pglite, seed: SEED + 1 },
      );
      console.info(
        `cycles model (PGlite): ${steps - before} steps in ${RUNS.pglite} runs; ${[...tally].map(([k, n]) => `${k}×${n}`).join(' ')}`,
      );
      expect(EVERY.filter((k) => !tally.has(k))).toEqual([]);
    }, 240_000);
  });
});
