-- The approval workflow and the period lock (issue #17; docs/workflow.md). The unit of approval
-- is entity × period × topic (the catalogue's topic). workflow_unit holds each unit's current
-- state and version (the version a client names when it acts; +1 per transition); a unit
-- nobody has acted on has no row and counts as draft at version 0. workflow_transition is the
-- append-only record of every transition. A transition is decided in one transaction with the
-- unit's row locked (select … for update) and its version checked (store/src/workflow-units.ts);
-- the unique (unit, version) below is the last guard: two transitions from one version cannot
-- both be recorded. Ids are compared for segregation of duties: user ids, or "local" for the
-- local user (CLI, open server). Times are passed in by the application (it owns the clock).

create table workflow_unit (
  entity_id text not null check (length(entity_id) between 1 and 200),
  period_id text not null check (length(period_id) between 1 and 20),
  topic text not null check (length(topic) between 1 and 100),
  state text not null check (state in ('draft', 'submitted', 'reviewed', 'approved')),
  version int not null check (version >= 0),
  submitted_by text check (length(submitted_by) between 1 and 200), -- the current submission's
  reviewed_by text check (length(reviewed_by) between 1 and 200), -- the current submission's review
  exceptions text[] not null default '{}', -- users allowed despite segregation, until a reopen
  updated_at timestamptz, -- null: never acted on
  primary key (entity_id, period_id, topic)
);
create index workflow_unit_period on workflow_unit (period_id);

create table workflow_transition (
  id bigserial primary key,
  entity_id text not null,
  period_id text not null,
  topic text not null,
  version int not null check (version >= 1), -- the unit's version after this transition
  from_state text not null check (from_state in ('draft', 'submitted', 'reviewed', 'approved')),
  to_state text not null check (to_state in ('draft', 'submitted', 'reviewed', 'approved')),
  event text not null check (event in ('submit', 'return', 'review', 'approve', 'reopen', 'exception')),
  user_id text not null check (length(user_id) between 1 and 200),
  actor text not null check (length(actor) between 1 and 600), -- "Ann Lee <ann@x.com>" (name ≤ 200, email ≤ 254), "local user"
  comment text check (length(comment) <= 2000),
  exception_for text check (length(exception_for) between 1 and 200), -- event 'exception': who is allowed
  at timestamptz not null,
  foreign key (entity_id, period_id, topic) references workflow_unit (entity_id, period_id, topic),
  unique (entity_id, period_id, topic, version)
);

-- Periods locked now: a write of a fact whose period overlaps one is refused (core
-- workflow/period-lock.ts; checked inside every write transaction, import-run.ts). Locking and
-- unlocking take the import lock, so a lock and a write never interleave.
create table period_lock (
  period_id text primary key check (length(period_id) between 1 and 20),
  user_id text, -- null: the local user
  actor text not null check (length(actor) between 1 and 600),
  at timestamptz not null,
  reason text not null check (length(btrim(reason)) between 1 and 2000)
);

-- Every lock and unlock, append-only.
create table period_lock_event (
  id bigserial primary key,
  period_id text not null check (length(period_id) between 1 and 20),
  action text not null check (action in ('lock', 'unlock')),
  user_id text,
  actor text not null check (length(actor) between 1 and 600),
  at timestamptz not null,
  reason text not null check (length(btrim(reason)) between 1 and 2000)
);

do $$
declare t text;
begin
  foreach t in array array['workflow_transition', 'period_lock_event'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function assay_forbid_change()',
      t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function assay_forbid_change()',
      t || '_no_truncate', t);
  end loop;
end
$$;
