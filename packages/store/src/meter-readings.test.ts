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
