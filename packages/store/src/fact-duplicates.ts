/**
 * Naming duplicate rows. The keys of every staged row (file line, fact key, and for data points
 * the fact id) go into temporary tables; one GROUP BY after the last batch finds keys given
 * twice and names all their lines. Data points are always staged (two rows may share an id
 * with different keys, which no index catches; data-point files are small); activity lines
 * only when an import is read a second time after the primary key rejected a duplicate (see
 * import-run.ts), so a clean million-row import pays nothing for it.
 */
import type { BundleIssue, FactFields } from '@assay/core/forms';
import { copyField } from './copy-text.js';
import type { FactKind } from './fact-append.js';
import type { Sql } from './store.js';

/**
 * The staging tables, made once per database connection and emptied at every commit (a rolled
 * back transaction's rows go with it). Making and dropping them in each transaction wrote the
 * system catalogue twice per write: about 9 ms of a 35–55 ms one-fact save, under the import
 * lock (measured on PostgreSQL, issue #23). The tables are temporary, so each connection has its
 * own and no other session sees them; `if not exists` makes a second call in one transaction,
 * or on a connection that made them before, cost one catalogue lookup.
 */
export async function createKeyStages(tx: Sql): Promise<void> {
  await tx.exec(
    `create temp table if not exists stage_dp (line int not null, file text not null,
       fact_key text not null, fact_id text not null) on commit delete rows;
     create temp table if not exists stage_al (line int not null, file text not null,
       fact_key text not null) on commit delete rows`,
  );
}

export async function stageKeys(
  tx: Sql,
  kind: FactKind,
  file: string,
  lines: readonly number[],
  rows: readonly FactFields[],
): Promise<void> {
  if (rows.length === 0) return;
  const f = copyField(file);
  let data = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as FactFields;
    data += `${lines[i] ?? 0}\t${f}\t${copyField(r[0] ?? null)}`;
    data += kind === 'dp' ? `\t${copyField(r[1] ?? null)}\n` : '\n';
  }
  await tx.copyFrom(
    kind === 'dp'
      ? 'copy stage_dp (line, file, fact_key, fact_id) from stdin'
      : 'copy stage_al (line, file, fact_key) from stdin',
    data,
  );
}

/** Two staged rows for one fact (same key, or same id) are an error naming both lines. */
export async function stagedDuplicates(tx: Sql, kind: FactKind, limit: number): Promise<BundleIssue[]> {
  const checks =
    kind === 'dp'
      ? [
          {
            col: 'fact_key',
            what: 'duplicate data point: same entity, period, indicator and disaggregation as',
          },
          { col: 'fact_id', what: 'duplicate id, also on', column: 'id' },
        ]
      : [{ col: 'fact_key', what: 'duplicate activity line id, also on', column: 'id' }];
  const out: BundleIssue[] = [];
  const reported = new Set<string>(); // a row with a duplicate key usually repeats its id too: say it once
  for (const c of checks) {
    const rows = await tx.query<{ file: string; lines: number[] }>(
      `with d as (select ${c.col} as k from stage_${kind} group by ${c.col} having count(*) > 1)
       select min(file) as file, array_agg(line order by line) as lines
       from stage_${kind} join d on d.k = ${c.col}
       group by ${c.col} order by min(line) limit $1`,
      [limit],
    );
    for (const r of rows) {
      const [first, ...rest] = r.lines;
      for (const line of rest) {
        if (reported.has(`${r.file}:${line}`)) continue;
        reported.add(`${r.file}:${line}`);
        out.push({
          file: r.file,
          row: line,
          ...('column' in c ? { column: c.column } : {}),
          reason: `${c.what} line ${first}`,
        });
      }
    }
  }
  return out;
}
