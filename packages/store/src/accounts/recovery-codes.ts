/**
 * The recovery codes of a user's second factor in the database (021-recovery-codes.sql). The
 * codes, their hashing and the policy are the app's (app/access/recovery-codes.ts); this file
 * stores the hashes it is given and decides "used once" atomically (`useRecoveryCode`).
 */
import type { Sql } from '../store.js';

/**
 * Replace the user's list with these hashes (made at `at`, ISO-8601), all or nothing: one
 * statement, so a refused hash leaves the old list as it was (a test found the two-statement
 * version wiping the list when the insert failed outside a transaction). The delete and the
 * insert see the same snapshot, so the delete spares any hash of the new list and the insert
 * makes such a row new and unused again instead of colliding with it.
 */
export async function replaceRecoveryCodes(
  sql: Sql,
  userId: string,
  hashes: readonly string[],
  at: string,
): Promise<void> {
  await sql.query(
    `with gone as (delete from totp_recovery_code where user_id = $1 and not (code_hash = any($2::text[])))
     insert into totp_recovery_code (user_id, code_hash, made_at)
     select $1, h, $3 from unnest($2::text[]) as h
     on conflict (user_id, code_hash) do update set made_at = excluded.made_at, used_at = null`,
    [userId, hashes, at],
  );
}

/** Mark the code with this hash used, only if it is the user's and unused. False otherwise. */
export async function useRecoveryCode(sql: Sql, userId: string, hash: string, at: string): Promise<boolean> {
  const rows = await sql.query(
    `update totp_recovery_code set used_at = $3
     where user_id = $1 and code_hash = $2 and used_at is null returning user_id`,
    [userId, hash, at],
  );
  return rows.length === 1;
}

/** How many of the user's recovery codes are still unused. */
export async function unusedRecoveryCodes(sql: Sql, userId: string): Promise<number> {
  const [row] = await sql.query<{ n: string }>(
    'select count(*)::text as n from totp_recovery_code where user_id = $1 and used_at is null',
    [userId],
  );
  return Number(row?.n ?? 0);
}

/** Remove the user's list (the second factor was turned off). */
export async function clearRecoveryCodes(sql: Sql, userId: string): Promise<void> {
  await sql.query('delete from totp_recovery_code where user_id = $1', [userId]);
}
