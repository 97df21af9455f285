/**
 * CSV text ↔ raw tables (RFC 4180 via csv-parse / csv-stringify). A leading UTF-8 BOM is
 * dropped. Line numbers are 1-based file lines of each record's start (header = line 1). Each
 * field is held to its column's length cap (import/field-caps.ts).
 */
import type { RawTable } from '@assay/core';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { fieldProblem } from './import/field-caps.js';

export class CsvSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

export function parseCsvTable(file: string, text: string): RawTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new CsvSyntaxError(file, err.lines ?? 0, err.message);
  }
  const [head, ...rest] = records;
  if (!head) return { file, header: [], rows: [] };
  const header = head.record.map((h) => h.trim());
  for (const r of records)
    r.record.forEach((cell, k) => {
      const name = r === head ? undefined : header[k];
      const column = name !== undefined && name.length <= 200 ? name : `field ${k + 1}`;
      const long = fieldProblem(column, cell);
      if (long) throw new CsvSyntaxError(file, r.info.lines, `column ${column}: ${long}`);
    });
  return { file, header, rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

export function tableToCsv(table: RawTable): string {
  return stringify([table.header as string[], ...table.rows.map((r) => r.cells as string[])], {
    record_delimiter: '\n',
  });
}
