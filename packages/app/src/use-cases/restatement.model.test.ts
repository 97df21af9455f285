/**
 * Model-based test of the restatement lifecycle (issue #17): fast-check commands (request a
 * restatement of one or two facts, submit / return / review / approve it by random users with
 * current and stale versions, edit a fact outside a request, check the records) run through the
 * use cases on the in-memory workspace and on a PGlite store, with 2025 locked, against a plain
 * reference model written here. After every command the answer (accepted, or the refusal's code
 * and rule) must match the model's; `check` compares every request the run made (state,
 * version, submitter, reviewer, and after approval the linked revisions old → new) and every
 * fact's current revision and value. Runs share the PGlite store: the model starts from what
 * the workspace holds and follows only its own requests.
 * Fixed seed (ASSAY_RESTATE_SEED replays another); ASSAY_RESTATE_RUNS scales the runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore } from '@assay/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, localOf } from '../../test/cycle-callers.js';
import type { Grant } from '../access/roles.js';
import type { Result } from '../outcome.js';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import type { RestatementEventKind } from '../workspace/restatement-records.js';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { lockPeriod } from './period-lock.js';
import { actOnRestatement, requestRestatement } from './restatement.js';
import { updateDataPoint } from './write-data-point.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-04-01T09:00:00.000Z';
const SEED = Number(process.env.ASSAY_RESTATE_SEED ?? 20_260_417);
const SCALE = Number(process.env.ASSAY_RESTATE_RUNS ?? 1);
const RUNS = { memory: Math.ceil(60 * SCALE), pglite: Math.ceil(15 * SCALE) };

// ---- who and what (examples/minimal: group → smelter, mine) ----

const GRANTS: Record<string, Grant[]> = {
  ann: [{ role: 'preparer', entityId: 'smelter' }],
  pat: [{ role: 'preparer', entityId: 'mine' }],
  gail: [{ role: 'preparer', entityId: 'group' }],
  bo: [
    { role: 'preparer', entityId: 'smelter' },
    { role: 'approver', entityId: 'smelter' },
  ],
  rita: [{ role: 'reviewer', entityId: 'group' }],
  rhea: [
    { role: 'reviewer', entityId: 'group' },
    { role: 'approver', entityId: 'mine' },
  ],
  pr: [
    { role: 'preparer', entityId: 'mine' },
    { role: 'reviewer', entityId: 'mine' },
  ],
  alex: [{ role: 'approver', entityId: 'group' }],
  vic: [{ role: 'viewer', entityId: 'group' }],
};
const USERS = Object.keys(GRANTS);
const CALLERS = new Map(Object.entries(GRANTS).map(([id, g]) => [id, callerFor(bundle, id, g)]));
const callerOf = (id: string) => CALLERS.get(id) ?? (undefined as never);
const ROLE_OF = { submit: 'preparer', review: 'reviewer', approve: 'approver' } as const;
/** Whether `user` holds `role` on `entity` (a grant covers its subtree: group covers all). */
const holds = (user: string, role: string, entity: string) =>
  (GRANTS[user] ?? []).some((g) => g.role === role && (g.entityId === 'group' || g.entityId === entity));
const sees = (user: string, entity: string) =>
  (GRANTS[user] ?? []).some(
    (g) => g.role !== 'viewer' && (g.entityId === 'group' || g.entityId === entity),
  ) || (GRANTS[user] ?? []).some((g) => g.role === 'viewer' && g.entityId === 'group');

/** The facts requests restate: 2025 ones lie in the locked year; rev-24 (2024) can be edited plainly. */
const FACTS = [
  { kind: 'activity-line', id: 'd1', entity: 'smelter' },
  { kind: 'activity-line', id: 'e2', entity: 'mine' },
  { kind: 'data-point', id: 'hc-s-f', entity: 'smelter' },
  { kind: 'data-point', id: 'rev-24', entity: 'group' },
] as const;
type FactName = (typeof FACTS)[number]['id'];

// ---- the reference model ----

type MRequest = {
  id: number;
  state: 'draft' | 'submitted' | 'reviewed' | 'approved';
  version: number;
  submittedBy: string | null;
  reviewedBy: string | null;
  items: { fact: FactName; oldRev: number; value: string }[];
  links: { fact: FactName; oldRev: number; newRev: number }[];
};
type Model = { facts: Map<FactName, { rev: number; value: string }>; requests: MRequest[] };
type Real = { ws: Workspace };
type Answer = { ok: true } | { ok: false; code: string; rule?: string };

