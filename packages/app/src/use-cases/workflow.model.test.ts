/**
 * Model-based test of the approval workflow and the period lock (issue #17): random sequences of
 * events (submit, return, review, approve, reopen, exception) by random users (preparers,
 * reviewers, approvers, administrators, users holding two roles, users of another entity) on
 * random units, with current and stale versions, with and without a comment, mixed with
 * locking and unlocking overlapping periods, through the use cases (actOnUnit, lockPeriod,
 * unlockPeriod) on the in-memory workspace and on a PGlite store. After every step the answer
 * (accepted, or the refusal's code and rule) and the unit must match a plain reference model of
 * the rules written here; after every run, the stored units, transitions and locks must too.
 * Fixed seed (ASSAY_WORKFLOW_SEED replays another); ASSAY_WORKFLOW_RUNS scales the runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkflowEventKind } from '@assay/core';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../../test/cycle-callers.js';
import type { Role } from '../access/roles.js';
import type { Failure } from '../outcome.js';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { lockPeriod, unlockPeriod } from './period-lock.js';
import { actOnUnit } from './workflow.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-04-01T09:00:00.000Z';
const SEED = Number(process.env.ASSAY_WORKFLOW_SEED ?? 20_260_401);
const RUNS = { memory: 60, pglite: 40 } as const;
const runsOf = (k: keyof typeof RUNS) => Math.ceil(RUNS[k] * Number(process.env.ASSAY_WORKFLOW_RUNS ?? 1));

// ---- the reference model: plain rules, written independently of core/workflow ----

/** Users and their grants (entity ids of examples/minimal: group → smelter, mine). */
const USERS: Record<string, [Role, string][]> = {
  'p-group': [['preparer', 'group']],
  'p-smelter': [['preparer', 'smelter']],
  'r-group': [['reviewer', 'group']],
  'a-group': [['approver', 'group']],
  'pa-smelter': [
    ['preparer', 'smelter'],
    ['approver', 'smelter'],
  ],
  'pr-mine': [
    ['preparer', 'mine'],
    ['reviewer', 'mine'],
  ],
  'ra-mine': [
    ['reviewer', 'mine'],
    ['approver', 'mine'],
  ],
  admin: [['administrator', 'group']],
  'admin-mine': [['administrator', 'mine']],
  viewer: [['viewer', 'group']],
};
const USER_IDS = Object.keys(USERS);
const CALLERS = new Map(
  USER_IDS.map((u) => [
    u,
    callerFor(
      bundle,
      u,
      (USERS[u] ?? []).map(([role, entityId]) => ({ role, entityId })),
    ),
  ]),
);

/** The events each role may take (the permission table, as the model knows it). */
const ROLE_EVENTS: Record<Role, WorkflowEventKind[]> = {
  preparer: ['submit'],
  reviewer: ['review', 'return'],
  approver: ['approve', 'return'],
  administrator: ['reopen', 'exception'],
  assurer: [],
  viewer: [],
  compliance: [],
};
const rolesOn = (user: string, entity: string) =>
  (USERS[user] ?? []).filter(([, e]) => e === 'group' || e === entity).map(([r]) => r);

type MState = 'draft' | 'submitted' | 'reviewed' | 'approved';
type MUnit = {
  state: MState;
  version: number;
  submittedBy: string | null;
  reviewedBy: string | null;
  exceptions: string[];
};
const DRAFT: MUnit = { state: 'draft', version: 0, submittedBy: null, reviewedBy: null, exceptions: [] };

/** Unit periods and lockable periods of a run, and which unit periods each lock covers. */
const periodsOf = (year: number) => ({
  units: [`${year}`, `${year}-Q1`],
  locks: [`${year}`, `${year}-03`, `${year}-Q2`],
});
const COVERS: number[][] = [[0, 1], [0, 1], [0]]; // the year covers both; March both (it lies in Q1); Q2 only the year
const ENTITIES = ['smelter', 'mine'];
const TOPICS = ['energy'];

