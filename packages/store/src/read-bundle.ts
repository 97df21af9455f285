/**
 * Store → Bundle: the current revision of every fact plus the reference data, handed to core's
 * validateBundle exactly as a folder would be, so an exported bundle is a valid bundle.
 */
import {
  ACTIVITY_LINE_COLUMNS,
  BUNDLE_FILES,
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

type Cells = Record<string, string | null>;

function table(file: string, header: string[], rows: Cells[]): RawTable {
  return { file, header, rows: rows.map((r, i) => ({ line: i + 2, cells: header.map((h) => r[h] ?? '') })) };
}

async function latestDocument(sql: Sql, kind: string): Promise<unknown> {
  const [r] = await sql.query<{ body: unknown }>(
    'select body from document_revision where kind = $1 order by rev desc limit 1',
    [kind],
  );
  return r?.body;
}

/**
 * The current facts as bundle columns (text, null for absent), in the order of
 * data-points.csv and activity-lines.csv; callers add the ordering (change set, then position,
 * which is the order they were written).
 */
export const DATA_POINT_SELECT = `select fact_id as id, entity_id as entity, period_id as period, indicator_id as indicator,
       disaggregation, value::text as value, unit, source, evidence, comment
     from data_point_current`;
export const ACTIVITY_LINE_SELECT = `select fact_key as id, entity_id as entity, period_id as period, activity, subject, use,
       amount::text as amount, unit, attributes, source, evidence, comment
     from activity_line_current`;

/** `facts: false` reads everything but the facts (for exports that stream them: fact-rows-stream.ts). */
export async function readBundle(
  sql: Sql,
  opts: { readonly facts?: boolean } = {},
): Promise<BundleValidation> {
  const settings = await readSettingsDocument(sql);
  if (!settings)
    return {
      ok: false,
      issues: [{ file: BUNDLE_FILES.settings, reason: 'the store is empty: import a bundle first' }],
    };
  const dataPoints =
    opts.facts === false ? [] : await sql.query<Cells>(`${DATA_POINT_SELECT} order by change_set, seq`);
  const activityLines =
    opts.facts === false ? [] : await sql.query<Cells>(`${ACTIVITY_LINE_SELECT} order by change_set, seq`);
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
    dataPoints: table(BUNDLE_FILES.dataPoints, columnOrder(DATA_POINT_COLUMNS), dataPoints),
    activityLines: table(BUNDLE_FILES.activityLines, columnOrder(ACTIVITY_LINE_COLUMNS), activityLines),
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
  if (v.ok) return { ok: true, bundle: { ...v.bundle, factors: factors.map((f) => f.record) } };
  // A row number alone means little for stored data: name the fact too.
  const facts: Record<string, { kind: string; rows: Cells[] }> = {
    [BUNDLE_FILES.dataPoints]: { kind: 'data point', rows: dataPoints },
    [BUNDLE_FILES.activityLines]: { kind: 'activity line', rows: activityLines },
  };
  return {
    ok: false,
    issues: v.issues.map((i) => {
      const t = facts[i.file];
      const id = i.row === undefined ? undefined : t?.rows[i.row - 2]?.id;
      return t && id ? { ...i, reason: `${i.reason} (${t.kind} "${id}")` } : i;
    }),
  };
}
