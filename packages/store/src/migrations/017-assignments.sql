-- Reporting cycles and assignments (issue #17; docs/workflow.md "Cycles and assignments").
-- A cycle is opened for a period (a year, or a quarter) with an entry frequency; its entry
-- periods (2026-01 … 2026-12 for a monthly 2026 cycle) are where units (entity × period × topic)
-- are entered and approved. Cycles do not overlap (decided by the application under the
-- assignment lock, store/src/assignments.ts) and are never changed (append-only).
-- An assignment gives one indicator of one entity in one entry period to one preparer with a
-- due date (a calendar day). Its row holds the current assignee (null: withdrawn) and version;
-- every change, the first included, is one row of assignment_change (append-only) with who
-- made it and when, so a reassignment is a recorded change, never a silent update. Each bulk
-- request that changes anything also appends one entry to the hash-chained audit log.
-- User ids are the accounts' (users.id) or "local" (the CLI, an open server); no foreign key,
-- as in workflow_transition: the records outlive an account.

create table reporting_cycle (
  period_id text primary key check (length(period_id) between 1 and 20),
  frequency text not null check (frequency in ('month', 'quarter', 'year')),
  opened_by text not null check (length(opened_by) between 1 and 200), -- user id
  actor text not null check (length(actor) between 1 and 600), -- "Ann Lee <ann@x.com>", "local user"
  opened_at timestamptz not null
);

create table assignment (
  id bigint generated always as identity primary key,
  cycle_id text not null references reporting_cycle (period_id),
  period_id text not null check (length(period_id) between 1 and 20), -- the entry period
  entity_id text not null check (length(entity_id) between 1 and 200),
  indicator_id text not null check (length(indicator_id) between 1 and 200),
  topic text not null check (length(topic) between 1 and 100), -- the indicator's: the unit's topic
  assignee text check (length(assignee) between 1 and 200), -- user id; null: withdrawn
  assignee_label text check (length(assignee_label) between 1 and 600), -- "Ann Lee <ann@x.com>"
  due_date date,
  version int not null check (version >= 1), -- = the number of its changes
  assigned_by text not null check (length(assigned_by) between 1 and 200), -- the last change's
  actor text not null check (length(actor) between 1 and 600),
  at timestamptz not null,
  check ((assignee is null) = (due_date is null) and (assignee is null) = (assignee_label is null)),
  unique (period_id, entity_id, indicator_id)
);
create index assignment_cycle on assignment (cycle_id);
create index assignment_assignee on assignment (assignee) where assignee is not null;
create index assignment_unit on assignment (entity_id, period_id, topic);

create table assignment_change (
  id bigint generated always as identity primary key,
  assignment_id bigint not null references assignment (id),
  version int not null check (version >= 1), -- the assignment's version after the change
  assignee text check (length(assignee) between 1 and 200), -- null: withdrawn
  assignee_label text check (length(assignee_label) between 1 and 600),
  due_date date,
  assigned_by text not null check (length(assigned_by) between 1 and 200),
  actor text not null check (length(actor) between 1 and 600),
  at timestamptz not null,
  unique (assignment_id, version)
);

do $$
declare t text;
begin
  foreach t in array array['reporting_cycle', 'assignment_change'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function assay_forbid_change()',
      t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function assay_forbid_change()',
      t || '_no_truncate', t);
  end loop;
end
$$;