type Answer = { ok: true; unit: MUnit } | { ok: false; code: string; rule?: string };

class Model {
  readonly units = new Map<string, MUnit>();
  readonly locked = new Set<number>();

  event(
    user: string,
    entity: string,
    periodIdx: number,
    key: string,
    e: WorkflowEventKind,
    comment: string,
    target: string,
    version: number,
  ): Answer {
    const roles = rolesOn(user, entity);
    if (roles.length === 0) return { ok: false, code: 'not-found' };
    if (!roles.some((r) => ROLE_EVENTS[r].includes(e))) return { ok: false, code: 'forbidden' };
    const u = this.units.get(key) ?? DRAFT;
    if (version !== u.version) return { ok: false, code: 'stale-version' };
    if ([...this.locked].some((l) => COVERS[l]?.includes(periodIdx)))
      return { ok: false, code: 'period-locked' };
    const rule = (code: string, r: string): Answer => ({ ok: false, code, rule: r });
    const from: Record<WorkflowEventKind, MState[]> = {
      submit: ['draft'],
      return: ['submitted', 'reviewed'],
      review: ['submitted'],
      approve: ['reviewed'],
      reopen: ['approved'],
      exception: ['draft', 'submitted', 'reviewed'],
    };
    if (!from[e].includes(u.state)) return rule('conflict', 'wrong-state');
    const role: Role =
      e === 'submit'
        ? 'preparer'
        : e === 'review' || (e === 'return' && u.state === 'submitted')
          ? 'reviewer'
          : e === 'approve' || e === 'return'
            ? 'approver'
            : 'administrator';
    if (!roles.includes(role)) return rule('forbidden', 'not-permitted');
    if ((e === 'return' || e === 'reopen' || e === 'exception') && comment === '')
      return rule('invalid-request', 'comment-required');
    const excepted = u.exceptions.includes(user);
    if (e === 'review' && u.submittedBy === user && !excepted) return rule('forbidden', 'self-review');
    if (e === 'approve' && (u.submittedBy === user || u.reviewedBy === user) && !excepted)
      return rule('forbidden', 'self-approval');
    if (e === 'exception' && target === user) return rule('forbidden', 'self-exception');
    let next: MUnit;
    if (e === 'submit') next = { ...u, state: 'submitted', submittedBy: user, reviewedBy: null };
    else if (e === 'return') next = { ...u, state: 'draft', submittedBy: null, reviewedBy: null };
    else if (e === 'review') next = { ...u, state: 'reviewed', reviewedBy: user };
    else if (e === 'approve') next = { ...u, state: 'approved' };
    else if (e === 'reopen') next = { ...DRAFT };
    else
      next = { ...u, exceptions: u.exceptions.includes(target) ? u.exceptions : [...u.exceptions, target] };
    next = { ...next, version: u.version + 1 };
    this.units.set(key, next);
    return { ok: true, unit: next };
  }

  lock(user: string, lockIdx: number, unlock: boolean): Answer {
    if (!(USERS[user] ?? []).some(([r, e]) => r === 'administrator' && e === 'group'))
      return { ok: false, code: 'forbidden' };
    if (unlock ? !this.locked.has(lockIdx) : this.locked.has(lockIdx))
      return { ok: false, code: unlock ? 'not-found' : 'conflict' };
    if (unlock) this.locked.delete(lockIdx);
    else this.locked.add(lockIdx);
    return { ok: true, unit: DRAFT };
  }
}

// ---- the steps ----

type Step =
  | {
      kind: 'event';
      user: string;
      entity: number;
      period: number;
      topic: number;
      event: WorkflowEventKind;
      comment: string;
      target: string;
      versionShift: number;
    }
  | { kind: 'lock' | 'unlock'; user: string; period: number };

