-- Restatement and base year (issue #17; docs/workflow.md, "Restatement and base year").
--
-- The organisation's base year and recalculation policy ({year, thresholdPercent, triggers} as
-- assay.yaml writes it; null: none chosen), and each entity's acquisition and disposal dates
-- (ISO calendar dates as text, so no driver turns them into a time of day in some zone).
alter table organisation add column base_year jsonb;
alter table entity add column acquired_on text check (acquired_on ~ '^\d{4}-\d{2}-\d{2}$');
alter table entity add column disposed_on text check (disposed_on ~ '^\d{4}-\d{2}-\d{2}$');

-- A restatement request: the change (GHG Protocol ch. 5's triggers), the reason, and the facts
-- it moves (restatement_item). It is approved like a workflow unit (015-workflow.sql): state,
-- version (1 when requested, +1 per transition; a client names the version it acts on),
-- submitter and reviewer of the current submission for segregation of duties. Approval writes
-- the new revisions in one change set (`change_set`), in the same transaction as the
-- transition; `effect` is what the app calculated (the base-year test), at the request and
-- again at approval.
create table restatement (
  id bigint generated always as identity primary key,
  change_type text not null check (change_type in ('structural-change', 'methodology', 'error-correction')),
  reason text not null check (length(btrim(reason)) between 1 and 2000),
  state text not null check (state in ('draft', 'submitted', 'reviewed', 'approved')),
  version int not null check (version >= 1),
  requested_by text not null check (length(requested_by) between 1 and 200), -- user id, "local"
  requester text not null check (length(requester) between 1 and 600), -- "Ann Lee <ann@x.com>"
  requested_at timestamptz not null,
  submitted_by text check (length(submitted_by) between 1 and 200),
  reviewed_by text check (length(reviewed_by) between 1 and 200),
  exceptions text[] not null default '{}',
  updated_at timestamptz not null,
  change_set bigint, -- set on approval: the change set holding the new revisions
  effect jsonb
);

-- The facts a request moves, fixed when it is made: the revision it restates (null for a fact
-- the restatement adds, e.g. an acquired entity's base-year data) with its value, and the fact
-- as it will be (`fact`: the columns of data-points.csv or activity-lines.csv, as text).
create table restatement_item (
  restatement_id bigint not null references restatement (id),
  position int not null check (position >= 0),
  kind text not null check (kind in ('data-point', 'activity-line')),
  fact_id text not null check (length(fact_id) between 1 and 200),
  fact_key text collate "C" not null,
  entity_id text not null,
  period_id text not null,
  old_rev int check (old_rev >= 1),
  old_value numeric,
  old_unit text,
  new_value numeric not null,
  new_unit text not null,
  fact jsonb not null,
  primary key (restatement_id, position),
  unique (restatement_id, kind, fact_key),
  check ((old_rev is null) = (old_value is null) and (old_rev is null) = (old_unit is null))
);

-- Every transition of a request, append-only ('request' is its making, version 1).
create table restatement_transition (
  id bigserial primary key,
  restatement_id bigint not null references restatement (id),
  version int not null check (version >= 1),
  from_state text not null check (from_state in ('draft', 'submitted', 'reviewed', 'approved')),
  to_state text not null check (to_state in ('draft', 'submitted', 'reviewed', 'approved')),
  event text not null check (event in ('request', 'submit', 'return', 'review', 'approve')),
  user_id text not null check (length(user_id) between 1 and 200),
  actor text not null check (length(actor) between 1 and 600),
  comment text check (length(comment) <= 2000),
  at timestamptz not null,
  unique (restatement_id, version)
);

-- The link from each revision an approved restatement wrote to the one it replaced: fact
-- (kind, fact_key) revision new_rev was written by restatement_id and restates old_rev (null:
-- the fact is new). A revision is written by at most one restatement (the primary key).
create table restatement_revision (
  restatement_id bigint not null references restatement (id),
  kind text not null check (kind in ('data-point', 'activity-line')),
  fact_key text collate "C" not null,
  old_rev int check (old_rev >= 1),
  new_rev int not null check (new_rev >= 1),
  change_set bigint not null,
  primary key (kind, fact_key, new_rev),
  check (old_rev is null or old_rev < new_rev)
);
create index restatement_revision_by_restatement on restatement_revision (restatement_id);

do $$
declare t text;
begin
  foreach t in array array['restatement_item', 'restatement_transition', 'restatement_revision'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function assay_forbid_change()',
      t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function assay_forbid_change()',
      t || '_no_truncate', t);
  end loop;
end
$$;

-- A request is never removed (its state changes, under its row lock).
create trigger restatement_no_delete before delete on restatement
  for each row execute function assay_forbid_change();
create trigger restatement_no_truncate before truncate on restatement
  for each statement execute function assay_forbid_change();
