/**
 * Workspace steps of the model-based tests: what the web app does through the server's
 * Workspace port (writeDataPoints with the versions it read, retractDataPoint), including
 * stale and unknown versions, adding a data point that exists, re-adding a retracted one, and
 * several writes issued at once naming the same version.
 */
import fc from 'fast-check';
import { Divergence } from './model-check.js';
import {
  cloneModel,
  type Fields,
  isLive,
  keyOf,
  liveFacts,
  type Model,
  versionOf,
} from './model-reference.js';
import { type DpRowSpec, dpRowSpec, dpSlot, sometimes, type Who, who } from './model-rows.js';
import type { Real } from './model-system.js';
import { DATA_POINT_SLOTS, dataPointKey } from './model-universe.js';
import {
  type Change,
  change,
  modelRetract,
  modelWrite,
  type Outcome,
  outcomeOf,
  sameOutcome,
} from './model-workspace-rules.js';

const json = (x: unknown) => JSON.stringify(x);

function requireWs(real: Real) {
  if (!real.ws) throw new Error('this step needs a workspace');
  return real.ws;
}

const MODES = ['auto', 'auto', 'auto', 'stale', 'exists', 'unknown'] as const;

/** The version a change names, by mode: the current one, a stale one, none (new), or one for a fact that is not there. */
function expectedVersion(m: Model, slot: number, mode: (typeof MODES)[number]): number | undefined {
  const f = m.facts.dp.get(dataPointKey(dpSlot(slot)));
  const live = isLive(f) ? f : undefined;
  if (!live) return mode === 'stale' || mode === 'unknown' ? (f?.revisions.length ?? 0) + 1 : undefined;
  const v = versionOf(live);
  if (mode === 'stale') return v > 1 ? v - 1 : v + 1;
  return mode === 'exists' ? undefined : v;
}

/**
 * A change that breaks a rule against stored data (issue #14 items 3 and 4): a quarter next to
 * a live annual value, or the id of another data point (live or retracted) on a key that is not
 * live. Undefined when the model holds no fact to build it from.
 */
function badChange(m: Model, bad: 'overlap' | 'rekey', pick: number, spec: DpRowSpec): Change | undefined {
  if (bad === 'overlap') {
    const flows = liveFacts(m, 'dp')
      .map((f) => f.revisions.at(-1)?.fields as Fields)
      .filter((f) => f.indicator === 'revenue' || f.indicator === 'production.output');
    const annual = flows[pick % Math.max(1, flows.length)];
    if (!annual) return undefined;
    const slot = DATA_POINT_SLOTS.findIndex((s) => s.id === annual.id);
    const c = change({ ...spec, slot }, undefined);
    const periodId = `${annual.period}-Q${(pick % 4) + 1}`;
    const id = `q-${annual.id}`;
    return {
      dataPoint: { ...c.dataPoint, id, periodId },
      fields: { ...c.fields, id, period: periodId },
      expected: undefined,
    };
  }
  const holders = [...m.facts.dp.values()];
  const holder = holders[pick % holders.length];
  const others = DATA_POINT_SLOTS.map((_, i) => i).filter(
    (i) => dataPointKey(dpSlot(i)) !== holder?.key && !isLive(m.facts.dp.get(dataPointKey(dpSlot(i)))),
  );
  const slot = others[pick % Math.max(1, others.length)];
  const id = holder?.revisions.at(-1)?.fields.id;
  if (slot === undefined || id === undefined) return undefined;
  const c = change({ ...spec, slot }, undefined);
  return { dataPoint: { ...c.dataPoint, id }, fields: { ...c.fields, id }, expected: undefined };
}

export function wsWrite() {
  return fc
    .record({
      changes: fc.uniqueArray(fc.record({ row: dpRowSpec, mode: fc.nat(MODES.length - 1) }), {
        minLength: 1,
        maxLength: 3,
        selector: (c) => c.row.slot % DATA_POINT_SLOTS.length,
      }),
      bad: sometimes(fc.constantFrom('overlap' as const, 'rekey' as const), null, 5),
      pick: fc.nat(40),
      who,
    })
    .map((p) => ({
      label: `wsWrite ${json(p)}`,
      step: async (m: Model, real: Real) => {
        const ws = requireWs(real);
        const changes = p.changes.map((c) =>
          change(c.row, expectedVersion(m, c.row.slot, MODES[c.mode] as (typeof MODES)[number])),
        );
        const bad = p.bad && badChange(m, p.bad, p.pick, p.changes[0]?.row as DpRowSpec);
        // Last, so that an overlap is reported on the quarter's row, the later one.
        if (bad && !changes.some((c) => keyOf('dp', c.fields) === keyOf('dp', bad.fields))) changes.push(bad);
        const expected = modelWrite(m, changes, { ...p.who, at: real.at });
        const actual = await ws.writeDataPoints(
          changes.map((c) => ({ dataPoint: c.dataPoint, expectedVersion: c.expected })),
          p.who.reason,
          p.who.author,
        );
        if (!sameOutcome(outcomeOf(actual), expected))
          throw new Divergence(`writeDataPoints answered ${json(actual)}, the model ${json(expected)}`);
        return changes.map((c) => keyOf('dp', c.fields));
      },
    }));
}

