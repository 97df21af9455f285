/**
 * `assay export <dir|file.csv|file.xlsx>`: the store's current state as a bundle folder, one
 * table as CSV, every table as XLSX (formula injection neutralised, numbers kept as numbers), or
 * with --template --entity E --period P a blank data-entry workbook.
 */
import { extname } from 'node:path';
import { type Bundle, bundleCatalogue } from '@assay/core';
import {
  buildTemplate,
  bundleTables,
  EXPORT_TABLES,
  formatImportIssue,
  MAX_PREFILLED_LINES,
  printable,
  saveBundle,
  type TextTable,
  templateLines,
  writeTableCsv,
  writeTablesXlsx,
} from '@assay/io';
import { currentFactRows, type FactTableName, factTableHeader, readBundle, type Store } from '@assay/store';
import { type Command, EXIT, type ExitCode, type Output, onePositional, UsageError } from '../command.js';
import { withStore } from './db.js';

const TABLES = [...EXPORT_TABLES, 'audit'] as const;

async function auditTable(store: Store): Promise<TextTable> {
  const rows = await store.query<Record<string, string>>(
    `select seq::text, at, actor, action, subject, coalesce(before::text, '') as before,
       coalesce(after::text, '') as after, reason, prev_hash, hash from audit_log order by audit_log.seq`,
  );
  const header = [
    'seq',
    'at',
    'actor',
    'action',
    'subject',
    'before',
    'after',
    'reason',
    'prev_hash',
    'hash',
  ];
  // Actor, subject and reason come from users and file names, and a cell may reach before/after:
  // every field is escaped (printable keeps the JSON of before/after valid), so the export cannot
  // drive a terminal or forge a line. The hashes are over the stored text; `assay audit verify`
  // checks them, not this export.
  return { name: 'audit', header, rows: rows.map((r) => header.map((h) => printable(r[h] ?? ''))) };
}

async function writeTemplate(bundle: Bundle, path: string, values: Record<string, unknown>): Promise<void> {
  const entityId = values.entity;
  const periodId = values.period;
  if (typeof entityId !== 'string' || typeof periodId !== 'string')
    throw new UsageError('--template needs --entity and --period');
  const entity = bundle.organisation.entities.find((e) => e.id === entityId);
  if (!entity) throw new UsageError(`unknown entity "${entityId}"`);
  const entities = bundle.organisation.entities;
  // The activity-lines sheet holds the lines of the entity and those below it in the period.
  const lines = templateLines(bundle.activityLines, entities, entity.id, periodId);
  if (lines.length > MAX_PREFILLED_LINES)
    throw new UsageError(
      `entity "${entity.id}" has ${lines.length} activity lines in ${periodId}, more than the ${MAX_PREFILLED_LINES} a template holds: make one for an entity below it, or for a quarter or month`,
    );
  const catalogue = [...bundleCatalogue(bundle).values()];
  const wb = buildTemplate({ entity, periodId, catalogue, entities, activityLines: lines });
  await wb.xlsx.writeFile(path);
}

/** Counts the rows of a streamed fact table as the writer takes them. */
function counted(store: Store, name: FactTableName, count: Record<FactTableName, number>): TextTable {
  async function* rows() {
    for await (const r of currentFactRows(store, name)) {
      count[name]++;
      yield r;
    }
  }
  return { name, header: factTableHeader(name), rows: rows() };
}

async function run(
  store: Store,
  path: string,
  values: Record<string, unknown>,
  io: Output,
): Promise<ExitCode> {
  const ext = extname(path).toLowerCase();
  // Only a bundle folder needs the facts as objects, and a template its activity lines; tables
  // stream them from the store, one page at a time (fact-rows-stream.ts).
  const folder = ext !== '.csv' && ext !== '.xlsx';
  const read = await readBundle(store, { facts: folder || (ext === '.xlsx' && values.template === true) });
  if (!read.ok) {
    for (const i of read.issues) io.err(formatImportIssue(i));
    return EXIT.findings;
  }
  const b = read.bundle;
  const count: Record<FactTableName, number> = { 'data-points': 0, 'activity-lines': 0 };
  // Every query comes before the streams start: an embedded store runs one statement at a time,
  // and a stream holds its transaction open until it is read to the end.
  const audit = ext === '.xlsx' || values.table === 'audit' ? await auditTable(store) : undefined;
  const tables = () => ({
    ...bundleTables(b),
    'data-points': counted(store, 'data-points', count),
    'activity-lines': counted(store, 'activity-lines', count),
    audit: audit ?? { name: 'audit', header: [], rows: [] },
  });
  if (ext === '.csv') {
    const name = typeof values.table === 'string' ? values.table : 'data-points';
    if (!(TABLES as readonly string[]).includes(name))
      throw new UsageError(`--table must be one of ${TABLES.join(', ')}`);
    await writeTableCsv(tables()[name as (typeof TABLES)[number]], path);
  } else if (ext === '.xlsx' && values.template) {
    await writeTemplate(b, path, values);
  } else if (ext === '.xlsx') {
    await writeTablesXlsx(Object.values(tables()), path);
  } else {
    await saveBundle(b, path);
    count['data-points'] = b.dataPoints.length;
    count['activity-lines'] = b.activityLines.length;
  }
  io.out(
    `${path}: exported ${count['data-points']} data points and ${count['activity-lines']} activity lines from ${store.location}`,
  );
  return EXIT.clean;
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'assay export <dir|file.csv|file.xlsx> [--table T] [--template --entity E --period P]',
  summary:
    'export the store as a bundle folder, a table as CSV, all tables as XLSX, or a data-entry template',
  options: {
    table: { type: 'string' },
    template: { type: 'boolean' },
    entity: { type: 'string' },
    period: { type: 'string' },
  },
  async run(args, io) {
    const path = onePositional(args, 'output folder or file');
    return withStore(io, (store) => run(store, path, args.values, io));
  },
};
