/**
 * Write any table (header + rows of text, e.g. a bundle table or the audit log) as CSV or
 * XLSX, with formula injection neutralised. CSV is streamed to disk; XLSX holds one sheet per table.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { excel } from '../xlsx/exceljs.js';
import { neutralise, spreadsheetCell } from './neutralise.js';

export type TextTable = {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>;
};

export async function writeTableCsv(table: TextTable, path: string): Promise<void> {
  async function* records() {
    yield table.header.map(neutralise);
    for await (const r of table.rows) yield r.map(neutralise);
  }
  await pipeline(Readable.from(records()), stringify({ record_delimiter: '\n' }), createWriteStream(path));
}

export async function writeTablesXlsx(tables: readonly TextTable[], path: string): Promise<void> {
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ filename: path, useSharedStrings: false });
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31));
    ws.addRow(t.header.map(neutralise)).commit();
    for await (const r of t.rows) ws.addRow(r.map(spreadsheetCell)).commit();
    ws.commit();
  }
  await wb.commit();
}
