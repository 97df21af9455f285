/**
 * Bundle → graph benchmark (issue #15): a generated Bundle of E entities × 12 months × 100
 * input indicators as DataPoints (default 2,000 × 12 × 100 = 2.4 million data points, each
 * with a parsed Decimal quantity as a loaded bundle holds them) plus 2 activity lines per
 * entity and month (fuel, purchased electricity), then
 *   - buildGraph(bundle): facts, activity methods, consolidation, derived rules and the first
 *     full evaluation (what a workspace does when it loads a bundle);
 *   - graph.evaluate() again on the built graph (full evaluation alone);
 *   - evaluateBundle(bundle): build + the figure list, end to end;
 *   - checkBundle on that evaluation: every check rule (server start-up, `assay check`).
 * Wall and CPU time (process.cpuUsage, all threads) are printed for each, with RSS and the
 * load average, because the machine is shared. Run: `BENCH_ONLY=bundle-graph npm run bench`,
 * or `node --expose-gc --import tsx bench/bundle-graph-bench.ts [entities]`.
 */
import { loadavg } from 'node:os';
import {
  type Bundle,
  buildGraph,
  checkBundle,
  type DataPoint,
  Decimal,
  evaluateBundle,
  type Indicator,
  standardCatalogue,
  unitOf,
} from '@assay/core';
import { builder } from '@assay/core/testing';
import type { BenchResult } from './calc-bench.js';

const { bundle, line, sub } = builder;

const MONTHS = 12;
const INDICATORS = 100;
const PERIODS = Array.from({ length: MONTHS }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`);
const rssMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * 100 additive input indicators: the standard catalogue's unsplit sum inputs under their own
 * ids (so the derived rules that use them run), then copies under bench ids up to 100.
 */
function benchIndicators(): { ids: Indicator[]; extra: Indicator[] } {
  const base = standardCatalogue().filter(
    (i) => i.kind === 'input' && i.aggregation === 'sum' && i.axes.length === 0 && !i.signed,
  );
  const ids = base.slice(0, INDICATORS);
  const extra: Indicator[] = [];
  for (let k = 0; ids.length + extra.length < INDICATORS; k++) {
    const b = base[k % base.length] as Indicator;
    extra.push({ ...b, id: `bench.${String(k).padStart(2, '0')}` });
  }
  return { ids, extra };
}

/** Deterministic value text with two decimals (no Math.random: repeatable). */
function valueText(e: number, i: number, m: number): string {
  const k = ((e * 7919 + i * 104729 + m * 1299709) % 100000) + 100;
  return `${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;
}

export function generateBundle(entities: number): Bundle {
  const { ids, extra } = benchIndicators();
  const indicators = [...ids, ...extra];
  const units = indicators.map((i) => unitOf(i.unit));
  const subs = Array.from({ length: entities }, (_, e) => sub(`e${String(e).padStart(4, '0')}`));
  const data: DataPoint[] = [];
  const noSplit = {};
  for (let e = 0; e < entities; e++) {
    const entityId = (subs[e] as { id: string }).id;
    for (let i = 0; i < INDICATORS; i++) {
      const indicatorId = (indicators[i] as Indicator).id;
      for (let m = 0; m < MONTHS; m++) {
        data.push({
          id: `d${e}.${i}.${m}`,
          entityId,
          periodId: PERIODS[m] as string,
          indicatorId,
          disaggregation: noSplit,
          quantity: { kind: 'quantity', value: new Decimal(valueText(e, i, m)), unit: units[i] as never },
          source: 'generated',
        });
      }
    }
  }
  const lines = subs.flatMap((s, e) =>
    PERIODS.flatMap((p, m) => [
      line(s.id, 'fuel', 'diesel', `${10 + ((e + m) % 37)} t`, { use: 'combustion', period: p }),
      line(s.id, 'electricity-purchased', 'grid', `${100 + ((e * 7 + m) % 500)} MWh`, { period: p }),
    ]),
  );
  return { ...bundle({ entities: subs, data, lines }), indicators: extra };
}

function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  gc();
  const w0 = performance.now();
  const c0 = cpuMs();
  const value = f();
  return { value, wall: performance.now() - w0, cpu: cpuMs() - c0 };
}

export async function benchBundleGraph(
  entities = Number(process.env.BUNDLE_GRAPH_ENTITIES ?? 2000),
): Promise<BenchResult[]> {
  const gen = timed(() => generateBundle(entities));
  const b = gen.value;
  const facts = b.dataPoints.length + b.activityLines.length;
  const rssBundle = rssMiB();
  const loadBefore = load();
  const built = timed(() => buildGraph(b));
  const rssBuilt = rssMiB();
  const nodes = built.value.graph.size;
  const evaluation = timed(() => built.value.graph.evaluate());
  built.value = undefined as never;
  gc();
  const whole = timed(() => evaluateBundle(b));
  const figures = whole.value.figures.length;
  const rssWhole = rssMiB();
  // the checker on that evaluation, as a server does at start-up and `assay check` does
  const checked = timed(() => checkBundle(b, undefined, whole.value));
  const note = (t: { wall: number; cpu: number }) =>
    `CPU ${(t.cpu / 1000).toFixed(2)} s; load ${loadBefore} → ${load()}`;
  const s = (ms: number) => Number((ms / 1000).toFixed(2));
  return [
    {
      name: `bundle generated (${entities} entities, ${b.dataPoints.length} data points, ${b.activityLines.length} activity lines)`,
      value: s(gen.wall),
      unit: 's',
      note: `CPU ${(gen.cpu / 1000).toFixed(2)} s; RSS with the bundle ${rssBundle} MiB`,
    },
    {
      name: `buildGraph(bundle), ${facts} facts → ${nodes} nodes, first evaluation included`,
      value: s(built.wall),
      unit: 's',
      target: '≤ 3 s (load and build)',
      note: `${note(built)}; RSS ${rssBuilt} MiB`,
    },
    {
      name: 'full evaluation of the built graph',
      value: s(evaluation.wall),
      unit: 's',
      target: '≤ 1 s',
      note: note(evaluation),
    },
    {
      name: `evaluateBundle(bundle), ${figures} figures`,
      value: s(whole.wall),
      unit: 's',
      note: `${note(whole)}; RSS ${rssWhole} MiB`,
    },
    {
      name: `checkBundle on that evaluation, ${checked.value.findings.length} findings`,
      value: s(checked.wall),
      unit: 's',
      note: note(checked),
    },
  ];
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const n = process.argv[2] ? Number(process.argv[2]) : undefined;
  for (const r of await benchBundleGraph(n)) console.log(`${r.name}: ${r.value} ${r.unit} — ${r.note}`);
}