const user = fc.constantFrom(...USER_IDS);
/** The role an event usually needs (the generator's bias only; the model decides). */
const ROLE_OF: Record<WorkflowEventKind, Role[]> = {
  submit: ['preparer'],
  return: ['reviewer', 'approver'],
  review: ['reviewer'],
  approve: ['approver'],
  reopen: ['administrator'],
  exception: ['administrator'],
};
/** Most events are taken by a user holding the role they need on the entity, some by anybody. */
const pickUser = (event: WorkflowEventKind, entity: string, relevant: boolean, n: number, anyone: string) => {
  const fit = USER_IDS.filter((u) => rolesOn(u, entity).some((r) => ROLE_OF[event].includes(r)));
  return relevant && fit.length > 0 ? (fit[n % fit.length] as string) : anyone;
};
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .record({
        entity: fc.nat(ENTITIES.length - 1),
        period: fc.nat(1),
        topic: fc.nat(TOPICS.length - 1),
        event: fc.constantFrom<WorkflowEventKind>(
          ...(['submit', 'submit', 'review', 'review', 'approve', 'approve', 'approve'] as const),
          ...(['return', 'reopen', 'reopen', 'exception'] as const),
        ),
        comment: fc.constantFrom('', 'please correct the meter reading', 'please correct the meter reading'),
        target: user,
        versionShift: fc.constantFrom(0, 0, 0, 0, 0, 0, -1, 1),
        relevant: fc.constantFrom(true, true, true, false),
        n: fc.nat(9),
        anyone: user,
      })
      .map(
        ({ relevant, n, anyone, ...r }): Step => ({
          kind: 'event',
          ...r,
          user: pickUser(r.event, ENTITIES[r.entity] as string, relevant, n, anyone),
        }),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('lock' as const, 'unlock' as const, 'unlock' as const),
      user: fc.constantFrom('admin', 'admin', 'admin-mine', 'p-group'),
      period: fc.nat(2),
    }),
  },
);

let steps = 0;
/** Answers by kind over a test ("ok:approve", "forbidden/self-approval", …): every one must occur. */
const tally = new Map<string, number>();
const EVERY_ANSWER = [
  ...['submit', 'return', 'review', 'approve', 'reopen', 'exception', 'lock', 'unlock'].map((k) => `ok:${k}`),
  'not-found/',
  'forbidden/',
  'stale-version/',
  'period-locked/',
  'conflict/wrong-state',
  'forbidden/not-permitted',
  'invalid-request/comment-required',
  'forbidden/self-review',
  'forbidden/self-approval',
  'forbidden/self-exception',
];

