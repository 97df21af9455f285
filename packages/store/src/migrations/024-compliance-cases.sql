-- Anti-corruption and whistleblowing cases (issue #18; docs/registers.md "Compliance cases",
-- docs/security.md "Compliance cases"). Case rows are confidential: they live here, outside the
-- registers document and every other table a bundle, workbook or report is built from, so no
-- export can carry one by mistake. Only the compliance role reads or writes them (app
-- access/permissions.ts); everyone else sees counts derived from them.
--
-- 1. The compliance role, added to the role lists of grants and API tokens (010-accounts.sql).
alter table grants drop constraint grants_role_check;
alter table grants add constraint grants_role_check
  check (role in ('administrator', 'preparer', 'reviewer', 'approver', 'assurer', 'viewer', 'compliance'));
alter table api_tokens drop constraint api_tokens_roles_check;
alter table api_tokens add constraint api_tokens_roles_check
  check (roles <@ array['administrator', 'preparer', 'reviewer', 'approver', 'assurer', 'viewer', 'compliance']);

-- 2. Cases, append-only: every write is one row holding the case after it (null body: a
-- retraction), with its own version per case (1 for the first; a stale version is refused in
-- the writing transaction under an advisory lock: store/src/compliance-cases.ts).
create table compliance_case_revision (
  case_id text not null check (case_id ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  version int not null check (version >= 1),
  body jsonb, -- the case (core model/compliance-case.ts); null when this revision retracts it
  author text not null check (length(author) between 1 and 600),
  reason text not null check (length(reason) between 1 and 2000),
  at timestamptz not null,
  primary key (case_id, version)
);

create trigger compliance_case_revision_append_only before update or delete on compliance_case_revision
  for each row execute function assay_forbid_change();
create trigger compliance_case_revision_no_truncate before truncate on compliance_case_revision
  for each statement execute function assay_forbid_change();
