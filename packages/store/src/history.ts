/** The revision history of one data point, oldest first, with who changed it, when and why. */
import type { Sql } from './store.js';

export type FactRevision = {
  readonly rev: number;
  readonly revId: number;
  readonly supersedes: number | null;
  readonly value: string;
  readonly unit: string;
  readonly author: string;
  readonly at: string;
  readonly reason: string;
};

export async function dataPointHistory(sql: Sql, factKey: string): Promise<FactRevision[]> {
  const rows = await sql.query<{
    rev: number;
    rev_id: string;
    supersedes: string | null;
    value: string;
    unit: string;
    author: string;
    at: string;
    reason: string;
  }>(
    `select r.rev, r.rev_id::text as rev_id, r.supersedes::text as supersedes, r.value::text as value, r.unit,
       c.author, to_char(c.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, c.reason
     from data_point_revision r join change_set c on c.id = r.change_set
     where r.fact_key = $1 order by r.rev`,
    [factKey],
  );
  return rows.map((r) => ({
    rev: r.rev,
    revId: Number(r.rev_id),
    supersedes: r.supersedes === null ? null : Number(r.supersedes),
    value: r.value,
    unit: r.unit,
    author: r.author,
    at: r.at,
    reason: r.reason,
  }));
}