async function run(ws: Workspace, year: number, sequence: readonly Step[]): Promise<void> {
  const model = new Model();
  const p = periodsOf(year);
  for (const [i, s] of sequence.entries()) {
    const caller = CALLERS.get(s.user);
    if (!caller) throw new Error(s.user);
    const where = `step ${i} ${JSON.stringify(s)}`;
    let want: Answer;
    let got: { ok: true } | { ok: false; error: Failure };
    if (s.kind === 'event') {
      const entity = ENTITIES[s.entity] as string;
      const key = {
        entityId: entity,
        periodId: p.units[s.period] as string,
        topic: TOPICS[s.topic] as string,
      };
      const mkey = JSON.stringify(key);
      const version = (model.units.get(mkey)?.version ?? 0) + s.versionShift;
      want = model.event(s.user, entity, s.period, mkey, s.event, s.comment, s.target, version);
      const out = await actOnUnit({
        ws,
        caller,
        key,
        event: s.event,
        version,
        comment: s.comment,
        userId: s.target,
      });
      got = out;
      if (out.ok && want.ok) {
        const { state, version: v, submittedBy, reviewedBy, exceptions } = out.value.unit;
        expect({ state, version: v, submittedBy, reviewedBy, exceptions }, where).toEqual(want.unit);
      }
    } else {
      const input = { ws, caller, periodId: p.locks[s.period] as string, reason: 'cycle closed' };
      want = model.lock(s.user, s.period, s.kind === 'unlock');
      got = s.kind === 'lock' ? await lockPeriod(input) : await unlockPeriod(input);
    }
    steps++;
    const kind = want.ok ? `ok:${s.kind === 'event' ? s.event : s.kind}` : `${want.code}/${want.rule ?? ''}`;
    tally.set(kind, (tally.get(kind) ?? 0) + 1);
    if (want.ok) expect(got.ok ? 'ok' : got.error, where).toBe('ok');
    else {
      expect(got.ok ? 'ok' : { code: got.error.code, rule: got.error.rule }, where).toEqual({
        code: want.code,
        rule: want.rule,
      });
      expect(!got.ok && got.error.message.length > 10, where).toBe(true);
    }
  }
  // What is stored agrees with the model: units, their transitions, and the locks of this run.
  for (const periodId of p.units) {
    const stored = await ws.cycle.units(periodId);
    const expected = [...model.units.entries()]
      .map(([k, u]) => ({ key: JSON.parse(k) as { entityId: string; periodId: string; topic: string }, u }))
      .filter(({ key }) => key.periodId === periodId);
    expect(stored.length, `units of ${periodId}`).toBe(expected.length);
    for (const { key, u } of expected) {
      const s = stored.find((x) => x.entityId === key.entityId && x.topic === key.topic);
      expect(
        s && {
          state: s.state,
          version: s.version,
          submittedBy: s.submittedBy,
          reviewedBy: s.reviewedBy,
          exceptions: s.exceptions,
        },
      ).toEqual(u);
      const history = await ws.cycle.transitions(key);
      expect(history.map((t) => t.version)).toEqual(Array.from({ length: u.version }, (_, i) => i + 1));
    }
  }
  const locks = (await ws.cycle.locks()).map((l) => l.periodId).filter((id) => p.locks.includes(id));
  expect(locks.sort()).toEqual([...model.locked].map((i) => p.locks[i]).sort());
}

const sequences = fc.array(step, { minLength: 60, maxLength: 140 });

describe('model-based test: the approval workflow and the period lock', () => {
  it('in memory', async () => {
    steps = 0;
    await fc.assert(
      fc.asyncProperty(sequences, (seq) => run(new MemoryWorkspace(bundle, at), 2025, seq)),
      { numRuns: runsOf('memory'), seed: SEED },
    );
    expect(steps).toBeGreaterThanOrEqual(runsOf('memory') * 60);
    expect(EVERY_ANSWER.filter((k) => !tally.has(k))).toEqual([]);
  }, 300_000);

  describe('on a PGlite store', () => {
    let dir: string;
    let store: Store;
    let ws: StoreWorkspace;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'assay-wf-model-'));
      store = await openPgliteStore(dir);
      await migrate(store, at());
      const o = await StoreWorkspace.open(store, bundle, at);
      if (!o.ok) throw new Error(o.reason);
      ws = o.workspace;
    }, 60_000);
    afterAll(async () => {
      await ws?.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('at least a few thousand steps', async () => {
      steps = 0;
      tally.clear();
      // Each run (shrinking included) takes years of its own, so runs share the store, not units or locks.
      let year = 3000;
      await fc.assert(
        fc.asyncProperty(sequences, (seq) => run(ws, year++, seq)),
        { numRuns: runsOf('pglite'), seed: SEED + 1 },
      );
      expect(steps).toBeGreaterThanOrEqual(2400 * Number(process.env.ASSAY_WORKFLOW_RUNS ?? 1));
      expect(EVERY_ANSWER.filter((k) => !tally.has(k))).toEqual([]);
      console.info(
        `workflow model (PGlite): ${steps} steps in ${runsOf('pglite')} runs; ${[...tally].map(([k, n]) => `${k}×${n}`).join(' ')}`,
      );
    }, 600_000);
  });
});
