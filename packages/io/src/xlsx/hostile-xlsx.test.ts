/**
 * Workbooks small on disk but ruinous to read: limits by value (row and column numbers, areas of
 * merges, validations and names) and by the bytes every entry really inflates to, all checked
 * before exceljs sees the file (issue #14, item 7). Each file is real ZIP bytes made by hand.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFacts } from '@assay/store';
import { minimalStore, type TestStore, WHO } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_LIMITS } from '../import/limits.js';
import { handMadeWorkbook } from './hand-made-workbook.js';
import { readFactsXlsx } from './read-template.js';
import { checkXlsxZip } from './zip-guard.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-hostile-xlsx-'));
let t: TestStore;
beforeAll(async () => {
  t = await minimalStore();
});
afterAll(async () => {
  await t?.close();
});

function file(name: string, bytes: Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}
const load = (path: string) =>
  importFacts(t.store, () => readFactsXlsx(path, t.ctx, { entity: 'smelter', period: '2025' }), {
    ...WHO,
    subject: path,
  });
const num = (r: string) => `<c r="${r}"><v>1</v></c>`;

describe('values in a worksheet beyond what a workbook can hold are refused by the guard', () => {
  const cases: [string, Parameters<typeof handMadeWorkbook>[0], RegExp][] = [
    [
      'row 2^31 (a 31 KB file of this kind took 60 s in exceljs)',
      { rows: `<row r="2147483648">${num('A2147483648')}</row>` },
      /worksheet xl\/worksheets\/sheet1\.xml: row 2147483648 is past the last row a worksheet can have \(1048576\)/,
    ],
    [
      'a cell reference on row 2^31 in a row without a number',
      { rows: `<row>${num('A2147483648')}</row>` },
      /sheet1\.xml: cell A2147483648 is past the last row a worksheet can have \(1048576\)/,
    ],
    [
      'a column past XFD',
      { rows: `<row r="1">${num('XFE1')}</row>` },
      /sheet1\.xml: cell XFE1 is past the last column a worksheet can have \(XFD\)/,
    ],
    [
      'a column range of 2^31 columns',
      { beforeData: '<cols><col min="1" max="2147483647" width="5"/></cols>' },
      /sheet1\.xml: <col max="2147483647"> is past the last column a worksheet can have \(16384\)/,
    ],
    [
      'a merge over the whole sheet (exceljs visits every cell of it)',
      { afterData: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' },
      /sheet1\.xml: merged cells, data validations and defined names cover more than 1048576 cells/,
    ],
    [
      'a data validation over the whole sheet',
      {
        afterData:
          '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
      },
      /sheet1\.xml: merged cells, data validations and defined names cover more than 1048576 cells/,
    ],
    [
      'a defined name over the whole sheet',
      {
        workbookExtra:
          '<definedNames><definedName name="all">Data!$A$1:$XFD$1048576</definedName></definedNames>',
      },
      /xl\/workbook\.xml: defined name "all": merged cells, data validations and defined names cover more than 1048576 cells/,
    ],
    [
      'a defined name on row 2^31',
      {
        workbookExtra:
          '<definedNames><definedName name="far">Data!$A$2147483648</definedName></definedNames>',
      },
      /xl\/workbook\.xml: defined name "far" refers to row 2147483648, past the last row a worksheet can have/,
    ],
    [
      'a cell reference spelled with a character reference',
      { rows: `<row r="1"><c r="&#65;1"><v>1</v></c></row>` },
      /sheet1\.xml: <c r="&#65;1"> is not a cell reference/,
    ],
  ];
  for (const [what, parts, reason] of cases) {
    it(`refuses ${what}, naming the file and entry, and stores nothing`, async () => {
      const p = file('hostile.xlsx', handMadeWorkbook(parts));
      expect(await checkXlsxZip(p, 'hostile.xlsx', XLSX_LIMITS)).toEqual([
        { file: 'hostile.xlsx', reason: expect.stringMatching(reason) },
      ]);
      const before = await t.snapshot();
      expect(await load(p)).toMatchObject({
        ok: false,
        issues: [{ file: 'hostile.xlsx', reason: expect.stringMatching(reason) }],
      });
      expect(await t.snapshot()).toEqual(before);
    });
  }

  it('accepts the last row and column a worksheet can have, and a validation over one whole column', async () => {
    const p = file(
      'edge.xlsx',
      handMadeWorkbook({
        rows: `<row r="1048576">${num('XFD1048576')}</row>`,
        afterData:
          '<dataValidations count="1"><dataValidation type="decimal" sqref="D2:D1048576"><formula1>0</formula1></dataValidation></dataValidations>',
      }),
    );
    expect(await checkXlsxZip(p, 'edge.xlsx', XLSX_LIMITS)).toEqual([]);
  });

  it('counts cells, not only rows', async () => {
    const p = file(
      'cells.xlsx',
      handMadeWorkbook({ rows: `<row r="1">${['A1', 'B1', 'C1'].map(num).join('')}</row>` }),
    );
    expect(await checkXlsxZip(p, 'cells.xlsx', { ...XLSX_LIMITS, maxCells: 2 })).toEqual([
      { file: 'cells.xlsx', reason: expect.stringMatching(/more than 2 cells/) },
    ]);
  });
});

describe('every entry is inflated under a cap, whatever the ZIP directory says', () => {
  it('refuses a sharedStrings.xml that inflates past the size its directory declares', async () => {
    // 20 MiB of spaces that the directory calls 4 KiB: the declared sizes and ratios look harmless.
    const p = file(
      'forged.xlsx',
      handMadeWorkbook({
        extra: [{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(20 * 1024 ** 2, 32), declaredSize: 4096 }],
      }),
    );
    const reason =
      /entry xl\/sharedStrings\.xml inflates to more than the 4096 bytes its ZIP directory declares/;
    expect(await checkXlsxZip(p, 'forged.xlsx', XLSX_LIMITS)).toEqual([
      { file: 'forged.xlsx', reason: expect.stringMatching(reason) },
    ]);
    const before = await t.snapshot();
    expect(await load(p)).toMatchObject({ ok: false, issues: [{ reason: expect.stringMatching(reason) }] });
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses any entry, not only worksheets, whose real size is past the total', async () => {
    const p = file(
      'styles.xlsx',
      handMadeWorkbook({ extra: [{ name: 'xl/styles.xml', data: Buffer.alloc(3 * 1024 ** 2, 32) }] }),
    );
    expect(
      await checkXlsxZip(p, 'styles.xlsx', { ...XLSX_LIMITS, maxBytes: 1024 ** 2, maxRatio: 1e9 }),
    ).toEqual([
      { file: 'styles.xlsx', reason: expect.stringMatching(/inflate to \d+ bytes \(limit 1048576\)/) },
    ]);
  });

  it('refuses an archive with more entries than the limit before listing them all', async () => {
    const extra = Array.from({ length: 30 }, (_, i) => ({
      name: `xl/media/p${i}.bin`,
      data: Buffer.from('x'),
    }));
    const p = file('entries.xlsx', handMadeWorkbook({ extra }));
    expect(await checkXlsxZip(p, 'entries.xlsx', { ...XLSX_LIMITS, maxEntries: 20 })).toEqual([
      { file: 'entries.xlsx', reason: expect.stringMatching(/35 ZIP entries \(limit 20\)/) },
    ]);
  });
});

describe('messages about unreadable workbooks do not quote the library', () => {
  it('says a workbook whose parts do not fit together is not a valid XLSX workbook', async () => {
    // A worksheet entry whose root is not <worksheet>: exceljs fails with
    // "Cannot set properties of undefined (setting 'sheetNo')".
    const p = file('parts.xlsx', handMadeWorkbook({ sheetXml: '<chartsheet/>' }));
    const r = await load(p);
    expect(r).toMatchObject({
      ok: false,
      issues: [{ file: 'parts.xlsx', reason: expect.stringMatching(/^not a valid XLSX workbook \(/) }],
    });
    if (!r.ok) expect(r.issues[0]?.reason).not.toMatch(/undefined|properties|TypeError/);
  });

  it('says a file that is not a ZIP archive is not an XLSX file, without the ZIP library’s words', async () => {
    const p = file('text.xlsx', Buffer.from('entity,period\n'));
    const issues = await checkXlsxZip(p, 'text.xlsx', XLSX_LIMITS);
    expect(issues).toEqual([
      { file: 'text.xlsx', reason: expect.stringMatching(/not an XLSX file \(not a ZIP archive/) },
    ]);
    expect(issues[0]?.reason).not.toMatch(/signature|central directory/);
  });
});
