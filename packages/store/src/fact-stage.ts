/**
 * Bulk path for facts, inside the caller's transaction. Each batch goes into a temporary batch
 * table with one `copy … from stdin` (COPY text format); one `insert … select` appends a
 * revision for each new or changed fact of the batch (its content hash differs from the fact's
 * current revision), and the batch's keys are kept in a narrow staging table. Merging batch by
 * batch lets the database insert while the next batch is parsed. A fact given twice in one
 * file would be merged twice, so after the last batch one GROUP BY over the staged keys looks
 * for duplicates, and any duplicate rolls the whole import back (see import-run.ts).
 */
import type { BundleIssue } from '@assay/core';
import { copyLine } from './copy-text.js';
import { AL_COLUMNS, DP_COLUMNS, type FlatRow } from './fact-rows.js';
import type { Sql } from './store.js';

export type FactKind = 'dp' | 'al';
const SPEC = {
  dp: {
    stage: 'stage_dp',
    batch: 'batch_dp',
    keys: ['fact_key', 'fact_id'],
    target: 'data_point_revision',
    columns: DP_COLUMNS,
    numeric: 'value',
  },
  al: {
    stage: 'stage_al',
    batch: 'batch_al',
    keys: ['fact_key'],
    target: 'activity_line_revision',
    columns: AL_COLUMNS,
    numeric: 'amount',
  },
} as const;

export async function createStages(tx: Sql): Promise<void> {
  // JIT compilation costs more than it saves on these one-pass statements (0.14 s per import).
  await tx.exec('set local jit = off');
  for (const s of Object.values(SPEC)) {
    const cols = s.columns.map((c) => `${c} ${c === s.numeric ? 'numeric' : 'text'}`).join(', ');
    await tx.exec(
      `create temp table ${s.batch} (line int not null, file text not null, ${cols}) on commit drop;
       create temp table ${s.stage} (line int not null, file text not null,
         ${s.keys.map((k) => `${k} text not null`).join(', ')}) on commit drop`,
    );
  }
  await tx.exec(
    'create temp table merge_counts (kind text not null, added int not null, revised int not null) on commit drop',
  );
}

/**
 * Stage one batch and append its revisions: two round trips (the COPY, then one multi-statement
 * request), because each round trip waits while Node validates the next batch.
 *
 * New revisions get `rev_id`s in file-line order (read-back and export list facts by rev_id)
 * without a sort: batches are merged in order, the batch table is filled in line order and
 * emptied after each batch, a temporary table is scanned from its first block, and the lateral
 * `limit 1` sub-select can only be planned as a nested loop, which keeps its outer side's order.
 */
export async function stageAndMerge(
  tx: Sql,
  kind: FactKind,
  changeSet: number,
  file: string,
  lines: readonly number[],
  rows: readonly FlatRow[],
): Promise<void> {
  if (rows.length === 0) return;
  if (!Number.isSafeInteger(changeSet)) throw new Error(`bad change set id ${changeSet}`);
  const s = SPEC[kind];
  let data = '';
  for (let i = 0; i < rows.length; i++) data += copyLine([lines[i] ?? 0, file, ...(rows[i] ?? [])]);
  await tx.copyFrom(`copy ${s.batch} (line, file, ${s.columns.join(', ')}) from stdin`, data);
  const keys = s.keys.join(', ');
  await tx.exec(
    `insert into ${s.stage} (line, file, ${keys}) select line, file, ${keys} from ${s.batch};
     with ins as (
       insert into ${s.target} (rev, supersedes, change_set, ${s.columns.join(', ')})
       select coalesce(c.rev, 0) + 1, c.rev_id, ${changeSet}, ${s.columns.map((x) => `b.${x}`).join(', ')}
       from ${s.batch} b
       left join lateral (
         select r.rev, r.rev_id, r.content_hash from ${s.target} r
         where r.fact_key = b.fact_key order by r.rev desc limit 1
       ) c on true
       where c.content_hash is distinct from b.content_hash
       returning supersedes)
     insert into merge_counts (kind, added, revised)
       select '${kind}', count(*) filter (where supersedes is null), count(*) filter (where supersedes is not null)
       from ins;
     truncate ${s.batch};`,
  );
}

/** Two staged rows for one fact (same key, or same id) are an error naming both lines. */
export async function stagedDuplicates(tx: Sql, kind: FactKind, limit: number): Promise<BundleIssue[]> {
  const s = SPEC[kind];
  const checks =
    kind === 'dp'
      ? [
          {
            col: 'fact_key',
            what: 'duplicate data point: same entity, period, indicator and disaggregation as',
          },
          { col: 'fact_id', what: 'duplicate id, also on' },
        ]
      : [{ col: 'fact_key', what: 'duplicate activity line id, also on' }];
  const out: BundleIssue[] = [];
  const reported = new Set<string>(); // a row with a duplicate key usually repeats its id too: say it once
  for (const c of checks) {
    const rows = await tx.query<{ file: string; lines: number[] }>(
      `with d as (select ${c.col} as k from ${s.stage} group by ${c.col} having count(*) > 1)
       select min(file) as file, array_agg(line order by line) as lines
       from ${s.stage} join d on d.k = ${c.col}
       group by ${c.col} order by min(line) limit $1`,
      [limit],
    );
    for (const r of rows) {
      const [first, ...rest] = r.lines;
      for (const line of rest) {
        if (reported.has(`${r.file}:${line}`)) continue;
        reported.add(`${r.file}:${line}`);
        out.push({ file: r.file, row: line, reason: `${c.what} line ${first}` });
      }
    }
  }
  return out;
}

export type MergeCounts = { added: number; revised: number };

/** Facts added and revised by the batches merged so far. */
export async function mergedCounts(tx: Sql, kind: FactKind): Promise<MergeCounts> {
  const [r] = await tx.query<MergeCounts>(
    `select coalesce(sum(added), 0)::int as added, coalesce(sum(revised), 0)::int as revised
     from merge_counts where kind = $1`,
    [kind],
  );
  return { added: r?.added ?? 0, revised: r?.revised ?? 0 };
}
