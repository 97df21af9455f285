/**
 * The fact revisions committed after change set `seen`, for a server catching up with another
 * server's writes without re-reading the whole store (issue #23: under the load test every save
 * on one server made the other read everything again).
 *
 * One repeatable-read transaction (a commit in between cannot tear it) reads: the change sets
 * above `seen`; whether any of them revised anything but facts (a catalogue entry, a factor, a
 * registers/narrative/published document: those tables name their change set); the settings
 * (organisation, entities: reference data without a change-set column, so the caller compares
 * them with what it holds); and every data-point and activity-line revision above `seen`, one
 * query per kind, in (change set, position) order: the order readBundle gives the current facts.
 * The facts still current after those revisions (the last revision of each fact, unless a
 * retraction) are validated as readBundle validates them (the same validateBundle over the same
 * columns, with the stored catalogue), so they come out as the objects a full read would give.
 *
 * Cost: the revision tables have no index on change_set (adding one needs a migration), so each
 * kind is one sequential scan of its revisions, without the per-fact work of a full read.
 */
import {
  ACTIVITY_LINE_COLUMNS,
  type ActivityLine,
  BUNDLE_FILES,
  type BundleIssue,
  columnOrder,
  DATA_POINT_COLUMNS,
  type DataPoint,
  type RawTable,
  validateBundle,
} from '@assay/core/forms';
import { readSettingsDocument } from './organisation-rows.js';
import type { Store } from './store.js';

/** A fact revised above `seen` that is current after them, with its revision. */
export type ChangedFact<F> = { readonly fact: F; readonly key: string; readonly rev: number };

export type FactChangesSince =
  /** Something but facts was revised above `seen` (catalogue, factors, documents): read everything. */
  | { readonly kind: 'other'; readonly reason: string }
  /** The current facts above `seen` fail validation: read everything (that read names the rows). */
  | { readonly kind: 'invalid'; readonly issues: readonly BundleIssue[] }
  | {
      readonly kind: 'facts';
      /** The change sets above `seen`, ascending; the last is the highest committed. */
      readonly changeSets: readonly number[];
      /** Those of them holding a fact revision (a change set without one changed something else). */
      readonly withFacts: ReadonlySet<number>;
      /** The stored settings as a full read gives them (the caller compares them with its own). */
      readonly settings: unknown;
      /** Every data point id with a revision above `seen` (also retracted and superseded ones). */
      readonly dataPointIds: readonly string[];
      /** The data points current after those revisions, in (change set, position) order. */
      readonly dataPoints: readonly ChangedFact<DataPoint>[];
      /** As for data points; a line's id is its key. */
      readonly lineIds: readonly string[];
      readonly activityLines: readonly ChangedFact<ActivityLine>[];
    };

type Cells = Record<string, string | null>;
type RevisionRow = Cells & { fact_key: string; rev: number; retracted: boolean };

const DATA_POINT_REVISIONS = `select fact_key, rev, retracted, fact_id as id, entity_id as entity, period_id as period,
       indicator_id as indicator, disaggregation, value::text as value, unit, source, evidence, comment, change_set::text as cs
     from data_point_revision where change_set > $1 order by change_set, seq`;
const ACTIVITY_LINE_REVISIONS = `select fact_key, rev, retracted, fact_key as id, entity_id as entity, period_id as period,
       activity, subject, use, amount::text as amount, unit, attributes, source, evidence, comment, change_set::text as cs
     from activity_line_revision where change_set > $1 order by change_set, seq`;

/** The last revision of each fact, in the order of the rows (revisions rise with change sets). */
function lastOfEach(rows: readonly RevisionRow[]): RevisionRow[] {
  const last = new Map<string, RevisionRow>();
  for (const r of rows) last.set(r.fact_key, r);
  return rows.filter((r) => last.get(r.fact_key) === r && !r.retracted);
}

function table(file: string, header: string[], rows: readonly Cells[]): RawTable {
  return { file, header, rows: rows.map((r, i) => ({ line: i + 2, cells: header.map((h) => r[h] ?? '') })) };
}

export function factChangesSince(store: Store, seen: number): Promise<FactChangesSince> {
  return store.transaction(async (tx): Promise<FactChangesSince> => {
    await tx.exec('set transaction isolation level repeatable read');
    const sets = await tx.query<{ id: string }>(
      'select id::text as id from change_set where id > $1 order by change_set.id',
      [seen],
    );
    const [other] = await tx.query<{ what: string | null }>(
      `select case when exists (select 1 from catalogue_entry where change_set > $1) then 'a catalogue entry'
         when exists (select 1 from factor_version where change_set > $1) then 'a factor'
         when exists (select 1 from document_revision where change_set > $1) then 'a document'
         end as what`,
      [seen],
    );
    if (other?.what) return { kind: 'other', reason: `${other.what} was revised` };
    const settings = await readSettingsDocument(tx);
    if (!settings) return { kind: 'other', reason: 'no settings stored' };
    const dpRows = await tx.query<RevisionRow>(DATA_POINT_REVISIONS, [seen]);
    const alRows = await tx.query<RevisionRow>(ACTIVITY_LINE_REVISIONS, [seen]);
    const indicators = await tx.query<{ definition: unknown }>(
      'select distinct on (id) definition from catalogue_entry order by id, rev desc',
    );
    const dpCurrent = lastOfEach(dpRows);
    const alCurrent = lastOfEach(alRows);
    // As readBundle validates them (read-bundle.ts): the same columns, settings and catalogue.
    const v = validateBundle({
      settings,
      dataPoints: table(BUNDLE_FILES.dataPoints, columnOrder(DATA_POINT_COLUMNS), dpCurrent),
      activityLines: table(BUNDLE_FILES.activityLines, columnOrder(ACTIVITY_LINE_COLUMNS), alCurrent),
      indicators: {
        file: BUNDLE_FILES.indicators,
        data: { indicators: indicators.map((i) => i.definition) },
      },
    });
    if (!v.ok) return { kind: 'invalid', issues: v.issues };
    const { bundle } = v;
    // One fact per row when valid; anything else is not understood here: read everything.
    if (bundle.dataPoints.length !== dpCurrent.length || bundle.activityLines.length !== alCurrent.length)
      return { kind: 'other', reason: 'the facts read do not match their rows' };
    return {
      kind: 'facts',
      changeSets: sets.map((s) => Number(s.id)),
      withFacts: new Set([...dpRows, ...alRows].map((r) => Number(r.cs))),
      settings: {
        organisation: bundle.organisation,
        reporting: bundle.reporting,
        methods: bundle.methods,
        frameworks: bundle.frameworks,
      },
      dataPointIds: [...new Set(dpRows.map((r) => r.id as string))],
      dataPoints: bundle.dataPoints.map((fact, i) => ({
        fact,
        key: dpCurrent[i]?.fact_key as string,
        rev: Number(dpCurrent[i]?.rev),
      })),
      lineIds: [...new Set(alRows.map((r) => r.fact_key))],
      activityLines: bundle.activityLines.map((fact, i) => ({
        fact,
        key: alCurrent[i]?.fact_key as string,
        rev: Number(alCurrent[i]?.rev),
      })),
    };
  });
}