export function wsRetract() {
  return fc
    .record({
      slot: fc.nat(DATA_POINT_SLOTS.length - 1),
      mode: fc.constantFrom('auto', 'auto', 'stale'),
      who,
    })
    .map((p) => ({
      label: `wsRetract ${json(p)}`,
      step: async (m: Model, real: Real) => {
        const ws = requireWs(real);
        const s = dpSlot(p.slot);
        const version = expectedVersion(m, p.slot, p.mode as 'auto' | 'stale') ?? 1;
        const expected = modelRetract(m, s.id, version, { ...p.who, at: real.at });
        const actual = outcomeOf(await ws.retractDataPoint(s.id, version, p.who.reason, p.who.author));
        if (!sameOutcome(actual, expected))
          throw new Divergence(`retractDataPoint answered ${json(actual)}, the model ${json(expected)}`);
        return [dataPointKey(s)];
      },
    }));
}

type Op = { readonly row: DpRowSpec; readonly retract: boolean; readonly who: Who };

function* permutations(n: number): Generator<number[]> {
  if (n <= 1) {
    yield [0].slice(0, n);
    return;
  }
  for (const rest of permutations(n - 1))
    for (let i = 0; i <= rest.length; i++) yield [...rest.slice(0, i), n - 1, ...rest.slice(i)];
}

/**
 * 2–4 writes and retractions issued at once (Promise.all) on live data points, each naming the
 * version read before: per fact exactly one wins, and the outcomes must be those of some
 * serial order of the same operations (checked against the model in every order).
 */
export function wsConcurrent() {
  return fc
    .record({
      ops: fc.array(fc.record({ row: dpRowSpec, retract: fc.boolean(), who }), {
        minLength: 2,
        maxLength: 4,
      }),
    })
    .map((p) => ({
      label: `wsConcurrent ${json(p)}`,
      step: async (m: Model, real: Real) => {
        const ws = requireWs(real);
        const live = DATA_POINT_SLOTS.map((_, i) => i).filter((i) =>
          isLive(m.facts.dp.get(dataPointKey(dpSlot(i)))),
        );
        if (live.length === 0) return [];
        const ops = p.ops.map((o: Op, i) => {
          const slot = live[o.row.slot % live.length] as number;
          const f = m.facts.dp.get(dataPointKey(dpSlot(slot)));
          const version = f ? versionOf(f) : 0;
          const author = `writer-${i}`;
          return { ...o, slot, version, author, c: change({ ...o.row, slot }, version) };
        });
        // allSettled: a write that throws must not leave the others running while the run closes.
        const settled = await Promise.allSettled(
          ops.map((o) =>
            o.retract
              ? ws.retractDataPoint(o.c.dataPoint.id, o.version, o.who.reason, o.author)
              : ws.writeDataPoints(
                  [{ dataPoint: o.c.dataPoint, expectedVersion: o.version }],
                  o.who.reason,
                  o.author,
                ),
          ),
        );
        const actual = settled.map((s) => {
          if (s.status === 'rejected') throw s.reason;
          return outcomeOf(s.value);
        });
        for (const order of permutations(ops.length)) {
          const trial = cloneModel(m);
          const predicted: Outcome[] = new Array(ops.length);
          for (const i of order) {
            const o = ops[i] as (typeof ops)[number];
            const meta = { author: o.author, reason: o.who.reason, at: real.at };
            predicted[i] = o.retract
              ? modelRetract(trial, o.c.dataPoint.id, o.version, meta)
              : modelWrite(trial, [o.c], meta);
          }
          if (json(predicted) === json(actual)) {
            Object.assign(m, { audit: trial.audit, wsVersion: trial.wsVersion });
            for (const kind of ['dp', 'al'] as const) {
              m.facts[kind].clear();
              for (const [k, f] of trial.facts[kind]) m.facts[kind].set(k, f);
            }
            return ops.map((o) => dataPointKey(dpSlot(o.slot)));
          }
        }
        throw new Divergence(
          `concurrent writes answered ${json(actual)}: no serial order of them gives that`,
        );
      },
    }));
}
