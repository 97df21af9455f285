/** What the template's sheet readers share: the column keys of row 1 and where an issue is. */
import type ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import { DISPLAY_ONLY } from './template-layout.js';

export type SheetColumn = { readonly index: number; readonly key: string };

/** The column keys of row 1: the last line of each header cell; display-only columns left out. */
export function headerColumns(ws: ExcelJS.Worksheet): SheetColumn[] {
  const header = ws.getRow(1);
  const cols: SheetColumn[] = [];
  for (let c = 1; c <= header.cellCount; c++) {
    const t = cellText(header.getCell(c).value);
    const key = t.ok ? (t.text.split('\n').pop() ?? '').trim() : '';
    if (key === '' || DISPLAY_ONLY.has(key)) continue;
    cols.push({ index: c, key });
  }
  return cols;
}

/** The place of an issue: file, sheet, row, and the column as "key (letter)". */
export function issuePlace(ws: ExcelJS.Worksheet, file: string) {
  return (row: number, col?: number, key?: string) => ({
    file,
    sheet: ws.name,
    row,
    ...(col === undefined ? {} : { column: `${key ?? ''} (${ws.getColumn(col).letter})` }),
  });
}
