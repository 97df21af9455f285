/**
 * Users: one row per account. Emails are unique whatever their case (users_email_lower).
 * Password hashes arrive already hashed (app/access/passwords.ts); this file never sees a
 * password.
 */
import type { Sql } from '../store.js';
import { isoOf } from './timestamps.js';

export type UserRow = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  /** argon2id PHC string, or null when the account has no local password. */
  readonly passwordHash: string | null;
  readonly disabled: boolean;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  readonly passwordChangedAt: string | null;
  readonly totpSecret: string | null;
};

export type NewUser = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string | null;
  /** ISO-8601. */
  readonly at: string;
};

const COLUMNS = `id, email, name, password_hash as "passwordHash", disabled,
  ${isoOf('created_at')} as "createdAt", ${isoOf('password_changed_at')} as "passwordChangedAt",
  totp_secret as "totpSecret"`;

/** Insert a user; `exists` when another account already has this email (any case). */
export async function createUser(
  sql: Sql,
  u: NewUser,
): Promise<{ ok: true } | { ok: false; reason: 'exists' }> {
  const rows = await sql.query(
    `insert into users (id, email, name, password_hash, created_at, password_changed_at)
     values ($1, $2, $3, $4, $5, case when $4::text is null then null else $5::timestamptz end)
     on conflict do nothing returning id`,
    [u.id, u.email, u.name, u.passwordHash, u.at],
  );
  return rows.length === 1 ? { ok: true } : { ok: false, reason: 'exists' };
}

export async function findUserByEmail(sql: Sql, email: string): Promise<UserRow | undefined> {
  const [row] = await sql.query<UserRow>(`select ${COLUMNS} from users where lower(email) = lower($1)`, [
    email.trim(),
  ]);
  return row;
}

export async function findUserById(sql: Sql, id: string): Promise<UserRow | undefined> {
  const [row] = await sql.query<UserRow>(`select ${COLUMNS} from users where id = $1`, [id]);
  return row;
}

/** Every user, by email. */
export async function listUsers(sql: Sql): Promise<UserRow[]> {
  return sql.query<UserRow>(`select ${COLUMNS} from users order by lower(email)`);
}

/** Replace the password hash; false when there is no such user. */
export async function setPassword(
  sql: Sql,
  userId: string,
  passwordHash: string,
  at: string,
): Promise<boolean> {
  const rows = await sql.query(
    'update users set password_hash = $2, password_changed_at = $3 where id = $1 returning id',
    [userId, passwordHash, at],
  );
  return rows.length === 1;
}

/**
 * Disable (or re-enable) an account; false when there is no such user. Disabling does not end
 * the user's sessions by itself: the app deletes them in the same transaction
 * (app/access/accounts.ts), and refuses a disabled user's session or token anyway.
 */
export async function disableUser(sql: Sql, userId: string, disabled = true): Promise<boolean> {
  const rows = await sql.query('update users set disabled = $2 where id = $1 returning id', [
    userId,
    disabled,
  ]);
  return rows.length === 1;
}

/** Whether any account exists (the server is open until the first one: docs/security.md). */
export async function anyUser(sql: Sql): Promise<boolean> {
  const rows = await sql.query('select 1 from users limit 1');
  return rows.length > 0;
}
