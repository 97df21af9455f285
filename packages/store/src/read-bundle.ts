/**
 * Store → Bundle: the current revision of every fact plus the reference data, handed to core's
 * validateBundle exactly as a folder would be, so an exported bundle is a valid bundle.
 */
import {
  ACTIVITY_LINE_COLUMNS,
  BUNDLE_FILES,
  type Bundle,
  type BundleIssue,
  type BundleValidation,
  columnOrder,
  DATA_POINT_COLUMNS,
  type FactorRecord,
  type RawBundle,
  type RawTable,
  validateBundle,
} from '@assay/core/forms';
import { readSettingsDocument } from './organisation-rows.js';
import type { Sql } from './store.js';
import { writtenOrder } from './written-order.js';

/**
 * The SQL of each bundle column of the current-fact views (text; '' for absent), so a read can
 * ask for the columns in a table header's order and take each row as an array of cells.
 */
const DATA_POINT_SQL: Record<string, string> = {
  id: 'fact_id',
  entity: 'entity_id',
  period: 'period_id',
  indicator: 'indicator_id',
  disaggregation: 'disaggregation',
  value: 'value::text',
  unit: 'unit',
  source: 'source',
  evidence: "coalesce(evidence, '')",
  comment: "coalesce(comment, '')",
};
const ACTIVITY_LINE_SQL: Record<string, string> = {
  id: 'fact_key',
  entity: 'entity_id',
  period: 'period_id',
  activity: 'activity',
  subject: 'subject',
  use: "coalesce(use, '')",
  amount: 'amount::text',
  unit: 'unit',
  attributes: 'attributes',
  source: 'source',
  evidence: "coalesce(evidence, '')",
  comment: "coalesce(comment, '')",
};

/**
 * The current facts' store keys and revisions, in the order of the bundle's data points (or
 * activity lines), read with them in the same statement: a workspace indexes them without a
 * second read.
 */
export type FactRevisions = { readonly keys: readonly string[]; readonly revs: readonly number[] };

type FactTable = { readonly table: RawTable; readonly revisions: FactRevisions };

/**
 * One fact table as bundle rows (cells in `header` order), in the order the facts were written
 * (change set, then position: written-order.ts puts them so; the database is not asked to sort),
 * with each row's fact key and revision taken off its end.
 */
async function readFactTable(
  sql: Sql,
  file: string,
  header: string[],
  columns: Record<string, string>,
  view: string,
): Promise<FactTable> {
  const select = header.map((h) => columns[h] as string).join(', ');
  const rows = await sql.queryArrays(
    `select ${select}, fact_key, rev, change_set::float8, seq::float8 from ${view}`,
  );
  const width = header.length;
  const n = rows.length;
  const changeSets = new Float64Array(n);
  const seqs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as unknown[];
    changeSets[i] = r[width + 2] as number;
    seqs[i] = r[width + 3] as number;
  }
  const order = writtenOrder(changeSets, seqs);
  const keys = new Array<string>(n);
  const revs = new Array<number>(n);
  const raw = new Array<{ line: number; cells: string[] }>(n);
  for (let j = 0; j < n; j++) {
    const r = rows[order === undefined ? j : (order[j] as number)] as unknown[];
    keys[j] = r[width] as string;
    revs[j] = Number(r[width + 1]);
    r.length = width; // the cells themselves: every column is text (see the SQL above)
    raw[j] = { line: j + 2, cells: r as string[] };
  }
  return { table: { file, header, rows: raw }, revisions: { keys, revs } };
}

const noFacts = (file: string, header: string[]): FactTable => ({
  table: { file, header, rows: [] },
  revisions: { keys: [], revs: [] },
});

async function latestDocument(sql: Sql, kind: string): Promise<unknown> {
  const [r] = await sql.query<{ body: unknown }>(
    'select body from document_revision where kind = $1 order by rev desc limit 1',
    [kind],
  );
  return r?.body;
}

/**
 * The current facts as bundle columns by name, in no particular order (fact-rows-stream.ts
 * takes them by name); callers add the ordering (change set, then position, which is the order
 * they were written).
 */
const selectByName = (columns: Record<string, string>, view: string): string =>
  `select ${Object.entries(columns)
    .map(([name, expr]) => `${expr} as "${name}"`)
    .join(', ')} from ${view}`;
export const DATA_POINT_SELECT = selectByName(DATA_POINT_SQL, 'data_point_current');
export const ACTIVITY_LINE_SELECT = selectByName(ACTIVITY_LINE_SQL, 'activity_line_current');

