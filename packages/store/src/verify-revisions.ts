/**
 * Integrity of the fact revision tables, checked on demand (`assay audit verify`) rather than on
 * every insert (see migrations/004): every revision belongs to a change set that exists and that
 * an audit entry names (an 'import' or a 'retract' entry), and each fact's revisions are numbered
 * 1, 2, … n without a gap (with the primary key (fact_key, rev) and rev >= 1, that holds exactly
 * when max(rev) = count(*)).
 */
import type { Sql } from './store.js';

export type RevisionProblem = { readonly table: string; readonly reason: string };

const TABLES = ['data_point_revision', 'activity_line_revision'] as const;

export async function verifyRevisions(sql: Sql, limit = 20): Promise<RevisionProblem[]> {
  const out: RevisionProblem[] = [];
  for (const table of TABLES) {
    const orphans = await sql.query<{ fact_key: string; rev: number; change_set: string }>(
      `select r.fact_key, r.rev, r.change_set::text as change_set from ${table} r
       where not exists (select 1 from change_set c where c.id = r.change_set)
       order by r.change_set, r.seq limit $1`,
      [limit],
    );
    for (const o of orphans)
      out.push({
        table,
        reason: `revision ${o.rev} of "${o.fact_key}" names change set ${o.change_set}, which does not exist`,
      });
    const gaps = await sql.query<{ fact_key: string; n: number; top: number }>(
      `select fact_key, count(*)::int as n, max(rev) as top from ${table}
       group by fact_key having max(rev) <> count(*) order by fact_key limit $1`,
      [limit],
    );
    for (const g of gaps)
      out.push({ table, reason: `"${g.fact_key}" has ${g.n} revisions but the latest is numbered ${g.top}` });
    const unaudited = await sql.query<{ change_set: string }>(
      `select r.change_set::text as change_set from (select distinct change_set from ${table}) r
       where not exists (select 1 from audit_log a
                          where a.action in ('import', 'retract') and a.after ->> 'changeSet' = r.change_set::text)
       order by r.change_set limit $1`,
      [limit],
    );
    for (const u of unaudited)
      out.push({ table, reason: `change set ${u.change_set} wrote revisions that no audit entry records` });
  }
  return out.slice(0, limit);
}
