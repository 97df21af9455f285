/**
 * Edit through the API (issue #15): a running server (createApp + listen) over a MemoryWorkspace
 * of a generated group of E entities × I input indicators × 12 monthly data points (default
 * 2,000 × 100 × 12 = 2.4 million data points, the calc benchmark's shape as a Bundle), every
 * indicator summed per entity and consolidated to the group. 200 times: PUT one data point
 * over HTTP and wait for the response, which must carry the recalculated group figure of that
 * indicator with the value expected (previous group value + the change). Reports the median
 * and 95th percentile of the time from sending to the parsed response, and the CPU time of the
 * process per edit. The group values are read (GET /api/figure) before the timed loop.
 * Targets: median ≤ 20 ms, p95 ≤ 50 ms.
 * Run: `BENCH_ONLY=edit npm run bench`, or
 * `node --expose-gc --max-old-space-size=16384 --import tsx bench/edit-bench.ts [entities] [indicators]`.
 */
import { fileURLToPath } from 'node:url';
import { affectedFigures, evaluated, findDataPoint, MemoryWorkspace } from '@assay/app';
import { type Bundle, type DataPoint, Decimal, type Indicator, parseUnit, type Unit } from '@assay/core';
import { builder } from '@assay/core/testing';
import { createApp, listen } from '@assay/server';
import type { BenchResult } from './calc-bench.js';

const MONTHS = 12;
/** Edits timed (BENCH_EDIT_COUNT; 200 by default), after five that warm the server up. */
const EDITS = Number(process.env.BENCH_EDIT_COUNT ?? 200);
const rssMiB = () => Math.round(process.memoryUsage().rss / 2 ** 20);

function unit(symbol: string): Unit {
  const u = parseUnit(symbol);
  if (!u.ok) throw new Error(u.reason);
  return u.unit;
}

