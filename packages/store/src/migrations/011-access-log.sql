-- The access log (issue #16): every denied request and every allowed write through the HTTP
-- API, with who (user, or the token that signed it), from where, what and the decision. The
-- data's own audit chain names the author of each change; this table adds the address and
-- the attempts that changed nothing. Append-only like the audit log: no update, no delete.
create table access_log (
  id bigserial primary key,
  at timestamptz not null,
  user_id text, -- null: the local user of an open server, or nobody signed in
  actor text not null check (length(actor) between 1 and 400), -- "Ann Lee <ann@x.com>", "… (token …)", "local user", "anonymous"
  address text not null check (length(address) <= 100),
  method text not null check (length(method) between 1 and 10),
  path text not null check (length(path) <= 500),
  action text check (length(action) <= 100), -- the permission asked (permissions.ts); null for a route without one
  decision text not null check (decision in ('allowed', 'forbidden', 'invisible', 'unauthenticated'))
);
create index access_log_at on access_log (at);

create function access_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'access_log is append-only';
end $$;
create trigger access_log_no_change before update or delete on access_log
  for each row execute function access_log_append_only();
