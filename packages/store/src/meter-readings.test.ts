/**
 * Meter readings in the store (023-meter-readings.sql; docs/meters.md "Storage") on PGlite and
 * PostgreSQL: an import is all or nothing, the same file (by digest) is not read again, the same
 * readings in another file add nothing, a reading that disagrees with the stored one refuses its
 * file naming the line, monthly sums in the site's calendar, and the register's versions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.js';
import {
  importMeterReadings,
  intervalMonthSums,
  meterReadings,
  meterRegister,
  type ReadingColumns,
  readingsOfMeters,
  type StoredReadingInput,
  saveMeterRegister,
} from './meter-readings.js';
import { migrate } from './migrate.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

const AT = '2026-12-07T04:00:00.000Z';
const backends: [string, () => Promise<{ store: Store; close: () => Promise<void> }>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-readings-store-'));
      const store = await openPgliteStore(dir);
      await migrate(store, AT);
      return {
        store,
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
      const store = await openPostgresStore(db.url);
      await migrate(store, AT);
      return {
        store,
        close: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  ],
];

const sha = (c: string) => c.repeat(64);
const file = (c: string) => ({ sha256: sha(c), source: `${c}.csv`, actor: 'tester', at: AT });
const r = (meterId: string, at: string, value: string, row: number): StoredReadingInput => ({
  meterId,
  at,
  offsetMinutes: Number(at.slice(-6, -3)) * 60,
  value,
  row,
});
const batches = (...bs: StoredReadingInput[][]) =>
  async function* (): AsyncGenerator<StoredReadingInput[]> {
    for (const b of bs) yield b;
  };
/** Readings as the column reader gives them (io readings-columns.ts). */
function columns(
  rows: readonly { meterId: string; epoch: number; offset: number; value: string; row: number }[],
): ReadingColumns {
  const meterIds = [...new Set(rows.map((r) => r.meterId))];
  const bytes = Buffer.from(rows.map((r) => r.value).join(''), 'latin1');
  let end = 0;
  return {
    kind: 'columns',
    length: rows.length,
    meterIds,
    meter: Uint32Array.from(rows.map((r) => meterIds.indexOf(r.meterId))),
    epochSeconds: Float64Array.from(rows.map((r) => r.epoch)),
    offsetMinutes: Int16Array.from(rows.map((r) => r.offset)),
    valueBytes: bytes,
    valueEnds: Uint32Array.from(rows.map((r) => (end += r.value.length))),
    rows: Float64Array.from(rows.map((r) => r.row)),
  };
}

const count = async (s: Store) =>
  Number((await s.query<{ n: string }>('select count(*)::text as n from meter_reading'))[0]?.n);

