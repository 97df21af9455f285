-- The materiality assessment (issue #18; docs/registers.md "Materiality"): a survey the
-- administrator builds, the respondents' answers, and the approved topic list. Three tables,
-- each append-only: every write is one row holding the thing after it (null body: retracted),
-- with its own version (1 for the first; a stale version is refused in the writing transaction
-- under an advisory lock: store/src/materiality.ts). Responses live in their own rows rather
-- than in the registers document so that thirty respondents answering at once do not rewrite
-- one document thirty times.
create table materiality_survey_revision (
  survey_id text not null check (survey_id ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  version int not null check (version >= 1),
  body jsonb, -- the survey (core model/materiality.ts); null when this revision retracts it
  author text not null check (length(author) between 1 and 600),
  reason text not null check (length(reason) between 1 and 2000),
  at timestamptz not null,
  primary key (survey_id, version)
);

create table materiality_response_revision (
  survey_id text not null check (survey_id ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  response_id text not null check (response_id ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  version int not null check (version >= 1),
  body jsonb, -- the response; null when withdrawn
  author text not null check (length(author) between 1 and 600),
  reason text not null check (length(reason) between 1 and 2000),
  at timestamptz not null,
  primary key (survey_id, response_id, version)
);

create table materiality_approval_revision (
  survey_id text not null check (survey_id ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  version int not null check (version >= 1),
  body jsonb, -- the approval (topic ids, approver, date); null when withdrawn
  author text not null check (length(author) between 1 and 600),
  reason text not null check (length(reason) between 1 and 2000),
  at timestamptz not null,
  primary key (survey_id, version)
);

create trigger materiality_survey_revision_append_only before update or delete on materiality_survey_revision
  for each row execute function assay_forbid_change();
create trigger materiality_survey_revision_no_truncate before truncate on materiality_survey_revision
  for each statement execute function assay_forbid_change();
create trigger materiality_response_revision_append_only before update or delete on materiality_response_revision
  for each row execute function assay_forbid_change();
create trigger materiality_response_revision_no_truncate before truncate on materiality_response_revision
  for each statement execute function assay_forbid_change();
create trigger materiality_approval_revision_append_only before update or delete on materiality_approval_revision
  for each row execute function assay_forbid_change();
create trigger materiality_approval_revision_no_truncate before truncate on materiality_approval_revision
  for each statement execute function assay_forbid_change();
