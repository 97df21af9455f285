/**
 * Model-based test of the finding work-state machine (issue #20; docs/checks.md "Findings as
 * work items"): fast-check commands (a run of the checker finding a random set of findings, each
 * with one of two input digests; a run behind the last one; assign; accept with a reason;
 * reopen) go through runFindingWork / applyFindingAction over the records in memory, on PGlite
 * and on PostgreSQL, against a plain reference model written here. After every command each
 * finding's state, version-free view (state, assignee, reason, resolution revisions) must equal
 * the model's, and every refusal must be the model's.
 * Runs share a store: each takes finding ids and revisions of its own.
 * Fixed seed (ASSAY_FINDING_WORK_SEED replays another); ASSAY_FINDING_WORK_RUNS scales the runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openPgliteStore, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingWorkRecords } from '../workspace/finding-work-records.js';
import { MemoryFindingWork } from '../workspace/memory-finding-work.js';
import { StoreFindingWork } from '../workspace/store-finding-work.js';
import { applyFindingAction, runFindingWork, viewOf } from './finding-work.js';
import type { LiveFinding } from './finding-work-state.js';

const SEED = Number(process.env.ASSAY_FINDING_WORK_SEED ?? 20_261_207);
const SCALE = Number(process.env.ASSAY_FINDING_WORK_RUNS ?? 1);
const at = () => '2026-12-07T01:00:00.000Z';
const FINDINGS = 5;
const USERS = ['ann', 'bo', null] as const;

// ---- the reference model ----

type ModelItem = {
  state: 'open' | 'accepted' | 'resolved';
  assignee: string | null;
  reason: string | null;
  /** Accepted: the digest it was accepted with. */
  digest: string | null;
  resolved: { revision: number; since: number } | null;
  /** The revision of the last run that found it. */
  lastSeen: number;
};

class Model {
  items = new Map<number, ModelItem>();
  /** The last run's findings: index → digest. */
  live = new Map<number, string>();
  lastRun: number | null = null;

  run(found: Map<number, string>, revision: number) {
    if (this.lastRun !== null && revision < this.lastRun) return; // behind: nothing changes
    for (const [i, digest] of found) {
      const it = this.items.get(i);
      if (!it)
        this.items.set(i, {
          state: 'open',
          assignee: null,
          reason: null,
          digest: null,
          resolved: null,
          lastSeen: revision,
        });
      else {
        if (it.state === 'resolved' || (it.state === 'accepted' && it.digest !== digest)) {
          it.state = 'open';
          it.reason = null;
          it.digest = null;
          it.resolved = null;
        }
        it.lastSeen = revision;
      }
    }
    for (const [i, it] of this.items)
      if (!found.has(i) && it.state !== 'resolved') {
        it.state = 'resolved';
        it.reason = null;
        it.digest = null;
        it.resolved = { revision, since: Math.max(this.lastRun ?? 0, it.lastSeen) };
      }
    this.live = new Map(found);
    this.lastRun = Math.max(this.lastRun ?? 0, revision);
  }

  /** An action: undefined when allowed (and applied), else the refusal. */
  act(i: number, a: Action): string | undefined {
    const digest = this.live.get(i);
    if (digest === undefined) return 'gone';
    const it = this.items.get(i) as ModelItem;
    if (a.kind === 'assign') it.assignee = a.assignee;
    else if (a.kind === 'accept') {
      it.state = 'accepted';
      it.reason = a.reason;
      it.digest = digest;
    } else {
      if (it.state !== 'accepted') return 'not-accepted';
      it.state = 'open';
      it.reason = null;
      it.digest = null;
    }
    return undefined;
  }
}

type Action =
  | { kind: 'assign'; assignee: string | null }
  | { kind: 'accept'; reason: string }
  | { kind: 'reopen' };

type Command =
  | { kind: 'run'; found: [number, number][] }
  | { kind: 'run-behind'; found: [number, number][] }
  | { kind: 'act'; finding: number; action: Action };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .uniqueArray(fc.tuple(fc.integer({ min: 0, max: FINDINGS - 1 }), fc.integer({ min: 0, max: 1 })), {
        selector: (x) => x[0],
        maxLength: FINDINGS,
      })
      .map((found) => ({ kind: 'run' as const, found })),
  },
  {
    weight: 1,
    arbitrary: fc
      .uniqueArray(fc.tuple(fc.integer({ min: 0, max: FINDINGS - 1 }), fc.integer({ min: 0, max: 1 })), {
        selector: (x) => x[0],
        maxLength: FINDINGS,
      })
      .map((found) => ({ kind: 'run-behind' as const, found })),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      finding: fc.integer({ min: 0, max: FINDINGS - 1 }),
      action: fc.oneof(
        fc.constantFrom(...USERS).map((assignee) => ({ kind: 'assign' as const, assignee })),
        fc
          .constantFrom('immaterial', 'explained in the note')
          .map((reason) => ({ kind: 'accept' as const, reason })),
        fc.constant({ kind: 'reopen' as const }),
      ),
    }),
  },
);

