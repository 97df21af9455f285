/**
 * The overlap rule's SQL (fact-conflicts.ts OVERLAPS_SQL), model-based: random stored revisions
 * (current, superseded, retracted; this import's and earlier change sets'; entity ids that share a
 * key prefix with another's year) and random staged rows, checked against the direct comparison it
 * replaced (every staged row against every fact of its entity and year: REFERENCE below, kept
 * as the model). Same rows, same order, with and without a limit. Real PostgreSQL; each case in a
 * transaction that is rolled back (revisions are append-only).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { OVERLAPS_SQL } from './fact-conflicts.js';
import { createKeyStages } from './fact-duplicates.js';
import { migrate } from './migrate.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

const kindOf = (col: string) =>
  `(case when length(${col}) = 4 then 'y' when ${col} like '%Q%' then 'q' else 'm' end)`;

/** The rule as it was first written: each staged row against its entity's year, fact by fact. */
const REFERENCE = `with mine as (
       select s.file, s.line, c.fact_key, c.entity_id, c.period_id, c.indicator_id, c.disaggregation
       from stage_dp s cross join lateral (
         select * from data_point_revision r where r.fact_key = s.fact_key order by r.rev desc limit 1) c
       where not c.retracted and c.change_set = $1)
     select distinct on (m.file, m.line) m.file, m.line, m.period_id as period, o.fact_id as other_id,
       o.period_id as other_period, o.fact_key as other_key, os.line as other_line
     from mine m
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

const THIS_IMPORT = 9;
const ENTITIES = ['a', 'b', 'a|2025'] as const; // "a|2025|…" keys lie in the key range of a's 2025
const PERIODS = ['2025', '2025', '2025-Q1', '2025-01', '2025-02', '2024', '2024-01'] as const;

const revision = fc.record({
  changeSet: fc.constantFrom(1, 2, THIS_IMPORT, THIS_IMPORT),
  retracted: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
});
const fact = fc.record({
  entity: fc.constantFrom('a', ...ENTITIES),
  period: fc.constantFrom(...PERIODS),
  indicator: fc.constantFrom('i1', 'i1', 'i2'),
  disaggregation: fc.constantFrom('', '', 'gender=male'),
  revisions: fc.array(revision, { minLength: 1, maxLength: 3 }),
  staged: fc.option(
    fc.record({ file: fc.constantFrom('a.csv', 'b.csv'), line: fc.integer({ min: 2, max: 40 }) }),
  ),
});

class Rollback extends Error {}

let db: TestDatabase;
let store: Store;

beforeAll(async () => {
  db = await createTestDatabase();
  store = await openPostgresStore(db.url);
  await migrate(store, '2026-01-01T00:00:00.000Z');
}, 60_000);

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe('overlap rule (OVERLAPS_SQL)', () => {
  it('finds what the fact-by-fact comparison finds, in the same order, on random stored and staged facts', async () => {
    let withFindings = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fact, { maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        async (facts, limit) => {
          const seen = new Set<string>();
          const unique = facts.filter((f) => {
            const key = `${f.entity}|${f.period}|${f.indicator}|${f.disaggregation}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
          const outcome = await store
            .transaction(async (tx) => {
              await createKeyStages(tx);
              let seq = 0;
              for (const [k, f] of unique.entries()) {
                const key = `${f.entity}|${f.period}|${f.indicator}|${f.disaggregation}`;
                for (const [r, rev] of f.revisions.entries())
                  await tx.query(
                    `insert into data_point_revision (fact_key, rev, change_set, seq, fact_id, entity_id,
                     period_id, indicator_id, disaggregation, value, unit, source, retracted)
                   values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, 't', 'model', $10)`,
                    [
                      key,
                      r + 1,
                      rev.changeSet,
                      ++seq,
                      `dp-${k}`,
                      f.entity,
                      f.period,
                      f.indicator,
                      f.disaggregation,
                      rev.retracted,
                    ],
                  );
                if (f.staged)
                  await tx.query('insert into stage_dp values ($1, $2, $3, $4)', [
                    f.staged.line + k * 100, // distinct lines
                    f.staged.file,
                    key,
                    `dp-${k}`,
                  ]);
              }
              const got = await tx.query(OVERLAPS_SQL, [THIS_IMPORT, limit]);
              const want = await tx.query(REFERENCE, [THIS_IMPORT, limit]);
              const all = await tx.query(REFERENCE, [THIS_IMPORT, 1000]);
              throw new Rollback(JSON.stringify({ got, want, all }));
            })
            .catch((e: unknown) => {
              if (e instanceof Rollback)
                return JSON.parse(e.message) as { got: unknown[]; want: unknown[]; all: unknown[] };
              throw e;
            });
          if (outcome.all.length > 0) withFindings++;
          expect(outcome.got).toEqual(outcome.want);
        },
      ),
      { numRuns: 150 },
    );
    // the cases must include overlaps, or the comparison says little
    expect(withFindings).toBeGreaterThan(20);
  }, 180_000);
});