/** `facts: false` reads everything but the facts (for exports that stream them: fact-rows-stream.ts). */
export async function readBundle(
  sql: Sql,
  opts: { readonly facts?: boolean } = {},
): Promise<BundleValidation> {
  const read = await readBundleWithRevisions(sql, opts);
  return read.ok ? { ok: true, bundle: read.bundle } : read;
}

export type StoredBundle =
  | {
      readonly ok: true;
      readonly bundle: Bundle;
      readonly dataPointRevisions: FactRevisions;
      readonly activityLineRevisions: FactRevisions;
    }
  | { readonly ok: false; readonly issues: BundleIssue[] };

/**
 * readBundle, and the facts' store keys and revisions in the order of `bundle.dataPoints` and
 * `bundle.activityLines` (one read of the facts; a valid bundle keeps every row, in order).
 */
export async function readBundleWithRevisions(
  sql: Sql,
  opts: { readonly facts?: boolean } = {},
): Promise<StoredBundle> {
  const settings = await readSettingsDocument(sql);
  if (!settings)
    return {
      ok: false,
      issues: [{ file: BUNDLE_FILES.settings, reason: 'the store is empty: import a bundle first' }],
    };
  const dpHeader = columnOrder(DATA_POINT_COLUMNS);
  const alHeader = columnOrder(ACTIVITY_LINE_COLUMNS);
  const dataPoints =
    opts.facts === false
      ? noFacts(BUNDLE_FILES.dataPoints, dpHeader)
      : await readFactTable(sql, BUNDLE_FILES.dataPoints, dpHeader, DATA_POINT_SQL, 'data_point_current');
  const activityLines =
    opts.facts === false
      ? noFacts(BUNDLE_FILES.activityLines, alHeader)
      : await readFactTable(
          sql,
          BUNDLE_FILES.activityLines,
          alHeader,
          ACTIVITY_LINE_SQL,
          'activity_line_current',
        );
  const indicators = await sql.query<{ definition: unknown }>(
    'select distinct on (id) definition from catalogue_entry order by id, rev desc',
  );
  const factors = await sql.query<{ record: FactorRecord }>(
    'select distinct on (id) record from factor_version order by id, version desc',
  );
  const published = (await latestDocument(sql, 'published')) as
    | { header: string[]; rows: string[][] }
    | undefined;
  const registers = await latestDocument(sql, 'registers');
  const narrative = await latestDocument(sql, 'narrative');
  const raw: RawBundle = {
    settings,
    dataPoints: dataPoints.table,
    activityLines: activityLines.table,
    indicators: { file: BUNDLE_FILES.indicators, data: { indicators: indicators.map((i) => i.definition) } },
    ...(published && {
      published: {
        file: BUNDLE_FILES.published,
        header: published.header,
        rows: published.rows.map((cells, i) => ({ line: i + 2, cells })),
      },
    }),
    ...(registers === undefined ? {} : { registers: { file: BUNDLE_FILES.registers, data: registers } }),
    ...(narrative === undefined ? {} : { narrative: { file: BUNDLE_FILES.narrative, data: narrative } }),
  };
  const v = validateBundle(raw);
  // Factors are plain JSON records; they were validated on the way in.
  if (v.ok) {
    // the revisions are matched to the facts by position: a valid table keeps every row, in order
    if (
      v.bundle.dataPoints.length !== dataPoints.table.rows.length ||
      v.bundle.activityLines.length !== activityLines.table.rows.length
    )
      throw new Error('a valid bundle left out stored facts: their revisions would not line up');
    return {
      ok: true,
      bundle: { ...v.bundle, factors: factors.map((f) => f.record) },
      dataPointRevisions: dataPoints.revisions,
      activityLineRevisions: activityLines.revisions,
    };
  }
  // A row number alone means little for stored data: name the fact too.
  const facts: Record<string, { kind: string; table: RawTable }> = {
    [BUNDLE_FILES.dataPoints]: { kind: 'data point', table: dataPoints.table },
    [BUNDLE_FILES.activityLines]: { kind: 'activity line', table: activityLines.table },
  };
  return {
    ok: false,
    issues: v.issues.map((i) => {
      const t = facts[i.file];
      const id =
        i.row === undefined ? undefined : t?.table.rows[i.row - 2]?.cells[t.table.header.indexOf('id')];
      return t && id ? { ...i, reason: `${i.reason} (${t.kind} "${id}")` } : i;
    }),
  };
}
