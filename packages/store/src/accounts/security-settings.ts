/**
 * Organisation-wide security settings (012-totp.sql): one row, read and replaced whole. Who
 * may change them (`manage-settings`) is decided by the doors before this runs.
 */
import type { Sql } from '../store.js';
import { isoOf } from './timestamps.js';

export type SecuritySettingsRow = {
  /** Administrators without a confirmed TOTP second factor must enrol before anything else. */
  readonly requireTotpForAdministrators: boolean;
  /** ISO-8601 UTC of the last change; null: never changed. */
  readonly updatedAt: string | null;
  /** Who changed them last ("Ann Lee <ann@x.com>", "local user"); null: nobody yet. */
  readonly updatedBy: string | null;
};

export async function readSecuritySettings(sql: Sql): Promise<SecuritySettingsRow> {
  const [row] = await sql.query<SecuritySettingsRow>(
    `select require_totp_for_administrators as "requireTotpForAdministrators",
       ${isoOf('updated_at')} as "updatedAt", updated_by as "updatedBy"
     from security_settings where id`,
  );
  // The migration inserts the row and nothing deletes it; a missing row means the defaults.
  return row ?? { requireTotpForAdministrators: false, updatedAt: null, updatedBy: null };
}

/** Replace the settings; `at` is ISO-8601, `by` who changed them (1–400 characters). */
export async function writeSecuritySettings(
  sql: Sql,
  s: { readonly requireTotpForAdministrators: boolean; readonly at: string; readonly by: string },
): Promise<void> {
  await sql.query(
    `insert into security_settings (id, require_totp_for_administrators, updated_at, updated_by)
     values (true, $1, $2, $3)
     on conflict (id) do update set require_totp_for_administrators = excluded.require_totp_for_administrators,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [s.requireTotpForAdministrators, s.at, s.by],
  );
}
