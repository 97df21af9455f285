/**
 * Telling other processes on one PostgreSQL database that the store changed. Every transaction
 * that creates a change set (import-run.ts, retract-facts.ts) calls notifyChange with its id;
 * PostgreSQL delivers the notification to every session listening on CHANGE_CHANNEL when, and
 * only when, that transaction commits (a rolled-back change set is never announced). A server's
 * workspace listens (Store.listen) and reads what it has not seen (store-workspace.ts in app).
 * PGlite runs in one process behind a folder lock, so nobody else can be listening there; the
 * call is harmless on it.
 */
import type { Sql } from './store.js';

export const CHANGE_CHANNEL = 'assay_change';

/** Announce change set `changeSet` (its id as decimal text) on commit of `tx`. */
export async function notifyChange(tx: Sql, changeSet: number): Promise<void> {
  await tx.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, String(changeSet)]);
}
