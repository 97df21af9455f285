/** The long readings CSV: rows, every bad row named, nothing yielded from a bad file, hostile input (fuzz). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MeterReadingsRejected, type ReadingRow } from './reading-row.js';
import { readMeterReadingsCsv } from './readings-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-readings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const p = join(dir, `r${n++}.csv`);
  writeFileSync(p, text);
  return p;
}

async function collect(
  path: string,
  meterIds?: ReadonlySet<string>,
): Promise<{ batches: ReadingRow[][]; error?: MeterReadingsRejected }> {
  const batches: ReadingRow[][] = [];
  try {
    for await (const b of readMeterReadingsCsv(path, {
      file: 'r.csv',
      batchRows: 2,
      ...(meterIds ? { meterIds } : {}),
    }))
      batches.push(b);
    return { batches };
  } catch (e) {
    if (e instanceof MeterReadingsRejected) return { batches, error: e };
    throw e;
  }
}

describe('readings CSV', () => {
  it('streams rows in batches with their lines', async () => {
    const r = await collect(
      file(
        '\uFEFFtimestamp,meter,value\r\n2025-01-01T00:15:00+08:00,m1,1.5\r\n2025-01-01T00:30:00+08:00,m1,2\n\n2025-01-01T00:45:00Z,m2,1e2\n',
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.batches.map((b) => b.length)).toEqual([2, 1]);
    expect(r.batches.flat()).toEqual([
      {
        meterId: 'm1',
        at: '2025-01-01T00:15:00+08:00',
        epochSeconds: 1735661700,
        offsetMinutes: 480,
        value: '1.5',
        row: 2,
      },
      {
        meterId: 'm1',
        at: '2025-01-01T00:30:00+08:00',
        epochSeconds: 1735662600,
        offsetMinutes: 480,
        value: '2',
        row: 3,
      },
      {
        meterId: 'm2',
        at: '2025-01-01T00:45:00Z',
        epochSeconds: 1735692300,
        offsetMinutes: 0,
        value: '100',
        row: 5,
      },
    ]);
  });

  it('names every bad row and column, and yields nothing after the first', async () => {
    const r = await collect(
      file(
        'meter,timestamp,value\nm1,2025-01-01T00:15:00+08:00,1\nm1,2025-01-01T00:30:00,2\nm9,2025-01-01T00:45:00+08:00,1,234\nm1,2025-02-30T00:00:00+08:00,x\nm1,2025-01-01T01:00:00+08:00,3\n',
      ),
      new Set(['m1']),
    );
    expect(r.batches).toEqual([]);
    expect(r.error?.issues.map((i) => `${i.row}:${i.column ?? ''}`)).toEqual([
      '3:timestamp',
      '4:',
      '5:timestamp',
      '5:value',
    ]);
    expect(r.error?.message).toContain('nothing was imported');
  });

  it('names a reading of a meter not in the register', async () => {
    const r = await collect(file('meter,timestamp,value\nm9,2025-01-01T00:15:00+08:00,1\n'), new Set(['m1']));
    expect(r.error?.issues).toEqual([
      { file: 'r.csv', row: 2, column: 'meter', reason: 'meter "m9" is not in the meter register' },
    ]);
  });

  it('refuses a bad header and an unclosed quote', async () => {
    expect((await collect(file('meter,time,value\n'))).error?.issues.map((i) => i.column)).toEqual([
      'field 2',
      'timestamp',
    ]);
    expect((await collect(file('meter,timestamp,value\nm1,"2025,1\n'))).error?.issues).toHaveLength(1);
    expect((await collect(file(''))).error?.issues[0]?.reason).toContain('empty');
  });

  it('hostile input: either rows or a rejection naming rows, never a crash (fuzz)', async () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc
        .tuple(
          fc.constantFrom('m1', '', '"m\n1"', 'm 1', '\u0000'),
          fc.constantFrom('2025-01-01T00:15:00+08:00', '2025-13-01T00:00Z', ''),
          fc.oneof(fc.double().map(String), fc.string({ maxLength: 12 })),
        )
        .map((c) => c.join(',')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), async (lines) => {
        const r = await collect(file(`meter,timestamp,value\n${lines.join('\n')}`));
        if (r.error) {
          expect(r.batches).toEqual([]);
          for (const i of r.error.issues) expect(i.file).toBe('r.csv');
          expect(r.error.issues.length).toBeGreaterThan(0);
        } else for (const row of r.batches.flat()) expect(row.meterId).toMatch(/^[A-Za-z0-9]/);
      }),
      { numRuns: 150 },
    );
  });
});
