/**
 * No English in the Calculations sheet of the zh-Hant XLSX for a Scope 3 bundle
 * (examples/scope3-demo, through `assay report`): the Scope 3 lineage nodes (methods/scope3/*)
 * are labelled in Chinese (report/lineage-text.ts), like the fuel nodes. The same rule as
 * report-localisation.test.ts: every Latin-script word in a cell of the sheet must be on the
 * allow-list, column A (node ids) excepted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'assay-report-zh-s3-'));

const ALLOWED_WORDS = new Set(['GRI', 'IFRS', 'S2', 'SASB', 'ESG', 'KPI', 'IPCC', 'C2', 'GB/T']);
const CODE = /^[A-Z][A-Z\d]*(?:\.[A-Za-z\d]+)+$/;
const WORD = /[A-Za-z][A-Za-z\d]*(?:[./-][A-Za-z\d]+)*/g;

/** Each word not allowed, once, with where it first is and the text around it. */
function leaks(cells: { text: string; where: string }[]): { word: string; first: string }[] {
  const by = new Map<string, { word: string; first: string }>();
  for (const { text, where } of cells)
    for (const m of text.matchAll(WORD)) {
      const word = m[0];
      if (ALLOWED_WORDS.has(word) || CODE.test(word) || by.has(word)) continue;
      by.set(word, { word, first: `${where}: ${text}` });
    }
  return [...by.values()];
}

beforeAll(async () => {
  const args = ['report', join(root, 'examples/scope3-demo'), '--out', dir, '--lang', 'zh-Hant'];
  const quiet = { out: () => {}, err: (t: string) => console.error(t) };
  expect(await main([...args, '--format', 'xlsx'], quiet)).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the zh-Hant XLSX of scope3-demo', () => {
  it('Calculations sheet: Scope 3 nodes in Chinese, no English outside the allow-list', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'report.zh-Hant.xlsx'));
    const ws = wb.getWorksheet('計算');
    expect(ws).toBeDefined();
    const cells: { text: string; where: string }[] = [];
    let idColumn = false;
    let scope3Rows = 0;
    ws?.eachRow((row, r) => {
      const id = row.getCell(1).value;
      if (typeof id === 'string' && /:(co2e|wtt|upstream|td-loss)$/.test(id)) scope3Rows++;
      row.eachCell((cell, c) => {
        const v = cell.value;
        if (typeof v !== 'string') return;
        if (c === 1 && v === '節點') idColumn = true;
        else if (c === 1 && idColumn) return;
        cells.push({ text: v, where: `計算!${cell.address} (row ${r})` });
      });
    });
    expect(scope3Rows).toBeGreaterThan(0);
    expect(leaks(cells)).toEqual([]);
  });
});
