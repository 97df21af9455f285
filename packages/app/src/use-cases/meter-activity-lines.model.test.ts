/**
 * Writing the meter roll-up as activity lines, model-based (fast-check; issue #22): random
 * imports of hourly readings (any subset of hours, any order, repeats) interleaved with writes,
 * on a real PGlite store holding examples/minimal. The model is the set of readings imported;
 * after each write, every offered line is `unchanged` and its amount is exactly core's
 * rollUpReadings over the model's readings (so a gap estimated across an earlier month's
 * readings changes that month's line too), and a write with no import since the last one writes
 * nothing (idempotent). Each run uses its own month of one meter; the store and the model carry
 * over between runs, as the lines do.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal, type MeterReading, parseInstant, rollUpReadings } from '@assay/core';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreWorkspace } from '../workspace/store-workspace.js';
import { importMeterReadingsCsv } from './import-meter-readings.js';
import { offerMeterActivityLines, writeMeterActivityLines } from './meter-activity-lines.js';
import { loadMeters, saveMeterRegister } from './meters.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

const METER = {
  id: 'e',
  site: 'smelter',
  carrier: 'electricity',
  unit: 'kWh',
  multiplier: '3',
  mode: 'interval',
  interval_minutes: '60',
  utc_offset: '+08:00',
};

let dir: string;
let store: Store;
let ws: StoreWorkspace;
const AT = '2026-12-07T00:00:00Z';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-meter-lines-model-'));
  store = await openPgliteStore(dir);
  await migrate(store, AT);
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  const saved = await saveMeterRegister({
    ws,
    store,
    meters: [METER],
    replacements: [],
    version: 0,
    author: 't',
    at: AT,
  });
  if (!saved.ok) throw new Error(saved.error.message);
}, 120_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The model: readings imported so far (instant text → value), over all runs. */
const model = new Map<string, string>();
let fileNo = 0;

/** Hour `hour` of a month at +08:00: the wall clock is the UTC clock of (month start + hours). */
const instant = (month: number, hour: number) =>
  `${new Date(Date.UTC(2025, month - 1, 1) + hour * 3_600_000).toISOString().slice(0, 19)}+08:00`;
/** The value at an hour: a function of the hour, so a repeat never conflicts. */
const valueAt = (hour: number) => String((hour % 5) + 1);

async function check(expectNothing: boolean): Promise<void> {
  const base = { ws, store };
  const w = await writeMeterActivityLines({ ...base, reason: 'model', author: 'model' });
  if (!w.ok) throw new Error(w.error.message);
  if (expectNothing) expect([...w.value.created, ...w.value.updated]).toEqual([]);
  const offer = await offerMeterActivityLines(base);
  if (!offer.ok) throw new Error(offer.error.message);
  const meters = await loadMeters(base);
  if (!meters.ok) throw new Error(meters.error.message);
  const readings: MeterReading[] = [...model].map(([at, v]) => {
    const p = parseInstant(at);
    if (!p.ok) throw new Error(p.reason);
    return { meterId: 'e', at: p.instant.epochSeconds, offsetMinutes: 480, value: new Decimal(v) };
  });
  const core = rollUpReadings(meters.value, readings).lines;
  expect(offer.value.lines.map((l) => [l.id, l.action, l.fields?.amount])).toEqual(
    core.map((l) => [`meter.smelter.electricity.${l.month}`, 'unchanged', l.amount.toFixed()]),
  );
}

describe('meter lines written from imports (model-based)', () => {
  it('after every write the lines are core’s roll-up of the readings, and writing again writes nothing', async () => {
    let run = 0;
    const hours = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 12 });
    const step = fc.oneof(
      hours.map((h) => ({ kind: 'import' as const, hours: h })),
      fc.constant({ kind: 'write' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        const month = 1 + (run++ % 12);
        let dirty = true;
        for (const s of steps) {
          if (s.kind === 'write') {
            await check(!dirty);
            dirty = false;
            continue;
          }
          const rows = s.hours.map((h) => `e,${instant(month, h)},${valueAt(h)}`);
          const out = await importMeterReadingsCsv({
            ws,
            store,
            fileName: `f${++fileNo}.csv`,
            bytes: new TextEncoder().encode(`meter,timestamp,value\n${rows.join('\n')}\n`),
            author: 'model',
            at: AT,
          });
          if (!out.ok) throw new Error(out.error.message);
          for (const h of s.hours) model.set(instant(month, h), valueAt(h));
          dirty = true;
        }
        await check(!dirty);
        await check(true); // once more: nothing to write
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 300_000);
});