const factOf = (n: FactName) => FACTS.find((f) => f.id === n) ?? FACTS[0];
const entitiesOf = (r: MRequest) => [...new Set(r.items.map((i) => factOf(i.fact).entity))];

function current(ws: Workspace, n: FactName): { rev: number; value: string } {
  const s = ws.snapshot();
  const f = factOf(n);
  if (f.kind === 'activity-line') {
    const l = s.bundle.activityLines.find((x) => x.id === n);
    return { rev: s.lineVersionOf(n) ?? 0, value: l?.amount.value.toFixed() ?? '' };
  }
  const d = s.bundle.dataPoints.find((x) => x.id === n);
  return { rev: s.versionOf(n) ?? 0, value: d?.quantity.value.toFixed() ?? '' };
}

const answerOf = (r: Result<unknown>): Answer =>
  r.ok ? { ok: true } : { ok: false, code: r.error.code, ...(r.error.rule ? { rule: r.error.rule } : {}) };

let steps = 0;
let edits = 0;
const tally = new Map<string, number>();
const count = (kind: string, a: Answer) => {
  steps++;
  const k = a.ok ? `ok:${kind}` : `${a.code}/${a.rule ?? ''}`;
  tally.set(k, (tally.get(k) ?? 0) + 1);
};

class Request implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly user: string,
    readonly facts: readonly FactName[],
    readonly n: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const items = this.facts.map((f, k) => ({ fact: f, value: String(1000 + this.n + k) }));
    const want: Answer = items.some((i) => !sees(this.user, factOf(i.fact).entity))
      ? { ok: false, code: 'not-found' }
      : items.some((i) => !holds(this.user, 'preparer', factOf(i.fact).entity))
        ? { ok: false, code: 'forbidden' }
        : items.some((i) => m.facts.get(i.fact)?.value === i.value)
          ? { ok: false, code: 'invalid-request' }
          : { ok: true };
    const out = await requestRestatement({
      ws: r.ws,
      caller: callerOf(this.user),
      change: 'error-correction',
      reason: 'model',
      items: items.map((i) => ({ kind: factOf(i.fact).kind, id: i.fact, value: i.value })),
    });
    expect(answerOf(out), this.toString()).toEqual(want);
    count('request', want);
    if (out.ok)
      m.requests.push({
        id: out.value.id,
        state: 'draft',
        version: 1,
        submittedBy: null,
        reviewedBy: null,
        items: items.map((i) => ({ ...i, oldRev: m.facts.get(i.fact)?.rev ?? 0 })),
        links: [],
      });
  }
  toString = () => `request(${this.user}, ${this.facts.join('+')}, ${this.n})`;
}

/** The events that can follow a state (the generator's bias only; the model decides). */
const NEXT: Record<MRequest['state'], RestatementEventKind[]> = {
  draft: ['submit'],
  submitted: ['review', 'review', 'return'],
  reviewed: ['approve', 'approve', 'approve', 'return'],
  approved: ['approve'],
};

class Act implements fc.AsyncCommand<Model, Real> {
  user = '';
  event: RestatementEventKind;
  constructor(
    readonly anyone: string,
    readonly relevant: boolean,
    readonly n: number,
    readonly pick: number,
    readonly fitting: boolean,
    readonly anyEvent: RestatementEventKind,
    readonly shift: number,
    readonly comment: string,
  ) {
    this.event = anyEvent;
  }
  check = (m: Readonly<Model>) => m.requests.length > 0;
  async run(m: Model, r: Real) {
    // Mostly one of the latest requests, an event its state allows, by a user holding the role.
    const q = m.requests[Math.max(0, m.requests.length - 1 - (this.pick % 3))] as MRequest;
    const next = NEXT[q.state];
    this.event = this.fitting ? (next[this.n % next.length] as RestatementEventKind) : this.anyEvent;
    const need =
      this.event === 'return' ? (q.state === 'reviewed' ? 'approver' : 'reviewer') : ROLE_OF[this.event];
    const fit = USERS.filter((u) => entitiesOf(q).every((e) => holds(u, need, e)));
    // Now and then the submitter or reviewer themselves, when they hold the role (segregation of duties).
    const own = [q.submittedBy, q.reviewedBy].filter((u): u is string => u !== null && fit.includes(u));
    const pool = this.n % 3 === 0 && own.length > 0 ? own : fit;
    this.user = this.relevant && pool.length > 0 ? (pool[this.n % pool.length] as string) : this.anyone;
    const version = q.version + this.shift;
    const want = decide(m, q, this.user, this.event, version, this.comment);
    const out = await actOnRestatement({
      ws: r.ws,
      caller: callerOf(this.user),
      id: q.id,
      event: this.event,
      version,
      comment: this.comment,
    });
    expect(answerOf(out), this.toString()).toEqual(want);
    count(this.event, want);
  }
  toString = () =>
    `${this.event}(${this.user}, #${this.pick}, v${this.shift >= 0 ? '+' : ''}${this.shift}, "${this.comment}")`;
}

