/**
 * Utility bills in the store (027-utility-bills.sql; docs/meters.md "Utility bills"): one
 * document in versions, like the meter register (meter-readings.ts): the latest version is read,
 * and a new one is saved only when the version it edits is the latest.
 */
import type { Sql, Store } from './store.js';

export type StoredUtilityBills = {
  readonly version: number;
  readonly bills: readonly Record<string, string>[];
};

/** The latest bills version (rows as text fields), or undefined when none was saved. */
export async function utilityBills(sql: Sql): Promise<StoredUtilityBills | undefined> {
  const [r] = await sql.query<{ version: number; bills: Record<string, string>[] }>(
    'select version, bills from utility_bill_version order by version desc limit 1',
  );
  return r ? { version: Number(r.version), bills: r.bills } : undefined;
}

/** Save the bills as a new version; refused (returns the current version) when `expectedVersion` is not the latest. */
export async function saveUtilityBills(
  store: Store,
  bills: readonly Record<string, string>[],
  expectedVersion: number,
  who: { actor: string; reason: string; at: string },
): Promise<{ ok: true; version: number } | { ok: false; currentVersion: number }> {
  return store.transaction(async (tx) => {
    await tx.query('lock table utility_bill_version in exclusive mode');
    const [cur] = await tx.query<{ v: number | null }>('select max(version) as v from utility_bill_version');
    const current = Number(cur?.v ?? 0);
    if (current !== expectedVersion) return { ok: false as const, currentVersion: current };
    await tx.query(
      'insert into utility_bill_version (version, bills, actor, reason, at) values ($1, $2, $3, $4, $5)',
      [current + 1, JSON.stringify(bills), who.actor, who.reason, who.at],
    );
    return { ok: true as const, version: current + 1 };
  });
}
