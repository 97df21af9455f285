/**
 * Cell references in worksheet XML and defined names, read for the XLSX guard: where a reference
 * points and how many cells a range covers, against Excel's own limits (1,048,576 rows and 16,384
 * columns, A to XFD: "Excel specifications and limits"). exceljs accepts larger row numbers and
 * then spends minutes on them, and it visits every cell of a merge, a data validation range or
 * a defined name's range, so those areas are what the guard counts.
 */
export const LAST_ROW = 1_048_576;
export const LAST_COLUMN = 16_384;
export const LAST_COLUMN_LETTERS = 'XFD';

export type Area = { readonly rows: number; readonly columns: number };
/** A parsed list of references, or why it is refused. */
export type Refs = { ok: true; cells: number } | { ok: false; reason: string };

const PAST_ROW = `past the last row a worksheet can have (${LAST_ROW})`;
const PAST_COLUMN = `past the last column a worksheet can have (${LAST_COLUMN_LETTERS})`;

/** "A"→1 … "XFD"→16384; anything longer than three letters is past XFD (returned as Infinity). */
export function columnNumber(letters: string): number {
  if (letters.length > 3) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/** A row number as written: digits without a leading zero; Infinity past ten digits. */
function rowNumber(digits: string): number {
  return digits.length > 10 ? Number.POSITIVE_INFINITY : Number(digits);
}

/** Why a row number in `what` is refused, or undefined. */
export function checkRow(text: string, what: string): string | undefined {
  if (!/^[1-9]\d*$/.test(text)) return `${what} is not a row number`;
  return rowNumber(text) > LAST_ROW ? `${what} is ${PAST_ROW}` : undefined;
}

/** Why a column number (as in <col min max>) in `what` is refused, or undefined. */
export function checkColumnNumber(text: string, what: string): string | undefined {
  if (!/^[1-9]\d*$/.test(text)) return `${what} is not a column number`;
  return rowNumber(text) > LAST_COLUMN
    ? `${what} is past the last column a worksheet can have (${LAST_COLUMN})`
    : undefined;
}

const CELL = /^\$?([A-Z]+)\$?([1-9]\d*)$/;

/** Why a single cell reference ("B12", "$B$12") is refused, or undefined. */
export function checkCell(ref: string, what: string): string | undefined {
  const m = CELL.exec(ref);
  if (!m) return `${what} is not a cell reference`;
  if (columnNumber(m[1] as string) > LAST_COLUMN) return `cell ${ref} is ${PAST_COLUMN}`;
  if (rowNumber(m[2] as string) > LAST_ROW) return `cell ${ref} is ${PAST_ROW}`;
  return undefined;
}

/** One end of a range: a cell, a whole column ("C", "$C") or a whole row ("7", "$7"). */
const END = /^\$?([A-Z]*)\$?(\d*)$/;

/**
 * A space-separated list of cells and ranges as in ref="A1:B2" or sqref="A1 C3:D9": the cells it
 * covers (overlaps counted twice, as exceljs visits them twice), or why it is refused.
 */
export function rangeList(value: string, what: string): Refs {
  let cells = 0;
  for (const item of value.trim().split(/\s+/)) {
    const ends = item.split(':');
    if (ends.length > 2) return { ok: false, reason: `${what} is not a cell reference or range` };
    const parsed: { col: number | undefined; row: number | undefined }[] = [];
    for (const e of ends) {
      const m = END.exec(e);
      const letters = m?.[1] ?? '';
      const digits = m?.[2] ?? '';
      if (!m || (letters === '' && digits === '') || /^0/.test(digits))
        return { ok: false, reason: `${what} is not a cell reference or range` };
      const col = letters === '' ? undefined : columnNumber(letters);
      const row = digits === '' ? undefined : rowNumber(digits);
      if (col !== undefined && col > LAST_COLUMN)
        return { ok: false, reason: `${what} reaches ${PAST_COLUMN}` };
      if (row !== undefined && row > LAST_ROW) return { ok: false, reason: `${what} reaches ${PAST_ROW}` };
      parsed.push({ col, row });
    }
    const [a, b = a] = parsed as [(typeof parsed)[0], (typeof parsed)[0]?];
    if ((a.col === undefined) !== (b.col === undefined) || (a.row === undefined) !== (b.row === undefined))
      return { ok: false, reason: `${what} is not a cell reference or range` };
    const rows = a.row === undefined || b.row === undefined ? LAST_ROW : Math.abs(b.row - a.row) + 1;
    const columns = a.col === undefined || b.col === undefined ? LAST_COLUMN : Math.abs(b.col - a.col) + 1;
    cells += rows * columns;
  }
  return { ok: true, cells };
}

/**
 * A defined name's formula ("Data!$A$1:$D$20", "'My sheet'!$B$2,Data!$C:$C", "0.25"), read as
 * exceljs reads it (defined-name-xform's extractRanges and col-cache's decodeEx/decodeAddress),
 * but erring high: a range's rows are bounded by all the digits of each end (exceljs uses some of
 * them), its columns by exceljs's own rule (capital letters before the first digit). Returns
 * the cells exceljs could visit, or why the name is refused (a row past the last one).
 */
export function definedNameCells(formula: string, what: string): Refs {
  let cells = 0;
  for (const item of formula.split(',')) {
    // exceljs's decodeEx: an optional quoted or plain sheet name and "!", then the reference.
    const reference = /(?:(?:(?:'(?:[^']|'')*')|[^'^ !]*)!)?(.*)/.exec(item)?.[1] ?? item;
    const ends = reference.split(':').slice(0, 2).map(looseEnd);
    for (const e of ends)
      if (e.row > LAST_ROW) return { ok: false, reason: `${what} refers to row ${e.digits}, ${PAST_ROW}` };
    const [a, b] = ends;
    if (!a || !b || a.col === 0 || b.col === 0 || a.digits === '' || b.digits === '') continue;
    cells += (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
  }
  return { ok: true, cells };
}

/** Columns: exceljs's capitals before the first digit (capped at XFD: exceljs throws past it); rows: all digits. */
function looseEnd(text: string): { col: number; row: number; digits: string } {
  let letters = '';
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += text[i];
    else if (digits === '' && c >= 65 && c <= 90) letters += text[i];
  }
  return {
    col: Math.min(columnNumber(letters), LAST_COLUMN),
    row: digits === '' ? 0 : rowNumber(digits.replace(/^0+(?=\d)/, '')),
    digits,
  };
}