// ---- the implementation under test ----

type Backend = { records: FindingWorkRecords; close(): Promise<void> };

const backends: [string, () => Promise<Backend>][] = [
  ['memory', async () => ({ records: new MemoryFindingWork(at), close: async () => undefined })],
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-finding-work-'));
      const store = await openPgliteStore(dir);
      await migrate(store, at());
      return {
        records: new StoreFindingWork(store, at),
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
      const store: Store = await openPostgresStore(db.url);
      await migrate(store, at());
      return {
        records: new StoreFindingWork(store, at),
        close: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  ],
];

const RUNS: Record<string, number> = { memory: 100, PGlite: 40, PostgreSQL: 40 };

describe.each(backends)('finding work state on %s against the reference model', (name, open) => {
  let b: Backend;
  let runNo = 0;
  beforeAll(async () => {
    b = await open();
  }, 60_000);
  afterAll(async () => b?.close());

  it('matches the model over random runs and actions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 25 }), async (commands) => {
        runNo += 1;
        const id = (i: number) =>
          `f-${runNo.toString(16).padStart(8, '0')}${i.toString(16).padStart(8, '0')}`;
        const digest = (v: number) => `d-${runNo.toString(16).padStart(8, '0')}0000000${v}`;
        // Revisions of this run: above every earlier run's.
        let revision = runNo * 1000;
        const model = new Model();
        let live = new Map<string, LiveFinding>();
        const liveOf = (found: [number, number][]) =>
          new Map(
            found.map(([i, v]) => [
              id(i),
              { id: id(i), entityId: 'smelter', digest: digest(v), finding: { id: id(i), n: i, v } },
            ]),
          );
        for (const c of commands) {
          if (c.kind === 'run') {
            revision += 1;
            live = liveOf(c.found);
            model.run(new Map(c.found.map(([i, v]) => [i, digest(v)])), revision);
            await runFindingWork(b.records, live, revision);
          } else if (c.kind === 'run-behind') {
            if (revision <= runNo * 1000 + 1) continue;
            // A process whose snapshot is behind: its run changes nothing.
            model.run(new Map(c.found.map(([i, v]) => [i, digest(v)])), revision - 1);
            await runFindingWork(b.records, liveOf(c.found), revision - 1);
          } else {
            const l = live.get(id(c.finding));
            const want = model.act(c.finding, c.action);
            if (!l) {
              expect(want, `${name}: act on ${c.finding}`).toBe('gone');
              continue;
            }
            const a =
              c.action.kind === 'assign'
                ? { kind: 'assign' as const, assignee: c.action.assignee, assigneeLabel: c.action.assignee }
                : c.action;
            const out = await applyFindingAction(b.records, l, a, { userId: 'ada', actor: 'Ada' }, revision);
            expect(out.ok ? undefined : out.reason, `${name}: ${JSON.stringify(c)}`).toBe(want);
          }
          // Every finding of this run, as the front doors would show it.
          const current = new Map((await b.records.current()).map((r) => [r.findingId, r]));
          for (let i = 0; i < FINDINGS; i++) {
            const m = model.items.get(i);
            const rec = current.get(id(i));
            if (!m) {
              expect(rec, `${name}: finding ${i} never seen`).toBeUndefined();
              continue;
            }
            const v = viewOf(id(i), rec, live.get(id(i)));
            expect(
              {
                state: v.state,
                assignee: v.assignee?.id ?? null,
                reason: v.accepted?.reason ?? null,
                resolved: v.resolved
                  ? { revision: v.resolved.revision, since: v.resolved.sinceRevision }
                  : null,
              },
              `${name}: finding ${i} after ${JSON.stringify(c)}`,
            ).toEqual({ state: m.state, assignee: m.assignee, reason: m.reason, resolved: m.resolved });
            // The record itself says the truth after a run: its stored state is the state now.
            if (c.kind === 'run') expect(rec?.state).toBe(m.state);
          }
        }
        // The history is append-only and numbered 1, 2, 3… per finding.
        for (let i = 0; i < FINDINGS; i++) {
          const h = await b.records.history(id(i));
          expect(h.map((r) => r.version)).toEqual(h.map((_, n) => n + 1));
        }
      }),
      { seed: SEED, numRuns: Math.ceil((RUNS[name] ?? 10) * SCALE) },
    );
  }, 600_000);
});
