/**
 * The column reader against the row reader (readings-csv.ts): the same readings (meter, instant,
 * offset, value, line) and the same named bad rows for any input, read in small pieces so lines
 * cross reads (fuzz), and a time-major file with CRLF, a BOM and values in other spellings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MeterReadingsRejected } from './reading-row.js';
import { type ReadingColumnBatch, readMeterReadingColumns } from './readings-columns.js';
import { readMeterReadingsCsv } from './readings-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-reading-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const p = join(dir, `r${n++}.csv`);
  writeFileSync(p, text);
  return p;
}

type Flat = { meterId: string; epochSeconds: number; offsetMinutes: number; value: string; row: number };

function rowsOf(b: ReadingColumnBatch): Flat[] {
  const out: Flat[] = [];
  const text = new TextDecoder();
  for (let i = 0; i < b.length; i++)
    out.push({
      meterId: b.meterIds[b.meter[i] as number] as string,
      epochSeconds: b.epochSeconds[i] as number,
      offsetMinutes: b.offsetMinutes[i] as number,
      value: text.decode(b.valueBytes.subarray(i === 0 ? 0 : b.valueEnds[i - 1], b.valueEnds[i])),
      row: b.rows[i] as number,
    });
  return out;
}

async function both(path: string, meterIds: ReadonlySet<string> | undefined, chunkBytes: number) {
  const opts = { file: 'r.csv', batchRows: 3, ...(meterIds ? { meterIds } : {}) };
  const run = async <T>(it: AsyncIterable<T>, flat: (t: T) => Flat[]) => {
    const rows: Flat[] = [];
    try {
      for await (const b of it) rows.push(...flat(b));
      return { rows, issues: undefined, more: 0 };
    } catch (e) {
      if (!(e instanceof MeterReadingsRejected)) throw e;
      return { rows: undefined, issues: e.issues, more: e.more };
    }
  };
  const byRows = await run(readMeterReadingsCsv(path, opts), (b) =>
    b.map(({ meterId, epochSeconds, offsetMinutes, value, row }) => ({
      meterId,
      epochSeconds,
      offsetMinutes,
      value,
      row,
    })),
  );
  const byColumns = await run(readMeterReadingColumns(path, { ...opts, chunkBytes }), rowsOf);
  return { byRows, byColumns };
}

describe('readings CSV into columns', () => {
  it('gives the readings of a time-major file with a BOM, CRLF and other spellings', async () => {
    const path = file(
      '\uFEFFvalue,meter,timestamp\r\n1.50,m1,2025-01-01T00:15:00+08:00\r\n-0.0,m2,2025-01-01T00:15:00+08:00\r\n' +
        ' 7 ,m1,2025-01-01T00:30:00+08:00\r\n1e2,m2,2025-01-01 00:30:00+0800\r\n\r\n+.5,m1,2025-01-01T00:45:00Z',
    );
    const { byRows, byColumns } = await both(path, new Set(['m1', 'm2']), 7);
    expect(byRows.issues).toBeUndefined();
    expect(byColumns).toEqual(byRows);
    expect(byColumns.rows?.map((r) => `${r.row}:${r.meterId}:${r.value}`)).toEqual([
      '2:m1:1.50',
      '3:m2:-0.0',
      '4:m1:7',
      '5:m2:100',
      '7:m1:+.5',
    ]);
  });

  it('names the same bad rows, a long line included', async () => {
    const path = file(
      `meter,timestamp,value\nm1,2025-01-01T00:15:00+08:00,1\nm9,2025-01-01T00:15:00+08:00,2\n${'x'.repeat(5000)}\nm1,2025-01-01T00:30:00,3\nm1,2025-01-01T00:45:00+08:00,1,5\n`,
    );
    const { byRows, byColumns } = await both(path, new Set(['m1']), 64);
    expect(byRows.issues?.map((i) => `${i.row}:${i.column ?? ''}`)).toEqual([
      '3:meter',
      '4:',
      '5:timestamp',
      '6:',
    ]);
    expect(byColumns).toEqual(byRows);
  });

  it('agrees with the row reader on any input, read in small pieces (fuzz)', async () => {
    const meter = fc.constantFrom(
      'm1',
      'm2',
      'm3',
      'm1',
      'm2',
      'm9',
      '',
      ' m1',
      '"m1"',
      'm\u00e91',
      'm1"',
      'm-1.a:b_c',
    );
    const at = fc.constantFrom(
      '2025-01-01T00:15:00+08:00',
      '2025-01-01T00:15:00+08:00',
      '2025-01-01T00:30:00+08:00',
      '2025-01-01 00:15:00Z',
      '2025-01-01T00:15:00.000-0130',
      '2025-13-01T00:00Z',
      '2025-02-29T00:00:00Z',
      '2025-01-01T00:15:00',
      '',
    );
    const value = fc.oneof(
      fc.constantFrom(
        '1',
        '1.50',
        '-0',
        '.5',
        '5.',
        '+2',
        '1e3',
        '1,000',
        'x',
        '',
        '0007.250',
        '.',
        '-',
        '1.2.3',
      ),
      fc.constantFrom(`${'9'.repeat(30)}`, `${'9'.repeat(31)}`, `0.${'1'.repeat(30)}`, `0.${'1'.repeat(31)}`),
      fc.double().map(String),
    );
    const noise = fc.string({ maxLength: 8 });
    // fields in the header's order: meter, timestamp, value by their index in `order`
    const orders = [
      ['meter', 'timestamp', 'value'],
      ['timestamp', 'value', 'meter'],
    ] as const;
    const record = fc.tuple(meter, at, value, fc.integer({ min: 0, max: 19 }), noise);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1),
        fc.constantFrom('', '\uFEFF'),
        fc.array(record, { maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (o, bom, records, eol, chunk, withRegister) => {
          const order = orders[o] ?? orders[0];
          const lines = records.map(([m, t, v, dice, junk]) => {
            const cells = order.map((c) => (c === 'meter' ? m : c === 'timestamp' ? t : v));
            // now and then: an extra field, a missing one, a line of noise, an empty line
            if (dice === 0) cells.push(junk);
            if (dice === 1) cells.pop();
            if (dice === 2) return junk;
            if (dice === 3) return '';
            return cells.join(',');
          });
          const path = file(`${bom}${order.join(',')}${eol}${lines.join(eol)}`);
          const { byRows, byColumns } = await both(
            path,
            withRegister ? new Set(['m1', 'm2', 'm3']) : undefined,
            chunk,
          );
          expect(byColumns).toEqual(byRows);
        },
      ),
      { numRuns: 400 },
    );
  });
});
