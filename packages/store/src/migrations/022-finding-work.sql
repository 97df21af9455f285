-- Findings as work items (issue #20; docs/checks.md "Findings as work items"). Findings are
-- derived, not stored; their work state is, per finding id (core checks/finding-id.ts):
-- open, accepted (with a reason, by whom, when, and the digest of the inputs it was accepted
-- with: it stays accepted while they do not change), or resolved (the checker no longer finds
-- it). Comments on a finding are the comment table's (018, target_kind 'finding').
-- Append-only: every change is one row of finding_event holding the state after it (like
-- assignment_change); a finding's current state is its row of the highest version. The first
-- row (event 'seen') is written by the first run that finds it; 'resolve' by the first run that
-- no longer does, naming the revision of that run (the store's last change set it held) and
-- since_revision, the last run that still found it: the change that fixed it lies in between
-- (exactly that change when runs follow every write). Writes are serialised by an advisory lock
-- (store/src/finding-work.ts), so two servers on one database append one version each.
-- finding_run records each run's revision; a run behind the last one recorded changes nothing.

create table finding_event (
  id bigint generated always as identity primary key,
  finding_id text not null check (finding_id ~ '^f-[0-9a-f]{16}$'),
  version int not null check (version >= 1),
  event text not null
    check (event in ('seen', 'assign', 'accept', 'reopen', 'inputs-changed', 'reappeared', 'resolve')),
  state text not null check (state in ('open', 'accepted', 'resolved')),
  -- the finding's entity when the row was written (the group's for an organisation-wide one):
  -- who may read it is decided on it
  entity_id text not null check (length(entity_id) between 1 and 200),
  assignee text check (length(assignee) between 1 and 200), -- user id; null: nobody
  assignee_label text check (length(assignee_label) between 1 and 600),
  reason text check (length(reason) between 1 and 2000 and length(btrim(reason)) > 0),
  inputs_digest text check (inputs_digest ~ '^d-[0-9a-f]{16}$'),
  accepted_by text check (length(accepted_by) between 1 and 200),
  accepted_actor text check (length(accepted_actor) between 1 and 600),
  accepted_at timestamptz,
  revision bigint not null check (revision >= 0),
  since_revision bigint check (since_revision >= 0),
  user_id text not null check (length(user_id) between 1 and 200), -- user id, "local" or "checker"
  actor text not null check (length(actor) between 1 and 600),
  at timestamptz not null,
  -- the finding as last seen (rule, code, severity, where, message, values): a resolved finding
  -- is still listed with it
  finding jsonb not null,
  unique (finding_id, version),
  check ((assignee is null) = (assignee_label is null)),
  check (
    (state = 'accepted') = (reason is not null) and
    (state = 'accepted') = (inputs_digest is not null) and
    (state = 'accepted') = (accepted_by is not null) and
    (state = 'accepted') = (accepted_actor is not null) and
    (state = 'accepted') = (accepted_at is not null)
  ),
  check ((event = 'resolve') = (state = 'resolved')),
  check ((event = 'resolve') = (since_revision is not null))
);
create index finding_event_state on finding_event (state, finding_id, version);

create table finding_run (
  revision bigint primary key check (revision >= 0),
  at timestamptz not null,
  findings int not null check (findings >= 0)
);

do $$
declare t text;
begin
  foreach t in array array['finding_event', 'finding_run'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function assay_forbid_change()',
      t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function assay_forbid_change()',
      t || '_no_truncate', t);
  end loop;
end
$$;