describe.each(backends)('meter readings on %s', (_name, open) => {
  let b: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    b = await open();
  }, 60_000);
  afterAll(() => b.close());

  it('imports, recognises the same file, and adds nothing for the same readings in another file', async () => {
    const first = [
      r('m1', '2025-01-31T23:45:00+08:00', '1.5', 2),
      r('m1', '2025-02-01T00:00:00+08:00', '2', 3),
    ];
    const one = await importMeterReadings(
      b.store,
      batches(first, [r('m2', '2025-02-01T00:15:00+08:00', '7', 4)]),
      file('a'),
    );
    expect(one).toMatchObject({ ok: true, rowsRead: 3, rowsAdded: 3, alreadyImported: false });
    let consumed = false;
    const again = await importMeterReadings(
      b.store,
      async function* () {
        consumed = true;
        yield first;
      },
      file('a'),
    );
    expect(again).toMatchObject({ ok: true, rowsAdded: 0, alreadyImported: true, source: 'a.csv' });
    expect(consumed).toBe(false);
    // same readings (1.50 = 1.5) plus one new, under another digest
    const other = await importMeterReadings(
      b.store,
      batches([
        r('m1', '2025-01-31T23:45:00+08:00', '1.50', 2),
        r('m1', '2025-02-01T00:15:00+08:00', '3', 3),
      ]),
      file('b'),
    );
    expect(other).toMatchObject({ ok: true, rowsRead: 2, rowsAdded: 1 });
    expect(await count(b.store)).toBe(4);
    expect(await meterReadings(b.store, 'm1')).toEqual([
      { meterId: 'm1', epochSeconds: 1738338300, offsetMinutes: 480, value: '1.5' },
      { meterId: 'm1', epochSeconds: 1738339200, offsetMinutes: 480, value: '2' },
      { meterId: 'm1', epochSeconds: 1738340100, offsetMinutes: 480, value: '3' },
    ]);
  });

  it('refuses a file whose reading disagrees with a stored one, naming the line, and adds nothing', async () => {
    const before = await count(b.store);
    const res = await importMeterReadings(
      b.store,
      batches([r('m3', '2025-03-01T00:15:00+08:00', '1', 2), r('m1', '2025-02-01T00:00:00+08:00', '2.5', 3)]),
      file('c'),
    );
    expect(res).toEqual({
      ok: false,
      conflicts: [{ row: 3, meterId: 'm1', at: '2025-01-31T16:00:00Z', given: '2.5', stored: '2' }],
    });
    expect(await count(b.store)).toBe(before);
    // twice in one file with different values
    const twice = await importMeterReadings(
      b.store,
      batches([r('m4', '2025-03-01T00:15:00+08:00', '1', 2), r('m4', '2025-03-01T00:15:00+08:00', '2', 3)]),
      file('d'),
    );
    expect(twice.ok).toBe(false);
    expect(await count(b.store)).toBe(before);
  });

  it('rolls back when the reader finds a bad row after some batches', async () => {
    const before = await count(b.store);
    const bad = async function* () {
      yield [r('m5', '2025-03-01T00:15:00+08:00', '1', 2)];
      throw new Error('row 3: bad timestamp');
    };
    await expect(importMeterReadings(b.store, bad, file('e'))).rejects.toThrow('row 3: bad timestamp');
    expect(await count(b.store)).toBe(before);
    const files = await b.store.query<{ n: string }>(
      `select count(*)::text as n from meter_reading_file where sha256 = $1`,
      [sha('e')],
    );
    expect(files[0]?.n).toBe('0');
  });

  it('sums interval readings per month of the interval start, in the site offset', async () => {
    const sums = await intervalMonthSums(b.store, [{ id: 'm1', utcOffsetMinutes: 480, intervalMinutes: 15 }]);
    // 23:45 covers 23:30–23:45 Jan 31; 00:00 covers 23:45–24:00 Jan 31; 00:15 covers February
    expect(sums.map((s) => [s.month, s.sum, s.count, s.aligned])).toEqual([
      ['2025-01', '3.5', 2, 2],
      ['2025-02', '3', 1, 1],
    ]);
    // at −05:00 m1's three intervals (31 Jan 10:30 to 11:15 local) are all January; m2's reading
    // at 16:15Z covers 15:15–16:15Z, 1 Feb 05:15–06:15 at +14:00 (February), off a 60-minute grid
    const west = await intervalMonthSums(b.store, [
      { id: 'm1', utcOffsetMinutes: -300, intervalMinutes: 15 },
      { id: 'm2', utcOffsetMinutes: 840, intervalMinutes: 60 },
    ]);
    expect(west.map((s) => [s.meterId, s.month, s.sum, s.count, s.aligned])).toEqual([
      ['m1', '2025-01', '6.5', 3, 3],
      ['m2', '2025-02', '7', 1, 0],
    ]);
  });

  it('imports column batches by binary COPY: values exactly as numeric reads their text, instants to the second', async () => {
    const values = [
      '1.50',
      '-0.0',
      '+.5',
      '0007.250',
      '5.',
      '0',
      '-12345.6789',
      '10000',
      '0.0001',
      '99999999.00000001',
      '9'.repeat(30),
      `-0.${'0'.repeat(29)}1`,
      `${'1'.repeat(30)}.${'2'.repeat(30)}`,
      '123456789012',
    ];
    // 2025-01-01T00:15:00+08:00 and on, every 15 minutes; one far in the past and one far ahead
    const epochs = values.map((_, i) => 1735661700 + 900 * i);
    epochs[0] = -2208988800; // 1900-01-01T00:00Z
    epochs[1] = 32503680000; // 3000-01-01T00:00Z
    const rows = values.map((value, i) => ({
      meterId: i % 2 ? 'bin-b' : 'bin-a',
      epoch: epochs[i] as number,
      offset: i % 2 ? -90 : 480,
      value,
      row: i + 2,
    }));
    const one = await importMeterReadings(
      b.store,
      async function* () {
        yield columns(rows.slice(0, 5));
        yield columns(rows.slice(5));
      },
      file('1'),
    );
    expect(one).toMatchObject({ ok: true, rowsRead: values.length, rowsAdded: values.length });
    const stored = await b.store.query<{ m: string; e: string; o: number; v: string; same: boolean }>(
      `select r.meter_id as m, extract(epoch from r.at)::bigint::text as e, r.utc_offset_minutes as o, r.value::text as v,
              r.value::text = g.t::numeric::text as same
         from meter_reading r join unnest($1::text[], $2::bigint[]) as g(t, e) on extract(epoch from r.at)::bigint = g.e
        where r.meter_id like 'bin-%' order by r.at`,
      [values, epochs],
    );
    expect(stored).toHaveLength(values.length);
    for (const x of stored) expect(x.same, `${x.v}`).toBe(true);
    expect(stored.map((x) => x.v)).toContain('1.50');
    expect(stored.find((x) => Number(x.e) === epochs[1])).toMatchObject({ m: 'bin-b', o: -90, v: '0.0' });
    // the same readings again by columns: the staging path (binary with lines) adds nothing and agrees
    const again = await importMeterReadings(
      b.store,
      async function* () {
        yield columns(rows);
      },
      file('2'),
    );
    expect(again).toMatchObject({ ok: true, rowsRead: values.length, rowsAdded: 0 });
    const clash = await importMeterReadings(
      b.store,
      async function* () {
        yield columns([{ ...rows[3], value: '7.5' } as (typeof rows)[number]]);
      },
      file('3'),
    );
    expect(clash).toMatchObject({
      ok: false,
      conflicts: [{ row: 5, meterId: 'bin-b', given: '7.5', stored: '7.250' }],
    });
    const back = [];
    for await (const m of readingsOfMeters(b.store, ['bin-b', 'nothing', 'bin-a'], 2))
      back.push([m.meterId, m.readings.length]);
    expect(back).toEqual([
      ['bin-b', 7],
      ['nothing', 0],
      ['bin-a', 7],
    ]);
  });

  it('keeps the register in versions and refuses a stale save', async () => {
    expect(await meterRegister(b.store)).toBeUndefined();
    const reg = { meters: [{ id: 'm1', site: 'plant' }], replacements: [] };
    const who = { actor: 'tester', reason: 'first register', at: AT };
    expect(await saveMeterRegister(b.store, reg, 0, who)).toEqual({ ok: true, version: 1 });
    expect(await saveMeterRegister(b.store, reg, 0, who)).toEqual({ ok: false, currentVersion: 1 });
    expect(await meterRegister(b.store)).toEqual({ version: 1, ...reg });
    await expect(b.store.exec('delete from meter_reading')).rejects.toThrow(/append-only/);
  });
});
