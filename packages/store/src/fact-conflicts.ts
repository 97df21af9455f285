/**
 * Rules a data-point import must keep against what the store already holds, checked inside the
 * import transaction after its rows are appended (so the store's current view already includes
 * them) and before it commits. Core checks the same rules within one file; the store checks
 * them across files and imports:
 *
 * - Overlapping periods: for one entity, indicator and disaggregation, a year is given as one
 *   value or as its months or quarters, not both (core's loadDataPoints). Only current facts
 *   count: a retracted annual value does not stand in the way of its quarters.
 * - One id, one fact: an id that any revision of another fact carries (retracted or not) is
 *   refused, so that looking a history up by id stays unambiguous.
 *
 * Both read the staged keys of this import (fact-duplicates.ts: stage_dp), which every import
 * writes for its data points; an import of activity lines only stages none and pays nothing.
 * Activity lines have no such rules in core (lines of any period add up), so none here.
 */
import type { BundleIssue } from '@assay/core/forms';
import type { Sql } from './store.js';

const OVERLAP = 'a year must be given as one value or as its months or quarters, not both';

/** Period kind from its id ("2025", "2025-Q1", "2025-01"; core model/period.ts) as SQL. */
const kindOf = (col: string) =>
  `(case when length(${col}) = 4 then 'y' when ${col} like '%Q%' then 'q' else 'm' end)`;

export async function stagedConflicts(tx: Sql, changeSet: number, limit: number): Promise<BundleIssue[]> {
  const [staged] = await tx.query<{ any: boolean }>('select exists (select 1 from stage_dp) as any');
  if (!staged?.any) return [];
  return [...(await rekeyedIds(tx, changeSet, limit)), ...(await overlaps(tx, changeSet, limit))].slice(
    0,
    limit,
  );
}

/** Staged rows whose id another fact's revision carries; $1 change set, $2 limit. Reads the id index. */
export const REKEYED_IDS_SQL = `select distinct on (s.file, s.line) s.file, s.line, s.fact_id, r.fact_key as other_key
     from stage_dp s join data_point_revision r
       on r.fact_id = s.fact_id and r.fact_key <> s.fact_key and r.change_set <> $1
     order by s.file, s.line, r.fact_key limit $2`;

/** Rows whose id another fact's revision carries (this import's own revisions aside). */
async function rekeyedIds(tx: Sql, changeSet: number, limit: number): Promise<BundleIssue[]> {
  const rows = await tx.query<{ file: string; line: number; fact_id: string; other_key: string }>(
    REKEYED_IDS_SQL,
    [changeSet, limit],
  );
  return rows.map((r) => ({
    file: r.file,
    row: r.line,
    column: 'id',
    reason: `id "${r.fact_id}" belongs to the data point "${r.other_key}"; give this row another id (or none)`,
  }));
}

/**
 * Rows of this import whose fact overlaps another current fact of the same year. Two rows of
 * this import that overlap (in different batches; core catches them within one) are reported
 * once, on the later line, as core does.
 *
 * The other facts are looked up by key range, not through data_point_current (which reads every
 * revision: 5.9 s per one-fact save at a million revisions, issue #23): a fact key begins
 * `entity|period|` (core dataPointFactKey), so every fact of the entity in the year lies between
 * `entity|year` and that prefix followed by the highest code point, in the key's byte order
 * ("C"). The range may hold more (an entity id that continues with a bar); the equalities after
 * it keep only the same entity, indicator, breakdown and year. $1: this change set, $2: a limit.
 *
 * Only rows of a group (entity, indicator, breakdown, year) whose current facts have more than one
 * period kind can overlap anything, so those groups are found first, one key range per entity and
 * year (`mixed`), and only their rows are compared fact by fact. Comparing every row with its
 * entity's year directly cost rows × facts per entity and year: 11.4 s for 12,000 data points of
 * 10 entities, and hours for a group of 2,000 (bench/store-load-bench.ts, docs/performance.md).
 */
export const OVERLAPS_SQL = `with mine as (
       select s.file, s.line, c.fact_key, c.entity_id, c.period_id, c.indicator_id, c.disaggregation
       from stage_dp s cross join lateral (
         select * from data_point_revision r where r.fact_key = s.fact_key order by r.rev desc limit 1) c
       where not c.retracted and c.change_set = $1),
     years as (select distinct entity_id, left(period_id, 4) as year from mine),
     mixed as (
       select c.entity_id, c.indicator_id, c.disaggregation, left(c.period_id, 4) as year
       from years y cross join lateral (
         select distinct on (r.fact_key) r.entity_id, r.indicator_id, r.disaggregation, r.period_id,
           r.retracted
         from data_point_revision r
         where r.fact_key >= (y.entity_id || '|' || y.year) collate "C"
           and r.fact_key < (y.entity_id || '|' || y.year || chr(1114111)) collate "C"
         order by r.fact_key, r.rev desc) c
       where not c.retracted and c.entity_id = y.entity_id and left(c.period_id, 4) = y.year
       group by 1, 2, 3, 4
       having count(distinct ${kindOf('c.period_id')}) > 1)
     select distinct on (m.file, m.line) m.file, m.line, m.period_id as period, o.fact_id as other_id,
       o.period_id as other_period, o.fact_key as other_key, os.line as other_line
     from mine m
     join mixed x on x.entity_id = m.entity_id and x.indicator_id = m.indicator_id
       and x.disaggregation = m.disaggregation and x.year = left(m.period_id, 4)
     cross join lateral (
       select distinct on (r.fact_key) r.fact_key, r.fact_id, r.period_id, r.change_set, r.retracted,
         r.entity_id, r.indicator_id, r.disaggregation
       from data_point_revision r
       where r.fact_key >= (m.entity_id || '|' || left(m.period_id, 4)) collate "C"
         and r.fact_key < (m.entity_id || '|' || left(m.period_id, 4) || chr(1114111)) collate "C"
       order by r.fact_key, r.rev desc) o
     left join stage_dp os on os.fact_key = o.fact_key and o.change_set = $1
     where not o.retracted and o.entity_id = m.entity_id and o.indicator_id = m.indicator_id
      and o.disaggregation = m.disaggregation and left(o.period_id, 4) = left(m.period_id, 4)
      and ${kindOf('o.period_id')} <> ${kindOf('m.period_id')}
      and (os.line is null or os.line < m.line)
     order by m.file, m.line, o.period_id limit $2`;

async function overlaps(tx: Sql, changeSet: number, limit: number): Promise<BundleIssue[]> {
  const rows = await tx.query<{
    file: string;
    line: number;
    period: string;
    other_id: string;
    other_period: string;
    other_key: string;
    other_line: number | null;
  }>(OVERLAPS_SQL, [changeSet, limit]);
  return rows.map((r) => ({
    file: r.file,
    row: r.line,
    column: 'period',
    reason:
      r.other_line === null
        ? `${r.period} overlaps the stored data point "${r.other_id}" (period ${r.other_period}, key "${r.other_key}"): ${OVERLAP}`
        : `${r.period} overlaps ${r.other_period} on line ${r.other_line}: ${OVERLAP}`,
  }));
}
