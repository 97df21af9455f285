-- TOTP second factor (issue #16; RFC 6238, app/src/access/totp.ts). users.totp_secret (010)
-- now holds the confirmed secret; an enrolment is kept in totp_pending until the user proves
-- with a code that their authenticator app has it. Secrets are base32 (RFC 4648, no padding).
-- totp_last_step is the 30-second step (seconds since 1970 / 30) of the last code accepted:
-- a code of that step or an earlier one is refused (no replay). An integer holds steps up to
-- 2^31 - 1, the year 4011.
alter table users add column totp_pending text check (totp_pending ~ '^[A-Z2-7]{16,128}$');
alter table users add column totp_last_step integer check (totp_last_step >= 0);
alter table users add constraint users_totp_secret_base32 check (totp_secret ~ '^[A-Z2-7]{16,128}$');

-- Organisation-wide security settings: exactly one row (id is always true).
create table security_settings (
  id boolean primary key default true check (id),
  -- an administrator (the role on any entity) without a confirmed second factor may, once
  -- signed in, only enrol one (server/src/http/enforce-rules.ts)
  require_totp_for_administrators boolean not null default false,
  updated_at timestamptz, -- null: never changed since this migration
  updated_by text check (length(updated_by) between 1 and 400) -- "Ann Lee <ann@x.com>", "local user"
);
insert into security_settings (id) values (true);
