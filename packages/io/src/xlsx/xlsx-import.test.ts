import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standardCatalogue } from '@assay/core';
import { importFacts } from '@assay/store';
import { minimalStore, type TestStore, WHO } from '@assay/store/testing';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_LIMITS } from '../import/limits.js';
import { buildTemplate } from './build-template.js';
import { buildZip } from './build-zip.js';
import { readFactsXlsx } from './read-template.js';
import { META_SHEET } from './template-layout.js';
import { checkXlsxZip } from './zip-guard.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-xlsx-'));
let t: TestStore;
beforeAll(async () => {
  t = await minimalStore();
});
afterAll(async () => {
  await t?.close();
});

const smelter = () => ({ id: 'smelter', name: { 'zh-Hant': '示例冶煉廠', en: 'Demo Smelter' } });

/** A fresh template for the smelter's 2025, with `fill` applied to the sheet of each indicator. */
async function filled(
  name: string,
  fill: Record<string, Partial<Record<string, ExcelJS.CellValue>>>,
): Promise<string> {
  const wb = buildTemplate({ entity: smelter(), periodId: '2025', catalogue: standardCatalogue() });
  for (const ws of wb.worksheets) {
    ws.eachRow((row, n) => {
      const id = row.getCell(1).value;
      if (n === 1 || typeof id !== 'string' || !fill[id]) return;
      for (const [key, v] of Object.entries(fill[id] ?? {})) row.getCell(key).value = v ?? null;
    });
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const load = (path: string, limits = XLSX_LIMITS) =>
  importFacts(t.store, () => readFactsXlsx(path, t.ctx, { limits }), { ...WHO, subject: path });

describe('the XLSX data-entry template', () => {
  it('has a sheet per topic with bilingual headers, unit lists and the entity and period it is for', async () => {
    const wb = buildTemplate({ entity: smelter(), periodId: '2025', catalogue: standardCatalogue() });
    const water = wb.getWorksheet('water');
    expect(water?.getRow(1).getCell(4).value).toBe('數值 Value\nvalue');
    const row = water?.getRows(2, 5)?.find((r) => r.getCell(1).value === 'water.withdrawal');
    expect(row?.getCell(5).value).toBe('m³');
    expect(row?.getCell(5).dataValidation).toMatchObject({
      type: 'list',
      formulae: [expect.stringMatching(/^"m³,/)],
    });
    expect(wb.getWorksheet(META_SHEET)?.state).toBe('veryHidden');
    expect(wb.worksheets.length).toBeGreaterThan(4);
  });

  it('imports the filled rows (new or correcting), skips empty ones, and adds nothing the second time', async () => {
    const p = await filled('ok.xlsx', {
      'water.withdrawal': { value: 1234.5, source: 'water meter' },
      'employees.headcount': { value: 400, source: 'HR', disaggregation: 'gender=male' },
    });
    expect(await load(p)).toMatchObject({
      ok: true,
      changed: true,
      counts: { dataPoints: { added: 1, revised: 1 } },
    }); // headcount corrects the bundle's 300
    const before = await t.snapshot();
    expect(await load(p)).toMatchObject({ ok: true, changed: false });
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses bad cells, naming file, sheet, row and column, and changes nothing', async () => {
    const before = await t.snapshot();
    const p = await filled('bad.xlsx', {
      'water.withdrawal': { value: 'lots', source: 'meter' },
      'water.recycled': { value: { formula: '1+1', result: 2 }, source: 'meter' },
      'materials.hazardous': { value: 5, unit: 'kWh', source: 'stores' },
    });
    const r = await load(p);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            file: 'bad.xlsx',
            sheet: 'water',
            column: 'value (D)',
            reason: expect.stringMatching(/not a number/),
          }),
          expect.objectContaining({
            sheet: 'water',
            column: 'value (D)',
            reason: expect.stringMatching(/formulas are not accepted/),
          }),
          expect.objectContaining({
            sheet: 'materials',
            column: 'unit (E)',
            reason: expect.stringMatching(/is energy/),
          }),
        ]),
      );
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a cell longer than its column allows, naming sheet, row and column', async () => {
    const before = await t.snapshot();
    const p = await filled('long.xlsx', {
      'water.withdrawal': { value: 1, source: 'meter', comment: 'c'.repeat(10_001) },
    });
    expect(await load(p)).toMatchObject({
      ok: false,
      issues: [
        {
          file: 'long.xlsx',
          sheet: 'water',
          column: 'comment (H)',
          reason: '10001 characters long; the limit for comment is 10000',
        },
      ],
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a __proto__ header', async () => {
    const wb = buildTemplate({ entity: smelter(), periodId: '2025', catalogue: standardCatalogue() });
    const ws = wb.getWorksheet('water');
    if (!ws) throw new Error('no water sheet');
    ws.getRow(1).getCell(9).value = '__proto__';
    ws.getRow(2).getCell(9).value = 'x';
    ws.getRow(2).getCell(4).value = 1;
    const p = join(dir, 'proto.xlsx');
    await wb.xlsx.writeFile(p);
    const r = await load(p);
    expect(r).toMatchObject({
      ok: false,
      issues: [{ sheet: 'water', row: 1, reason: expect.stringMatching(/unknown column "__proto__"/) }],
    });
  });
});

describe('hostile workbooks are refused before exceljs reads them', () => {
  it('refuses a zip bomb by its compression ratio', async () => {
    const p = join(dir, 'bomb.xlsx');
    writeFileSync(p, buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 ** 2) }]));
    const before = await t.snapshot();
    expect(await load(p)).toMatchObject({
      ok: false,
      issues: [{ file: 'bomb.xlsx', reason: expect.stringMatching(/inflates \d+×.*zip bomb/) }],
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses entries whose sizes add up past the limit', async () => {
    const p = join(dir, 'big.xlsx');
    writeFileSync(p, buildZip([{ name: 'a.xml', data: Buffer.alloc(3 * 1024 ** 2) }]));
    const issues = await checkXlsxZip(p, 'big.xlsx', { ...XLSX_LIMITS, maxBytes: 1024 ** 2, maxRatio: 1e9 });
    expect(issues).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(/inflate to 3145728 bytes \(limit 1048576\)/),
      }),
    ]);
  });

  it('refuses an entry that inflates past the size its directory declares', async () => {
    const p = join(dir, 'liar.xlsx');
    writeFileSync(
      p,
      buildZip([
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * 1024 ** 2, 32), declaredSize: 4096 },
      ]),
    );
    const issues = await checkXlsxZip(p, 'liar.xlsx', XLSX_LIMITS);
    expect(issues).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(
          /sheet1.xml inflates to more than the 4096 bytes its ZIP directory declares/,
        ),
      }),
    ]);
  });

  it('refuses a workbook with a million rows by counting rows, not by parsing it', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 2}"/>`);
    const sheet = `<worksheet><sheetData><row r="1"/>${rows.join('')}</sheetData></worksheet>`;
    const p = join(dir, 'million.xlsx');
    writeFileSync(p, buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) }]));
    const issues = await checkXlsxZip(p, 'million.xlsx', { ...XLSX_LIMITS, maxRatio: 1e9 });
    expect(issues).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/more than 100000 worksheet rows/) }),
    ]);
    expect(await load(p)).toMatchObject({ ok: false });
  });
});
