/**
 * What the XLSX guard checks inside the XML entries exceljs reads (entry names matched as
 * exceljs's xlsx.js matches them): in worksheets, tables and comments every row and cell number,
 * every ref/sqref and <col min max>, and the counts of rows and cells; the cells covered by merges,
 * data validations and defined names (exceljs visits each); the number of shared strings.
 * Counts are for the whole workbook.
 */
import type { XlsxLimits } from '../import/limits.js';
import { checkCell, checkColumnNumber, checkRow, definedNameCells, rangeList } from './cell-refs.js';
import { attrValues, decodeEntities, type TagHandler } from './xml-tags.js';

export type Tally = { rows: number; cells: number; strings: number; rangeCells: number };

export const newTally = (): Tally => ({ rows: 0, cells: 0, strings: 0, rangeCells: 0 });

/** How exceljs finds the parts it parses (xlsx.js `load`: one leading "/" dropped, patterns unanchored). */
const SHEET_LIKE = [/xl\/worksheets\/sheet\d+[.]xml/, /xl\/tables\/table\d+[.]xml/, /xl\/comments\d+[.]xml/];

export type EntryCheck = { readonly withText: ReadonlySet<string>; readonly onTag: TagHandler };

/** The checks for one entry, or undefined for entries that are only inflated and counted. */
export function entryCheck(entryName: string, tally: Tally, limits: XlsxLimits): EntryCheck | undefined {
  const name = entryName.startsWith('/') ? entryName.slice(1) : entryName;
  if (name === 'xl/workbook.xml')
    return {
      withText: new Set(['definedName']),
      onTag: definedNames(`workbook ${entryName}`, tally, limits),
    };
  if (name === 'xl/sharedStrings.xml') return { withText: new Set(), onTag: sharedStrings(tally, limits) };
  if (SHEET_LIKE.some((p) => p.test(name)))
    return { withText: new Set(), onTag: sheetTags(`${kindOf(name)} ${entryName}`, tally, limits) };
  return undefined;
}

function kindOf(name: string): string {
  return name.includes('/worksheets/') ? 'worksheet' : name.includes('/tables/') ? 'table' : 'comments';
}

const tooManyRanges = (limits: XlsxLimits) =>
  `merged cells, data validations and defined names cover more than ${limits.maxRangeCells} cells`;

/** Tags whose ranges exceljs expands cell by cell. */
const EXPANDED = new Set(['mergeCell', 'dataValidation']);

function sheetTags(where: string, tally: Tally, limits: XlsxLimits): TagHandler {
  const at = (reason: string) => `${where}: ${reason}`;
  return (name, attrs) => {
    if (name === 'row') {
      if (++tally.rows > limits.maxRows) return `more than ${limits.maxRows} worksheet rows`;
      for (const r of attrValues(attrs, 'r')) {
        const bad = checkRow(r, `row ${r}`);
        if (bad) return at(bad);
      }
    } else if (name === 'c') {
      if (++tally.cells > limits.maxCells) return `more than ${limits.maxCells} cells`;
      for (const r of attrValues(attrs, 'r')) {
        const bad = checkCell(r, `<c r="${r}">`);
        if (bad) return at(bad);
      }
    } else if (name === 'col') {
      for (const k of ['min', 'max'])
        for (const v of attrValues(attrs, k)) {
          const bad = checkColumnNumber(v, `<col ${k}="${v}">`);
          if (bad) return at(bad);
        }
    }
    for (const k of ['ref', 'sqref'])
      for (const v of attrValues(attrs, k)) {
        const refs = rangeList(v, `<${name} ${k}="${v}">`);
        if (!refs.ok) return at(refs.reason);
        if (!EXPANDED.has(name)) continue;
        tally.rangeCells += refs.cells;
        if (tally.rangeCells > limits.maxRangeCells) return at(tooManyRanges(limits));
      }
    return undefined;
  };
}

function definedNames(where: string, tally: Tally, limits: XlsxLimits): TagHandler {
  return (name, attrs, text) => {
    if (name !== 'definedName' || text === undefined) return undefined;
    const label = `defined name "${decodeEntities(attrValues(attrs, 'name')[0] ?? '')}"`;
    const refs = definedNameCells(decodeEntities(text), label);
    if (!refs.ok) return `${where}: ${refs.reason}`;
    tally.rangeCells += refs.cells;
    if (tally.rangeCells > limits.maxRangeCells) return `${where}: ${label}: ${tooManyRanges(limits)}`;
    return undefined;
  };
}

function sharedStrings(tally: Tally, limits: XlsxLimits): TagHandler {
  return (name) =>
    name === 'si' && ++tally.strings > limits.maxCells
      ? `more than ${limits.maxCells} shared strings`
      : undefined;
}
