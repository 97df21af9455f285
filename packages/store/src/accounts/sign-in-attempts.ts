/**
 * Sign-in attempts, the evidence throttling counts (app/access/throttle.ts holds the policy).
 * Counted per account (`email_key`, the lower-cased email as typed, existing account or not)
 * and per client address.
 */
import type { Sql } from '../store.js';
import { isoOf } from './timestamps.js';

export type SignInOutcomeKind = 'success' | 'failure' | 'throttled';

export type SignInAttempt = {
  /** The email as typed; stored lower-cased and trimmed. */
  readonly email: string;
  readonly address: string;
  readonly outcome: SignInOutcomeKind;
  /** ISO-8601. */
  readonly at: string;
};

/** The key an account's attempts are counted under. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export async function recordSignInAttempt(sql: Sql, a: SignInAttempt): Promise<void> {
  await sql.query('insert into sign_in_attempts (at, email_key, address, outcome) values ($1, $2, $3, $4)', [
    a.at,
    emailKey(a.email),
    a.address,
    a.outcome,
  ]);
}

export type RecentFailures = {
  readonly failures: number;
  /** ISO-8601 UTC of the latest counted failure; null when none. */
  readonly lastFailureAt: string | null;
};

/**
 * Failures after `since` for one account or one address. With `sinceLastSuccess`, only the
 * failures after that key's latest success count (the owner signing in clears the account's
 * count; an address's count should not be cleared by one account that signs in from it).
 * Throttled attempts are recorded but never counted: they did not test a password.
 */
export async function countRecentFailures(
  sql: Sql,
  key: { readonly email: string } | { readonly address: string },
  since: string,
  sinceLastSuccess: boolean,
): Promise<RecentFailures> {
  const [column, value] = 'email' in key ? ['email_key', emailKey(key.email)] : ['address', key.address];
  const [row] = await sql.query<{ failures: number; lastFailureAt: string | null }>(
    `select count(*)::int as failures, ${isoOf('max(at)')} as "lastFailureAt"
     from sign_in_attempts
     where ${column} = $1 and outcome = 'failure'
       and at > greatest($2::timestamptz, case when $3::boolean then
         coalesce((select max(at) from sign_in_attempts where ${column} = $1 and outcome = 'success'), '-infinity')
         else '-infinity' end)`,
    [value, since, sinceLastSuccess],
  );
  return { failures: Number(row?.failures ?? 0), lastFailureAt: row?.lastFailureAt ?? null };
}

/** Forget attempts at or before `before` (older than every window the policy looks at). */
export async function pruneSignInAttempts(sql: Sql, before: string): Promise<number> {
  const rows = await sql.query('delete from sign_in_attempts where at <= $1 returning id', [before]);
  return rows.length;
}