/** The model's answer to an event, applying it when accepted. */
function decide(
  m: Model,
  q: MRequest,
  user: string,
  event: RestatementEventKind,
  version: number,
  comment: string,
): Answer {
  const ents = entitiesOf(q);
  if (ents.some((e) => !sees(user, e))) return { ok: false, code: 'not-found' };
  const need = event === 'return' ? (q.state === 'reviewed' ? 'approver' : 'reviewer') : ROLE_OF[event];
  const action = event === 'return' ? ['reviewer', 'approver'] : [ROLE_OF[event]];
  if (!ents.every((e) => action.some((role) => holds(user, role, e))))
    return { ok: false, code: 'forbidden' };
  if (version !== q.version) return { ok: false, code: 'stale-version' };
  const from = {
    submit: ['draft'],
    review: ['submitted'],
    approve: ['reviewed'],
    return: ['submitted', 'reviewed'],
  }[event];
  if (!from.includes(q.state)) return { ok: false, code: 'conflict', rule: 'wrong-state' };
  if (!ents.every((e) => holds(user, need, e)))
    return { ok: false, code: 'forbidden', rule: 'not-permitted' };
  if (event === 'return' && comment.trim() === '')
    return { ok: false, code: 'invalid-request', rule: 'comment-required' };
  if (event === 'review' && q.submittedBy === user)
    return { ok: false, code: 'forbidden', rule: 'self-review' };
  if (event === 'approve' && (q.submittedBy === user || q.reviewedBy === user))
    return { ok: false, code: 'forbidden', rule: 'self-approval' };
  if (event === 'approve') {
    if (q.items.some((i) => m.facts.get(i.fact)?.rev !== i.oldRev)) return { ok: false, code: 'conflict' };
    for (const i of q.items) {
      const rev = (m.facts.get(i.fact)?.rev ?? 0) + 1;
      m.facts.set(i.fact, { rev, value: i.value });
      q.links.push({ fact: i.fact, oldRev: i.oldRev, newRev: rev });
    }
  }
  q.version += 1;
  if (event === 'submit') Object.assign(q, { state: 'submitted', submittedBy: user, reviewedBy: null });
  else if (event === 'review') Object.assign(q, { state: 'reviewed', reviewedBy: user });
  else if (event === 'approve') q.state = 'approved';
  else Object.assign(q, { state: 'draft', submittedBy: null, reviewedBy: null });
  return { ok: true };
}

/** A plain edit outside any request: 2025 is locked (refused), 2024 revenue goes through. */
class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly fact: 'rev-24' | 'hc-s-f',
    readonly n: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const cur = m.facts.get(this.fact) ?? { rev: 0, value: '' };
    const value = String(2000 + this.n + 100 * ++edits); // never a value a request sets
    const want: Answer = this.fact === 'hc-s-f' ? { ok: false, code: 'period-locked' } : { ok: true };
    const out = await updateDataPoint({
      ws: r.ws,
      id: this.fact,
      patch: { value },
      version: cur.rev,
      reason: 'plain edit',
      author: 'model',
      dryRun: false,
    });
    expect(answerOf(out), this.toString()).toEqual(want);
    count('edit', want);
    if (want.ok && value !== cur.value) m.facts.set(this.fact, { rev: cur.rev + 1, value });
  }
  toString = () => `edit(${this.fact}, ${this.n})`;
}

class Check implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    for (const q of m.requests) {
      const got = await r.ws.restatements.get(q.id);
      expect(
        got && {
          state: got.state,
          version: got.version,
          submittedBy: got.submittedBy,
          reviewedBy: got.reviewedBy,
          links: got.revisions.map((l) => ({
            fact: got.items.find((i) => i.factKey === l.factKey)?.factId,
            oldRev: l.oldRev,
            newRev: l.newRev,
          })),
        },
        `request ${q.id}`,
      ).toEqual({
        state: q.state,
        version: q.version,
        submittedBy: q.submittedBy,
        reviewedBy: q.reviewedBy,
        links: [...q.links].sort((a, b) => (kindKey(a.fact) < kindKey(b.fact) ? -1 : 1)),
      });
      expect((await r.ws.restatements.transitions(q.id)).map((t) => t.version)).toEqual(
        Array.from({ length: q.version }, (_, k) => k + 1),
      );
    }
    for (const f of FACTS) expect(current(r.ws, f.id), f.id).toEqual(m.facts.get(f.id));
  }
  toString = () => 'check';
}
/** The store lists links by kind, then key (a data point's key is entity|period|…). */
const kindKey = (n: FactName) => {
  const f = factOf(n);
  const d = bundle.dataPoints.find((x) => x.id === n);
  return `${f.kind}|${d ? `${d.entityId}|${d.periodId}|${d.indicatorId}` : n}`;
};

