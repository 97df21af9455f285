/**
 * The per-write reads of a one-fact save stay index lookups however many data points are stored
 * (issue #23). Before migration 031 and the rewritten queries, a web save at 1,000,000 data-point
 * revisions read every one of them three times (the version check through data_point_current,
 * the id rule by a sequential scan, the overlap rule through data_point_current): 7.7 s, 0.49 s
 * and 5.9 s on PostgreSQL here. The test asks PostgreSQL for each query's plan over 20,000
 * revisions (after ANALYZE, as autovacuum would) and fails on any node that reads
 * data_point_revision without an index condition: a sequential scan, or an index scan of the
 * whole table. Plans, not timings: this holds on a loaded machine too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { OVERLAPS_SQL, REKEYED_IDS_SQL } from './fact-conflicts.js';
import { createKeyStages } from './fact-duplicates.js';
import { migrate } from './migrate.js';
import { openPostgresStore } from './postgres-store.js';
import type { Sql, Store } from './store.js';
import { CURRENT_DATA_POINTS_SQL } from './write-facts.js';

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
};

/** Nodes reading data_point_revision without an index condition, as "Node Type". */
function fullReads(node: PlanNode, out: string[] = []): string[] {
  const reads = node['Relation Name'] === 'data_point_revision';
  if (reads && node['Index Cond'] === undefined && node['Recheck Cond'] === undefined)
    out.push(node['Node Type']);
  for (const child of node.Plans ?? []) fullReads(child, out);
  return out;
}

async function plan(tx: Sql, sql: string, params: readonly unknown[]): Promise<PlanNode> {
  const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `explain (format json) ${sql}`,
    params,
  );
  const top = row?.['QUERY PLAN'][0];
  if (!top) throw new Error(`no plan for ${sql}`);
  return top.Plan;
}

const SIZE = 20_000;
let db: TestDatabase;
let store: Store;

beforeAll(async () => {
  db = await createTestDatabase();
  store = await openPostgresStore(db.url);
  await migrate(store, '2026-01-01T00:00:00Z');
  const [cs] = await store.query<{ id: string }>(
    `insert into change_set (author, at, reason, source) values ('t', now(), 'plans', 'test') returning id::text`,
  );
  // 50 entities × 400 indicators, one year: fact key entity|period|indicator|breakdown.
  await store.query(
    `insert into data_point_revision (fact_key, rev, change_set, seq, fact_id, entity_id, period_id,
       indicator_id, disaggregation, value, unit, source)
     select 'e' || (g / 400) || '|2025|i' || (g % 400) || '|', 1, $1, g, 'dp-' || g, 'e' || (g / 400),
       '2025', 'i' || (g % 400), '', 1, 't', 'plan test'
     from generate_series(0, $2 - 1) g`,
    [cs?.id, SIZE],
  );
  await store.exec('analyze data_point_revision');
}, 120_000);

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe(`the reads of a one-fact save over ${SIZE.toLocaleString('en')} data points (${ADMIN_URL.replace(/\/\/.*@/, '//')})`, () => {
  it('find the current revision by id or key through the indexes', async () => {
    await store.transaction(async (tx) => {
      const p = await plan(tx, CURRENT_DATA_POINTS_SQL, [['dp-2807'], ['e7|2025|i7|']]);
      expect(fullReads(p)).toEqual([]);
    });
  });

  it('check the id and overlap rules against the entity and year only', async () => {
    await store.transaction(async (tx) => {
      await createKeyStages(tx);
      await tx.query(`insert into stage_dp values (2, 'web', 'e7|2025-01|i7|', 'dp-new')`);
      await tx.exec('analyze stage_dp');
      expect(fullReads(await plan(tx, REKEYED_IDS_SQL, [0, 20]))).toEqual([]);
      expect(fullReads(await plan(tx, OVERLAPS_SQL, [0, 20]))).toEqual([]);
    });
  });

  it('would see a full read (the check can fail): the old version check through the view', async () => {
    await store.transaction(async (tx) => {
      const old = `select fact_id, fact_key, rev from data_point_current
        where fact_key in (select fact_key from data_point_revision where fact_id = any($1::text[]))
           or fact_key = any($2::text[])`;
      expect(fullReads(await plan(tx, old, [['dp-2807'], ['e7|2025|i7|']])).length).toBeGreaterThan(0);
    });
  });
});
