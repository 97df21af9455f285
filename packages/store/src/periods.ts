/** The period table lists every period a fact uses (year, quarter or month; see core model/period.ts). */
import { parsePeriod } from '@assay/core/forms';
import type { Sql } from './store.js';

export async function ensurePeriods(tx: Sql, ids: readonly string[]): Promise<void> {
  const parsed = ids.map(parsePeriod).filter((p) => p !== undefined);
  if (parsed.length === 0) return;
  await tx.query(
    `insert into period (id, kind, year, idx)
     select * from unnest($1::text[], $2::text[], $3::int[], $4::int[]) on conflict (id) do nothing`,
    [
      parsed.map((p) => p.id),
      parsed.map((p) => p.kind),
      parsed.map((p) => p.year),
      parsed.map((p) => p.index),
    ],
  );
}
