/**
 * A user's TOTP second factor in the database (012-totp.sql): the pending secret of an
 * enrolment not yet confirmed, the confirmed secret (users.totp_secret) and the last time step
 * a code was accepted for. Codes and the policy are the app's (app/access/totp.ts); this file
 * only stores what it is told, and decides replay atomically (`useTotpStep`).
 */
import type { Sql } from '../store.js';

export type TotpRow = {
  /** Base32 secret of the confirmed second factor; null: none. */
  readonly secret: string | null;
  /** Base32 secret of an enrolment begun and not yet confirmed; null: none. */
  readonly pending: string | null;
  /** The 30-second step of the last code accepted; null: none yet. */
  readonly lastStep: number | null;
};

/** The user's second factor, or undefined when there is no such user. */
export async function findTotp(sql: Sql, userId: string): Promise<TotpRow | undefined> {
  const [row] = await sql.query<TotpRow>(
    `select totp_secret as secret, totp_pending as pending, totp_last_step as "lastStep"
     from users where id = $1`,
    [userId],
  );
  return row;
}

/** Keep `secret` as the pending enrolment (replacing any earlier one); false: no such user. */
export async function setTotpPending(sql: Sql, userId: string, secret: string): Promise<boolean> {
  const rows = await sql.query('update users set totp_pending = $2 where id = $1 returning id', [
    userId,
    secret,
  ]);
  return rows.length === 1;
}

/**
 * Make the pending secret the second factor, if it is still `pending` (a newer enrolment begun
 * meanwhile is not confirmed by a code of the older one); `step` is the step of the code that
 * confirmed it, so that code cannot also sign in. False when the pending secret differs.
 */
export async function confirmTotp(sql: Sql, userId: string, pending: string, step: number): Promise<boolean> {
  const rows = await sql.query(
    `update users set totp_secret = totp_pending, totp_pending = null, totp_last_step = $3
     where id = $1 and totp_pending = $2 returning id`,
    [userId, pending, step],
  );
  return rows.length === 1;
}

/**
 * Record that a code of `step` was accepted, only if no code of this step or a later one was
 * (RFC 6238 section 5.2: a code is accepted once). False: replayed (or no such user).
 */
export async function useTotpStep(sql: Sql, userId: string, step: number): Promise<boolean> {
  const rows = await sql.query(
    `update users set totp_last_step = $2
     where id = $1 and (totp_last_step is null or totp_last_step < $2) returning id`,
    [userId, step],
  );
  return rows.length === 1;
}

/** Remove the second factor and any pending enrolment; false: no such user. */
export async function clearTotp(sql: Sql, userId: string): Promise<boolean> {
  const rows = await sql.query(
    `update users set totp_secret = null, totp_pending = null, totp_last_step = null
     where id = $1 returning id`,
    [userId],
  );
  return rows.length === 1;
}