const user = fc.constantFrom(...USERS);
const factName = fc.constantFrom<FactName>(...FACTS.map((f) => f.id));
/** Requests come mostly from preparers (each covering some of the facts), sometimes from anyone. */
const requester = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('ann', 'pat', 'gail', 'bo', 'pr') },
  { weight: 1, arbitrary: user },
);
const act = fc
  .tuple(
    // Reviewers and approvers hold return-data: out of turn they meet "not-permitted".
    fc.oneof(user, fc.constantFrom('alex', 'rita', 'rhea')),
    fc.constantFrom(true, true, true, true, false),
    fc.nat(9),
    fc.nat(5),
    fc.constantFrom(true, true, true, false),
    fc.constantFrom<RestatementEventKind>('submit', 'review', 'approve', 'return'),
    fc.constantFrom(0, 0, 0, 0, 0, 0, 0, -1, 1),
    fc.constantFrom('', 'cite the invoice', 'cite the invoice', 'cite the invoice'),
  )
  .map(([u, rel, n, p, fit, e, s, c]) => new Act(u, rel, n, p, fit, e, s, c));
const commands = fc.commands(
  [
    fc
      .tuple(requester, fc.uniqueArray(factName, { minLength: 1, maxLength: 2 }), fc.nat(50))
      .map(([u, f, n]) => new Request(u, f, n)),
    act,
    act,
    act,
    act,
    fc
      .tuple(fc.constantFrom<'rev-24' | 'hc-s-f'>('rev-24', 'hc-s-f'), fc.nat(50))
      .map(([f, n]) => new Edit(f, n)),
    fc.constant(new Check()),
  ],
  { maxCommands: 80, size: 'max' },
);

const EVERY_ANSWER = [
  'ok:request',
  'ok:submit',
  'ok:review',
  'ok:approve',
  'ok:return',
  'ok:edit',
  'not-found/',
  'forbidden/',
  'stale-version/',
  'conflict/',
  'conflict/wrong-state',
  'forbidden/not-permitted',
  'forbidden/self-review',
  'forbidden/self-approval',
  'invalid-request/comment-required',
  'period-locked/',
];

async function prepare(ws: Workspace): Promise<void> {
  if ((await ws.cycle.locks()).some((l) => l.periodId === '2025')) return;
  const r = await lockPeriod({ ws, caller: localOf(bundle), periodId: '2025', reason: 'approved' });
  if (!r.ok) throw new Error(r.error.message);
}

async function runOn(ws: Workspace, cmds: Iterable<fc.AsyncCommand<Model, Real>>): Promise<void> {
  await prepare(ws);
  const model: Model = { facts: new Map(FACTS.map((f) => [f.id, current(ws, f.id)])), requests: [] };
  await fc.asyncModelRun(() => ({ model, real: { ws } }), [...cmds, new Check()]);
}

describe('model-based test: the restatement lifecycle', () => {
  it('in memory', async () => {
    steps = 0;
    tally.clear();
    await fc.assert(
      fc.asyncProperty(commands, (cmds) => runOn(new MemoryWorkspace(bundle, at), cmds)),
      { numRuns: RUNS.memory, seed: SEED },
    );
    console.info(
      `restatement model (memory): ${steps} steps; ${[...tally].map(([k, n]) => `${k}×${n}`).join(' ')}`,
    );
    expect(EVERY_ANSWER.filter((k) => !tally.has(k))).toEqual([]);
  }, 300_000);

  describe('on a PGlite store', () => {
    let dir: string;
    let ws: StoreWorkspace;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'assay-restate-model-'));
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

    it('runs share the store; the model follows its own requests', async () => {
      steps = 0;
      tally.clear();
      await fc.assert(
        fc.asyncProperty(commands, (cmds) => runOn(ws, cmds)),
        { numRuns: RUNS.pglite, seed: SEED + 1 },
      );
      console.info(
        `restatement model (PGlite): ${steps} steps; ${[...tally].map(([k, n]) => `${k}×${n}`).join(' ')}`,
      );
      expect(EVERY_ANSWER.filter((k) => !tally.has(k))).toEqual([]);
    }, 600_000);
  });
});
