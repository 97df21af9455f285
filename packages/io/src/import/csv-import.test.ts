import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFacts, readBundle } from '@assay/store';
import { minimalStore, type TestStore, WHO } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleTables } from '../export/bundle-tables.js';
import { writeTableCsv } from '../export/table-files.js';
import { readFactsCsv } from './csv-facts.js';
import { CSV_LIMITS } from './limits.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-csv-'));
const DP_HEADER = 'entity,period,indicator,disaggregation,value,unit,source';
let t: TestStore;
beforeAll(async () => {
  t = await minimalStore();
});
afterAll(async () => {
  await t?.close();
});

function csv(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const load = (path: string, limits = CSV_LIMITS) =>
  importFacts(t.store, () => readFactsCsv(path, t.ctx, limits), { ...WHO, subject: path });

describe('importing a long-format CSV', () => {
  it('adds new facts once; the same file again adds nothing', async () => {
    const p = csv(
      'water.csv',
      `${DP_HEADER}\nsmelter,2025,water.withdrawal,,12345.678,m³,water meter\nmine,2025-03,water.withdrawal,,99,m³,water meter\n`,
    );
    expect(await load(p)).toMatchObject({
      ok: true,
      changed: true,
      counts: { dataPoints: { added: 2, revised: 0 } },
    });
    const before = await t.snapshot();
    expect(await load(p)).toMatchObject({ ok: true, changed: false });
    expect(await t.snapshot()).toEqual(before);
  });

  it('imports activity lines by their header', async () => {
    const p = csv(
      'fuel.csv',
      'id,entity,period,activity,subject,use,amount,unit,source\nx1,smelter,2025-01,fuel,diesel,combustion,3.5,t,fuel card\n',
    );
    expect(await load(p)).toMatchObject({ ok: true, counts: { activityLines: { added: 1 } } });
  });
});

describe('a bad CSV changes nothing and names file, row, column and reason', () => {
  const good = 'smelter,2025,water.recycled,,10,m³,meter';
  const cases: [string, string, { row?: number; column?: string; reason: RegExp }][] = [
    [
      'an unknown unit',
      'smelter,2025,water.recycled,,10,furlongs,meter',
      { row: 3, column: 'unit', reason: /unknown unit "furlongs"/ },
    ],
    [
      'a unit of the wrong dimension',
      'smelter,2025,water.recycled,,10,kWh,meter',
      { row: 3, column: 'unit', reason: /is energy, but water.recycled is volume/ },
    ],
    [
      'an unknown indicator',
      'smelter,2025,water.teleported,,10,m³,meter',
      { row: 3, column: 'indicator', reason: /unknown indicator/ },
    ],
    [
      'an unknown entity',
      'atlantis,2025,water.recycled,,10,m³,meter',
      { row: 3, column: 'entity', reason: /unknown entity "atlantis"/ },
    ],
    [
      'an entity name instead of its id',
      '冶煉廠,2025,water.recycled,,10,m³,meter',
      { row: 3, column: 'entity', reason: /use the entity id "smelter"/ },
    ],
    ['NaN', 'smelter,2025,water.recycled,,NaN,m³,meter', { row: 3, column: 'value', reason: /not a number/ }],
    [
      'Infinity',
      'smelter,2025,water.recycled,,Infinity,m³,meter',
      { row: 3, column: 'value', reason: /not a number/ },
    ],
    [
      '1e309',
      'smelter,2025,water.recycled,,1e309,m³,meter',
      { row: 3, column: 'value', reason: /out of range/ },
    ],
    [
      '"1,234.5"',
      'smelter,2025,water.recycled,,"1,234.5",m³,meter',
      { row: 3, column: 'value', reason: /comma/ },
    ],
    [
      '"1.234,5"',
      'smelter,2025,water.recycled,,"1.234,5",m³,meter',
      { row: 3, column: 'value', reason: /comma/ },
    ],
    [
      'a period outside the reporting years',
      'smelter,2019,water.recycled,,10,m³,meter',
      { row: 3, column: 'period', reason: /outside the reporting years 2025, 2024/ },
    ],
    ['a duplicate row', good, { row: 3, reason: /duplicate data point.*line 2/ }],
  ];
  for (const [what, line, expected] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await t.snapshot();
      const r = await load(csv('bad.csv', `${DP_HEADER}\n${good}\n${line}\n`));
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.issues).toEqual([
          expect.objectContaining({
            file: 'bad.csv',
            ...expected,
            reason: expect.stringMatching(expected.reason),
          }),
        ]);
      expect(await t.snapshot()).toEqual(before);
    });
  }

  it('refuses a header such as __proto__ before reading rows', async () => {
    const r = await load(csv('proto.csv', `${DP_HEADER},__proto__\n${good},x\n`));
    expect(r).toMatchObject({
      ok: false,
      issues: [{ row: 1, column: '__proto__', reason: /unknown column/ }],
    });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reports every bad row, across batches, and finds duplicates between batches', async () => {
    const before = await t.snapshot();
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `smelter,2025,water.withdrawal,source=s${i},${i},m³,meter`,
    );
    rows[10] = 'smelter,2025,water.withdrawal,source=x,ten,m³,meter';
    rows[5500] = 'smelter,2025,water.recycled,,10,parsecs,meter';
    const r = await load(csv('many.csv', `${DP_HEADER}\n${rows.join('\n')}\n`));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => [i.row, i.column])).toEqual([
        [12, 'value'],
        [5502, 'unit'],
      ]);
    rows[10] = `smelter,2025,water.withdrawal,source=s10,10,m³,meter`;
    rows[5500] = rows[1] ?? ''; // the same fact as line 3, in the second batch of 5000 rows
    const dup = await load(csv('dup.csv', `${DP_HEADER}\n${rows.join('\n')}\n`));
    expect(dup.ok).toBe(false);
    if (!dup.ok)
      expect(dup.issues.map((i) => [i.row, i.reason])).toEqual([
        [5502, expect.stringMatching(/duplicate data point.*line 3$/)],
      ]);
    expect(await t.snapshot()).toEqual(before);
  });

  it('stops at the row limit and imports nothing', async () => {
    const before = await t.snapshot();
    const r = await load(csv('big.csv', `${DP_HEADER}\n${[good, good, good, good].join('\n')}\n`), {
      ...CSV_LIMITS,
      maxRows: 3,
    });
    expect(r).toMatchObject({ ok: false, issues: [{ row: 5, reason: /more than 3 rows/ }] });
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a file over the size limit before parsing', async () => {
    const r = await load(csv('size.csv', `${DP_HEADER}\n${good}\n`), { ...CSV_LIMITS, maxBytes: 10 });
    expect(r).toMatchObject({ ok: false, issues: [{ reason: /bytes; the limit is 10/ }] });
  });
});

describe('formula injection', () => {
  it('exports dangerous text neutralised and imports it back unchanged', async () => {
    const evil = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\tx'];
    const body = evil.map(
      (e, i) => `mine,2025,water.withdrawal,source=e${i},${i},m³,"${e.replace(/"/g, '""')}"`,
    );
    expect(await load(csv('evil.csv', `${DP_HEADER}\n${body.join('\n')}\n`))).toMatchObject({ ok: true });
    const b = await readBundle(t.store);
    if (!b.ok) throw new Error('store unreadable');
    const out = join(dir, 'export.csv');
    await writeTableCsv(bundleTables(b.bundle)['data-points'], out);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain("'@SUM(A1)");
    expect(text).not.toMatch(/,[=+@-][^0-9]/); // no cell starts with a live formula character
    const before = await t.snapshot();
    expect(await load(out)).toMatchObject({ ok: true, changed: false });
    expect(await t.snapshot()).toEqual(before);
  });
});
