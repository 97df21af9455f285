/**
 * Catching up another server's fact writes without a full re-read (issue #23). Two
 * StoreWorkspaces on one PostgreSQL database, each with its own pool as two `assay serve`
 * processes would have, take random sequences of data-point writes and retractions,
 * activity-line writes and retractions, and now and then a whole-registers write (a target), on
 * either side and without waiting for each other (so own and foreign change sets interleave).
 * Once both hold the latest change set, each workspace's snapshot must equal that of a workspace
 * freshly opened over the database: data points and lines in order, versions, targets, and the
 * figures of its evaluation (evaluated step by step, so the change log's steps are used).
 * A second test counts the store's full reads: a foreign fact-only change set no longer makes one.
 */
import { join } from 'node:path';
import { type ActivityLine, type DataPoint, q, quantity } from '@assay/core';
import { loadBundle } from '@assay/io';
import { migrate, openPostgresStore } from '@assay/store';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluated } from '../use-cases/evaluation.js';
import { StoreWorkspace, type StoreWorkspaceOptions } from './store-workspace.js';
import type { Snapshot } from './workspace.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-07-01T00:00:00.000Z';

let db: TestDatabase;
const opened: StoreWorkspace[] = [];

async function server(options: StoreWorkspaceOptions = {}): Promise<StoreWorkspace> {
  const store = await openPostgresStore(db.url);
  await migrate(store, at());
  const o = await StoreWorkspace.open(store, bundle, at, options);
  if (!o.ok) throw new Error(o.reason);
  opened.push(o.workspace);
  return o.workspace;
}

async function latestChangeSet(): Promise<number> {
  const s = await openPostgresStore(db.url);
  try {
    const [r] = await s.query<{ id: string }>('select coalesce(max(id), 0)::text as id from change_set');
    return Number(r?.id);
  } finally {
    await s.close();
  }
}

