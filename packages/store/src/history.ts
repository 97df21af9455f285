/**
 * The revision history of one data point, oldest first, with who changed it, when and why. A
 * retraction is a revision too (its fields copy the one before, `retracted` is true).
 */
import type { Sql } from './store.js';

export type FactRevision = {
  readonly rev: number;
  /** The change set that wrote this revision. */
  readonly changeSet: number;
  /** The revision number of the same fact this one replaces (rev - 1), or null for the first. */
  readonly supersedes: number | null;
  readonly value: string;
  readonly unit: string;
  /** This revision withdraws the data point (retract-facts.ts); a later one may bring it back. */
  readonly retracted: boolean;
  readonly author: string;
  readonly at: string;
  readonly reason: string;
};

export async function dataPointHistory(sql: Sql, factKey: string): Promise<FactRevision[]> {
  const rows = await sql.query<{
    rev: number;
    change_set: string;
    value: string;
    unit: string;
    retracted: boolean;
    author: string;
    at: string;
    reason: string;
  }>(
    `select r.rev, r.change_set::text as change_set, r.value::text as value, r.unit, r.retracted,
       c.author, to_char(c.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, c.reason
     from data_point_revision r join change_set c on c.id = r.change_set
     where r.fact_key = $1 order by r.rev`,
    [factKey],
  );
  return rows.map((r) => ({
    rev: r.rev,
    changeSet: Number(r.change_set),
    supersedes: r.rev > 1 ? r.rev - 1 : null,
    value: r.value,
    unit: r.unit,
    retracted: r.retracted,
    author: r.author,
    at: r.at,
    reason: r.reason,
  }));
}

/**
 * The key of the data point whose highest revision carries the id `id`, retracted or not (the
 * current views only know facts that are not retracted). Ids are indexed (migration 031).
 * When several facts' latest revisions carry the id, the first key in byte order.
 */
export async function dataPointKeyOf(sql: Sql, id: string): Promise<string | undefined> {
  const [r] = await sql.query<{ fact_key: string }>(
    `select fact_key from (
       select distinct on (fact_key) fact_key, fact_id from data_point_revision
       where fact_key in (select fact_key from data_point_revision where fact_id = $1)
       order by fact_key, rev desc) latest
     where fact_id = $1 order by fact_key limit 1`,
    [id],
  );
  return r?.fact_key;
}
