-- Recovery codes of the TOTP second factor (ASVS 4.0.3 V2.6 look-up secrets; app/src/access/
-- recovery-codes.ts): one-time codes a user keeps on paper for when the authenticator device is
-- lost. Only a SHA-256 of each is kept (the code has 80 random bits, so a plain hash cannot be
-- reversed by guessing; the user id is hashed in, so one user's list cannot be matched against
-- another's). A code is used once: used_at is set by one conditional update. Making a new list
-- replaces the old one; turning the second factor off removes the list.
create table totp_recovery_code (
  user_id text not null references users (id),
  code_hash text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  made_at timestamptz not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);