/** Wait until every workspace holds the latest change set (up to 5 s). */
async function caughtUp(...ws: StoreWorkspace[]): Promise<void> {
  const latest = await latestChangeSet();
  const start = performance.now();
  while (!ws.every((w) => (w.snapshot().changeSet ?? 0) >= latest)) {
    if (performance.now() - start > 5000) throw new Error('not caught up within 5 s');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const POINTS = bundle.dataPoints.map((d) => d.id);
const original = new Map<string, DataPoint>(bundle.dataPoints.map((d) => [d.id, d]));
/** The example's lines and three more for the months of 2025 (new lines, moved to the end). */
const extraLines: ActivityLine[] = [1, 2, 3].map((m) => ({
  id: `al-catch-up-2025-0${m}`,
  entityId: 'smelter',
  periodId: `2025-0${m}`,
  activity: 'fuel',
  subject: 'diesel',
  use: 'combustion',
  amount: q('1 t'),
  attributes: {},
  source: 'fuel invoice',
}));
const originalLine = new Map<string, ActivityLine>(
  [...bundle.activityLines, ...extraLines].map((l) => [l.id, l]),
);
const LINES = [...originalLine.keys()];

type Command =
  /** Several data points in one write (one change set, in this order). */
  | { side: 0 | 1; kind: 'point'; ids: string[]; value: number }
  | { side: 0 | 1; kind: 'retract-point'; id: string }
  | { side: 0 | 1; kind: 'line'; id: string; amount: number }
  | { side: 0 | 1; kind: 'retract-line'; id: string }
  | { side: 0 | 1; kind: 'target'; n: number };

const side = fc.constantFrom<0 | 1>(0, 1);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      side,
      kind: fc.constant('point' as const),
      ids: fc.uniqueArray(fc.constantFrom(...POINTS), { minLength: 1, maxLength: 3 }),
      value: fc.integer({ min: 1, max: 5000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      side,
      kind: fc.constant('retract-point' as const),
      id: fc.constantFrom(...POINTS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      side,
      kind: fc.constant('line' as const),
      id: fc.constantFrom(...LINES),
      amount: fc.integer({ min: 1, max: 900 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ side, kind: fc.constant('retract-line' as const), id: fc.constantFrom(...LINES) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ side, kind: fc.constant('target' as const), n: fc.integer({ min: 0, max: 3 }) }),
  },
);

/** Run one command on a workspace as it sees the data; refusals (stale, not found) are fine. */
async function run(ws: StoreWorkspace, c: Command): Promise<void> {
  const s = ws.snapshot();
  if (c.kind === 'point') {
    const changes = c.ids.map((id, i) => {
      const base = s.dataPoint?.(id) ?? (original.get(id) as DataPoint);
      const dataPoint = { ...base, quantity: quantity(String(c.value + i), base.quantity.unit) };
      return { dataPoint, expectedVersion: s.versionOf(id) };
    });
    await ws.writeDataPoints(changes, 'model', 'ann');
  } else if (c.kind === 'retract-point') {
    const v = s.versionOf(c.id);
    if (v !== undefined) await ws.retractDataPoint(c.id, v, 'model', 'ann');
  } else if (c.kind === 'line') {
    const base =
      s.bundle.activityLines.find((l) => l.id === c.id) ?? (originalLine.get(c.id) as ActivityLine);
    await ws.writeActivityLines(
      [
        {
          line: { ...base, amount: quantity(String(c.amount), base.amount.unit) },
          expectedVersion: s.lineVersionOf(c.id),
        },
      ],
      'model',
      'ann',
    );
  } else if (c.kind === 'retract-line') {
    const v = s.lineVersionOf(c.id);
    if (v !== undefined) await ws.retractActivityLine(c.id, v, 'model', 'ann');
  } else {
    const target = { id: `catch-up-${c.n}`, name: { en: `Target ${c.n}`, 'zh-Hant': `目標 ${c.n}` } };
    await ws.writeTarget({ kind: 'put', target, expectedVersion: undefined }, 'model', 'ann');
  }
  evaluated(ws.snapshot()); // step by step: the next evaluation builds on this one's change log
}

/** What must equal between a caught-up workspace and a fresh read. */
function view(s: Snapshot) {
  const figures = [...evaluated(s).byId.values()].map((f) => [f.id, f.value] as const);
  return {
    dataPoints: s.bundle.dataPoints,
    activityLines: s.bundle.activityLines,
    versions: POINTS.map((id) => [id, s.versionOf(id)]),
    lineVersions: LINES.map((id) => [id, s.lineVersionOf(id)]),
    targets: s.bundle.registers.targets,
    figures: JSON.stringify(figures),
  };
}

describe('catching up another server’s fact writes (issue #23)', () => {
  let a: StoreWorkspace;
  let b: StoreWorkspace;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await server();
    b = await server();
  });
  afterAll(async () => {
    for (const w of opened) await w.close().catch(() => undefined);
    await db?.drop();
  });

  it('leaves each server’s snapshot equal to a fresh read of the database', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(command, fc.tuple(command, command)), { minLength: 1, maxLength: 8 }),
        async (commands) => {
          for (const step of commands) {
            // A pair runs on both servers at once, so own and foreign change sets interleave.
            const pair = Array.isArray(step) ? step : [step];
            await Promise.all(pair.map((c, i) => run((Array.isArray(step) ? i : c.side) === 0 ? a : b, c)));
          }
          await caughtUp(a, b);
          const fresh = await server({ follow: false });
          const expected = view(fresh.snapshot());
          expect(view(a.snapshot())).toEqual(expected);
          expect(view(b.snapshot())).toEqual(expected);
          opened.splice(opened.indexOf(fresh), 1);
          await fresh.close();
        },
      ),
      { numRuns: 25 },
    );
    // The catch-ups compared were mostly the incremental ones, not full re-reads.
    expect(a.factCatchUps + b.factCatchUps).toBeGreaterThan(0);
  }, 120_000);

  it('reads only the revisions of a foreign fact-only change set, and everything after a register write', async () => {
    await caughtUp(a, b);
    const before = { reloads: b.reloads, factCatchUps: b.factCatchUps };
    const p = a.snapshot().dataPoint?.('hc-m-f') ?? (original.get('hc-m-f') as DataPoint);
    const out = await a.writeDataPoints(
      [{ dataPoint: { ...p, quantity: q('77 person') }, expectedVersion: a.snapshot().versionOf('hc-m-f') }],
      'count',
      'ann',
    );
    expect(out.ok).toBe(true);
    await caughtUp(b);
    // Before issue #23 every foreign change set made b read the whole store again.
    expect({ reloads: b.reloads, factCatchUps: b.factCatchUps }).toEqual({
      reloads: before.reloads,
      factCatchUps: before.factCatchUps + 1,
    });
    expect(b.snapshot().dataPoint?.('hc-m-f')?.quantity.value.toString()).toBe('77');
    const target = { id: 'catch-up-count', name: { en: 'Count', 'zh-Hant': '計數' } };
    expect((await a.writeTarget({ kind: 'put', target, expectedVersion: undefined }, 'x', 'ann')).ok).toBe(
      true,
    );
    await caughtUp(b);
    expect(b.reloads).toBe(before.reloads + 1);
    expect(b.snapshot().bundle.registers.targets.map((t) => t.id)).toContain('catch-up-count');
  });
});
