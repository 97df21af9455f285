/**
 * DOCX tables in the "Assay Table" style (docx-styles.ts) with column widths that fit their
 * content: each column gets its widest line's share of the text width, read in display columns
 * (a CJK character counts two, others one), between a floor and a cap so that one long provision
 * title cannot squeeze the numbers. Number cells and their heads are right aligned (Table Number).
 */
import { type DocxNode, docx } from './docx-api.js';
import { STYLE, TEXT_WIDTH_TWIPS } from './docx-styles.js';

const { Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } = docx;

/** `indent`: a breakdown row's first cell, set in by one step (TableBlock.levels). */
export type DocxCell = {
  readonly text: string;
  readonly numeric?: boolean;
  readonly bold?: boolean;
  readonly indent?: boolean;
};

/** Display columns of a text: East Asian wide and full-width characters count two. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s)
    n +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return n;
}

/** Twips per display column at the table's 8.5 pt (a Latin character about 0.55 em) and a cell's side margins. */
const COLUMN_TWIPS = 100;
const CELL_MARGINS = 170;
/** The widest piece a line cannot break inside: a Latin word; CJK text breaks between characters. */
const unbreakable = (s: string) =>
  Math.max(0, ...s.split(/[\s\u2e80-\u9fff\uff00-\uffef]+/u).map(displayWidth));

/**
 * Widths in twips summing to the text width. Each column first gets its longest unbreakable
 * word (so "Score" is never cut into "Scor/e"), then the rest of the width is shared by what each
 * column still wants (its longest line, at most 40 display columns: longer text wraps).
 * `fixed` shares (fractions of the width) override the rule for their columns.
 */
export function columnWidths(
  rows: readonly (readonly DocxCell[])[],
  fixed?: readonly (number | undefined)[],
): number[] {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const tw = (n: number) => n * COLUMN_TWIPS + CELL_MARGINS;
  const texts = (c: number) => rows.map((r) => r[c]?.text ?? '');
  // one column of slack: bold head text ("2023") is wider than the 0.55 em average
  const min = Array.from({ length: cols }, (_, c) => tw(Math.max(3, ...texts(c).map(unbreakable)) + 1));
  const want = Array.from({ length: cols }, (_, c) =>
    Math.max(min[c] ?? 0, tw(Math.min(40, Math.max(...texts(c).map(displayWidth))))),
  );
  const fixedTw = (fixed ?? []).map((f) => (f === undefined ? undefined : Math.round(f * TEXT_WIDTH_TWIPS)));
  const flex = [...Array(cols).keys()].filter((c) => fixedTw[c] === undefined);
  const room = TEXT_WIDTH_TWIPS - fixedTw.reduce<number>((s, f) => s + (f ?? 0), 0);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const minSum = sum(flex.map((c) => min[c] ?? 0));
  const wantSum = sum(flex.map((c) => want[c] ?? 0));
  const widths = [...Array(cols).keys()].map((c) => {
    const f = fixedTw[c];
    if (f !== undefined) return f;
    const lo = min[c] ?? 0;
    const hi = want[c] ?? 0;
    if (wantSum <= room) return (hi * room) / wantSum; // everything fits: widen in proportion
    if (minSum >= room) return (lo * room) / minSum; // not even the words fit: shrink in proportion
    return lo + ((hi - lo) * (room - minSum)) / (wantSum - minSum || 1);
  });
  return widths.map(Math.round);
}

function cell(c: DocxCell, width: number, head: boolean): DocxNode {
  const style = c.numeric ? STYLE.tableNumber : head ? STYLE.tableHead : STYLE.tableText;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        style,
        ...(c.indent ? { indent: { left: 240 } } : {}),
        children: [new TextRun({ text: c.text, ...(head || c.bold ? { bold: true } : {}) })],
      }),
    ],
  });
}

/** A table: `head` repeats on every page; a column is numeric when its body cells all are. */
export function docxTable(
  head: readonly string[],
  rows: readonly (readonly DocxCell[])[],
  fixed?: readonly (number | undefined)[],
): DocxNode {
  const numericCol = head.map((_, c) => rows.length > 0 && rows.every((r) => r[c]?.numeric === true));
  const headCells: DocxCell[] = head.map((text, c) => ({ text, numeric: numericCol[c] ?? false }));
  const widths = columnWidths([headCells, ...rows], fixed);
  const row = (cells: readonly DocxCell[], isHead: boolean) =>
    new TableRow({
      tableHeader: isHead,
      cantSplit: true,
      children: widths.map((w, c) => cell(cells[c] ?? { text: '' }, w, isHead)),
    });
  return new Table({
    style: STYLE.table,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(headCells, true), ...rows.map((r) => row(r, false))],
  });
}
