/**
 * The stored roll-up (database sums for complete months, core for the rest) gives exactly what
 * core's roll-up of the same readings gives, on a real PGlite store fed through the CSV reader:
 * complete months, a gap, a negative value, a cumulative meter with a roll-over.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal, type MeterReading, rollUpReadings, validateMeterRegister } from '@assay/core';
import { fileSha256, readMeterReadingsCsv } from '@assay/io';
import { importMeterReadings, migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollUpStoredReadings } from './roll-up-stored.js';

const AT = '2026-12-07T04:00:00.000Z';
const register = validateMeterRegister({
  meters: [
    {
      id: 'a',
      site: 'plant',
      carrier: 'electricity',
      unit: 'kWh',
      multiplier: '2',
      mode: 'interval',
      interval_minutes: '60',
      utc_offset: '+08:00',
    },
    {
      id: 'b',
      site: 'plant',
      carrier: 'electricity',
      unit: 'kWh',
      mode: 'interval',
      interval_minutes: '60',
      utc_offset: '+08:00',
    },
    {
      id: 'c',
      site: 'plant',
      carrier: 'water',
      unit: 'm3',
      mode: 'cumulative',
      rollover_at: '1000',
      utc_offset: '+08:00',
    },
  ],
  replacements: [],
});
if (!register.ok) throw new Error('register');
const meters = register.meters;

/** Hourly readings for Feb–Mar 2025 at +08:00 (epoch of 2025-02-01T00:00+08:00 = 1738339200). */
function lines(): string[] {
  const out = ['meter,timestamp,value'];
  const start = 1738339200;
  for (let h = 1; h <= (28 + 31) * 24; h++) {
    const t = new Date((start + h * 3600 + 8 * 3600) * 1000).toISOString().slice(0, 19);
    out.push(`a,${t}+08:00,${(h % 7) + 0.25}`);
    if (h !== 100 && h !== 101) out.push(`b,${t}+08:00,${h === 500 ? -1 : (h % 5) + 1}`);
    if (h % 24 === 0) out.push(`c,${t}+08:00,${(900 + h) % 1000}`);
  }
  return out;
}

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-meter-rollup-'));
  store = await openPgliteStore(join(dir, 'store'));
  await migrate(store, AT);
}, 240_000);
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('roll-up over stored readings', () => {
  it('equals core’s roll-up of the same readings; the same file again adds nothing', async () => {
    const csv = join(dir, 'readings.csv');
    await writeFile(csv, `${lines().join('\n')}\n`);
    const sha256 = await fileSha256(csv);
    const ids = new Set(meters.map((m) => m.id));
    const imported = await importMeterReadings(store, () => readMeterReadingsCsv(csv, { meterIds: ids }), {
      sha256,
      source: 'readings.csv',
      actor: 't',
      at: AT,
    });
    expect(imported).toMatchObject({ ok: true, rowsRead: lines().length - 1 - 0, alreadyImported: false });
    const again = await importMeterReadings(store, () => readMeterReadingsCsv(csv, { meterIds: ids }), {
      sha256,
      source: 'readings.csv',
      actor: 't',
      at: AT,
    });
    expect(again).toMatchObject({ ok: true, rowsAdded: 0, alreadyImported: true });

    const stored = await rollUpStoredReadings(store, meters);
    const readings: MeterReading[] = [];
    for await (const batch of readMeterReadingsCsv(csv))
      for (const r of batch)
        readings.push({
          meterId: r.meterId,
          at: r.epochSeconds,
          offsetMinutes: r.offsetMinutes,
          value: new Decimal(r.value),
        });
    const pure = rollUpReadings(meters, readings);
    const show = (ls: typeof pure.lines) => JSON.stringify(ls.map((l) => ({ ...l, unit: l.unit.symbol })));
    expect(show(stored.lines)).toBe(show(pure.lines));
    // a is complete in both months: summed in the database; b (gap, negative) and c (cumulative) read back
    expect(stored.metersReadBack).toEqual(['b', 'c']);
    expect(stored.summedInDatabase).toBe(2);
    const feb = stored.lines.find((l) => l.carrier === 'electricity' && l.month === '2025-02');
    expect(feb?.isEstimated).toBe(true);
  }, 120_000);
});
