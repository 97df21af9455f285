-- Accounts (issue #16): users, role grants per entity subtree, sessions, API tokens and the
-- sign-in attempts that throttling counts. Secrets are never stored as given: passwords as
-- argon2id PHC strings, session and API tokens as the hex SHA-256 of the token (a stolen table
-- does not sign anybody in). Times are timestamptz passed in by the caller (the app owns the
-- clock). Numbered 010 on purpose: 007-009 may be added by other work; these tables depend on
-- none of theirs.

create table users (
  id text primary key, -- random UUID chosen by the app
  email text not null check (length(email) between 3 and 254 and email = btrim(email)),
  name text not null check (length(name) between 1 and 200),
  -- argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash); null: no local password
  -- (an account that can sign in only through an external provider, or not at all yet)
  password_hash text check (password_hash like '$argon2id$%'),
  disabled boolean not null default false,
  created_at timestamptz not null,
  password_changed_at timestamptz,
  totp_secret text -- base32 TOTP secret once a second factor is enrolled (not used yet)
);
-- One account per address whatever its case: Ann@X.com and ann@x.com are the same person.
create unique index users_email_lower on users (lower(email));

-- A role granted on an entity covers that entity and every entity below it. No foreign key to
-- entity: a bundle import replaces the entity rows (organisation-rows.ts), and a grant on an
-- entity that no longer exists simply covers nothing until the entity comes back.
create table grants (
  user_id text not null references users (id) on delete cascade,
  role text not null
    check (role in ('administrator', 'preparer', 'reviewer', 'approver', 'assurer', 'viewer')),
  entity_id text not null check (length(entity_id) between 1 and 200),
  granted_at timestamptz not null,
  granted_by text not null, -- who granted it: a user id, or the OS user for the CLI
  primary key (user_id, role, entity_id)
);

-- id_hash: hex SHA-256 of the session token the client holds; the token itself is never stored.
create table sessions (
  id_hash text primary key check (id_hash ~ '^[0-9a-f]{64}$'),
  user_id text not null references users (id) on delete cascade,
  created_at timestamptz not null,
  last_seen_at timestamptz not null, -- idle expiry counts from here
  expires_at timestamptz not null, -- absolute expiry, fixed at sign-in
  address text not null check (length(address) <= 100) -- the client address at sign-in
);
create index sessions_user on sessions (user_id);

-- roles: the subset of the user's roles the token carries (null: all of them). A token never
-- holds more than its user: its rights are the user's current grants filtered by these roles.
create table api_tokens (
  id text primary key, -- public id, to list and revoke by
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id text not null references users (id) on delete cascade,
  label text not null check (length(label) between 1 and 200),
  created_at timestamptz not null,
  revoked_at timestamptz,
  roles text[] check (roles <@ array['administrator', 'preparer', 'reviewer', 'approver', 'assurer', 'viewer'])
);
create index api_tokens_user on api_tokens (user_id);

-- Every sign-in attempt, counted per account (email_key) and per client address. email_key is
-- the lower-cased address as typed, whether or not such an account exists.
create table sign_in_attempts (
  id bigserial primary key,
  at timestamptz not null,
  email_key text not null check (length(email_key) <= 254),
  address text not null check (length(address) <= 100),
  outcome text not null check (outcome in ('success', 'failure', 'throttled'))
);
create index sign_in_attempts_email on sign_in_attempts (email_key, at);
create index sign_in_attempts_address on sign_in_attempts (address, at);