/** Deterministic values (as calc-bench.ts): two decimals, 1.00–1000.99. */
function value(e: number, i: number, m: number): string {
  const k = ((e * 7919 + i * 104729 + m * 1299709) % 100000) + 100;
  return `${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;
}

export const dataPointId = (e: number, i: number, m: number) => `b-${e}-${i}-${m}`;
export const indicatorIdOf = (i: number) => `bench.i${i}`;

/** The group as a Bundle: indicators alternate t (mass) and MWh (energy), all summed. */
export function generateEditBundle(entities: number, indicators: number): Bundle {
  const units = [unit('t'), unit('MWh')];
  const indicatorList: Indicator[] = Array.from({ length: indicators }, (_, i) => ({
    id: indicatorIdOf(i),
    name: { 'zh-Hant': `指標 ${i}`, en: `Indicator ${i}` },
    topic: 'bench',
    dimension: i % 2 === 0 ? 'mass' : 'energy',
    unit: (units[i % 2] as Unit).symbol,
    axes: [],
    aggregation: 'sum',
    kind: 'input',
    precision: 2,
  }));
  const entityList = Array.from({ length: entities }, (_, e) => builder.sub(`e${e}`));
  const none = {};
  const dataPoints: DataPoint[] = new Array(entities * indicators * MONTHS);
  let n = 0;
  for (let e = 0; e < entities; e++)
    for (let i = 0; i < indicators; i++)
      for (let m = 1; m <= MONTHS; m++)
        dataPoints[n++] = {
          id: dataPointId(e, i, m),
          entityId: `e${e}`,
          periodId: `2025-${String(m).padStart(2, '0')}`,
          indicatorId: indicatorIdOf(i),
          disaggregation: none,
          quantity: { kind: 'quantity', value: new Decimal(value(e, i, m)), unit: units[i % 2] as Unit },
          source: 'generated',
        };
  const b = builder.bundle({ entities: entityList, frameworks: [] });
  return { ...b, indicators: indicatorList, dataPoints };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};

type FigureJson = { id: string; value: string | null };

export async function benchEdit(
  entities = Number(process.env.BENCH_EDIT_ENTITIES ?? 2000),
  indicators = Number(process.env.BENCH_EDIT_INDICATORS ?? 100),
): Promise<BenchResult[]> {
  const t0 = performance.now();
  const bundle = generateEditBundle(entities, indicators);
  const t1 = performance.now();
  const workspace = new MemoryWorkspace(bundle);
  (globalThis as { gc?: () => void }).gc?.();
  const t2 = performance.now();
  const app = createApp({ workspace }); // evaluates the bundle once (server start-up)
  const t3 = performance.now();
  const server = await listen(app, 0);
  const origin = server.url.replace(/\/$/, '');
  const headers = { 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-origin' };
  const get = async (path: string) => (await fetch(`${origin}${path}`)).json() as Promise<unknown>;

  const facts = entities * indicators * MONTHS;
  const versions = new Map<string, number>();
  const values = new Map<string, Decimal>();
  const groupValue = new Map<number, Decimal>();
  const times: number[] = [];
  /** CPU time of this process (server and client) over the timed edits: steadier than wall time on a loaded machine. */
  let cpuMicros = 0;
  let affectedCount = 0;
  let built: boolean | undefined;
  const parts = { snapshot: [] as number[], write: [] as number[], evaluate: [] as number[] };
  try {
    // The group figures' values before the timed loop (GET /api/figure answers with the lineage
    // of the roll-up, one input per entity: hundreds of ms and much garbage at 2,000 entities),
    // so that the timed PUTs do not pay for the benchmark's own reads; then a full collection.
    for (let k = 0; k < Math.min(EDITS + 5, indicators); k++) {
      const i = (k * 11) % indicators;
      if (groupValue.has(i)) continue;
      const r = (await get(`/api/figure?id=${encodeURIComponent(`${indicatorIdOf(i)}@group/2025`)}`)) as {
        figure: FigureJson;
      };
      groupValue.set(i, new Decimal(r.figure.value ?? 'NaN'));
    }
    (globalThis as { gc?: () => void }).gc?.();
    for (let k = 0; k < EDITS + 5; k++) {
      const e = (k * 37) % entities;
      const i = (k * 11) % indicators;
      const m = (k % MONTHS) + 1;
      const id = dataPointId(e, i, m);
      const groupId = `${indicatorIdOf(i)}@group/2025`;
      if (!groupValue.has(i)) {
        const r = (await get(`/api/figure?id=${encodeURIComponent(groupId)}`)) as { figure: FigureJson };
        groupValue.set(i, new Decimal(r.figure.value ?? 'NaN'));
      }
      const old = values.get(id) ?? new Decimal(value(e, i, m));
      const next = new Decimal(1000 + k).plus('0.25');
      const version = versions.get(id) ?? 1;
      const s0 = performance.now();
      const c0 = process.cpuUsage();
      const res = await fetch(`${origin}/api/data-points/${id}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ value: next.toString(), reason: `bench edit ${k}`, version }),
      });
      const body = (await res.json()) as { figures?: FigureJson[] };
      const elapsed = performance.now() - s0;
      const c1 = process.cpuUsage(c0);
      if (k >= 5) cpuMicros += c1.user + c1.system;
      if (res.status !== 200) throw new Error(`edit ${k}: HTTP ${res.status} ${JSON.stringify(body)}`);
      const group = body.figures?.find((f) => f.id === groupId);
      const expected = (groupValue.get(i) as Decimal).plus(next).minus(old);
      if (!group || group.value === null || !new Decimal(group.value).equals(expected))
        throw new Error(`edit ${k}: group figure ${groupId} is ${group?.value}, expected ${expected}`);
      groupValue.set(i, expected);
      values.set(id, next);
      versions.set(id, version + 1);
      affectedCount = body.figures?.length ?? 0;
      if (k >= 5) times.push(elapsed); // the first five warm the server up
    }
    // Whether the timed edits built the whole data-point array (they should not: the memory
    // workspace's list is chunked and `bundle.dataPoints` is built only when read).
    built = (workspace as unknown as { points?: { materialised?: boolean } }).points?.materialised;
    // Where the time goes, in process on the same workspace: the workspace's own snapshot and
    // write, and the incremental evaluation with the affected figures (evaluation.ts).
    for (let k = 0; k < 20; k++) {
      const id = dataPointId((k * 53) % entities, (k * 7) % indicators, (k % MONTHS) + 1);
      let s0 = performance.now();
      const before = workspace.snapshot();
      parts.snapshot.push(performance.now() - s0);
      const d = findDataPoint(before, id) as DataPoint;
      const quantity = { ...d.quantity, value: d.quantity.value.plus(1) };
      s0 = performance.now();
      const out = await workspace.writeDataPoints(
        [{ dataPoint: { ...d, quantity }, expectedVersion: before.versionOf(id) }],
        'bench breakdown',
        'bench',
      );
      parts.write.push(performance.now() - s0);
      if (!out.ok) throw new Error(`breakdown write ${k}: ${out.reason}`);
      const after = workspace.snapshot();
      s0 = performance.now();
      const ev = evaluated(after);
      const affected = affectedFigures(before, after);
      parts.evaluate.push(performance.now() - s0);
      if (ev.derivation.kind !== 'incremental' || affected.changed.length === 0)
        throw new Error(`breakdown write ${k}: not incremental`);
    }
  } finally {
    await server.close();
  }
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const note = `${entities.toLocaleString('en')} entities × ${indicators} indicators × ${MONTHS} months = ${facts.toLocaleString('en')} data points; bundle ${Math.round((t1 - t0) / 1000)} s, workspace ${Math.round((t2 - t1) / 1000)} s, start-up evaluation ${Math.round((t3 - t2) / 1000)} s, RSS ${rssMiB()} MiB; ${affectedCount} figures in the last response`;
  return [
    {
      name: `edit through the API: PUT one data point, median of ${EDITS}`,
      value: Number(median.toFixed(1)),
      unit: 'ms',
      target: '≤ 20 ms',
      note,
    },
    {
      name: `edit through the API: PUT one data point, 95th percentile of ${EDITS}`,
      value: Number(p95.toFixed(1)),
      unit: 'ms',
      target: '≤ 50 ms',
      note: `max ${Math.max(...times).toFixed(1)} ms; CPU time per edit (mean, whole process) ${(cpuMicros / 1000 / times.length).toFixed(1)} ms; in process, median of 20: workspace snapshot() ${percentile(parts.snapshot, 50).toFixed(1)} ms, workspace writeDataPoints ${percentile(parts.write, 50).toFixed(1)} ms, incremental evaluation + affected figures ${percentile(parts.evaluate, 50).toFixed(1)} ms; data-point array built by the edits: ${built === undefined ? 'n/a' : built ? 'yes' : 'no'}`,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [e, i] = process.argv.slice(2).map(Number);
  for (const r of await benchEdit(e || undefined, i || undefined))
    console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? `  (target ${r.target})` : ''} — ${r.note}`);
}
