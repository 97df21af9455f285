-- Fact revisions keyed by (fact_key, rev) alone, for bulk imports (issue #8).
-- Measured on PostgreSQL 15 here, 1,000,000 activity lines by COPY: the v1 table (a bigserial
-- rev_id primary key, a unique (fact_key, rev) index in the database's C.UTF-8 collation, a
-- content-hash column and a statement trigger with a transition table checking references)
-- took 12.7 s; this table takes 5.3–5.7 s. What changed, and what replaces it:
-- * One index: the primary key (fact_key, rev), with fact_key in the byte-order "C" collation
--   (cheaper comparisons; the key is an identifier, not text for people to sort).
-- * No rev_id: a revision is named by its fact and number, and supersedes revision rev - 1 of
--   the same fact, so the supersedes column was redundant. (change_set, seq) records the order
--   in which revisions were written (seq: position within the change set).
-- * No content_hash: whether a fact changed is decided by comparing its stored fields.
-- * No insert-time reference trigger: only the import code appends revisions, and it takes
--   the change set it has just created and rev numbers it has just read. `assay audit verify`
--   checks both (every change set exists; each fact's revisions are numbered 1..n).
-- Revisions stay append-only (002): UPDATE, DELETE and TRUNCATE raise.

drop view data_point_current;
drop view activity_line_current;
alter table data_point_revision rename to data_point_revision_v1;
alter table activity_line_revision rename to activity_line_revision_v1;

create table data_point_revision (
  fact_key text collate "C" not null, -- entity|period|indicator|disaggregation
  rev int not null check (rev >= 1),
  change_set bigint not null,
  seq int not null, -- position within the change set
  fact_id text not null,
  entity_id text not null,
  period_id text not null,
  indicator_id text not null,
  disaggregation text not null,
  value numeric not null,
  unit text not null,
  source text not null,
  evidence text,
  comment text,
  constraint data_point_revision_fact_rev primary key (fact_key, rev)
);

create table activity_line_revision (
  fact_key text collate "C" not null, -- the line id
  rev int not null check (rev >= 1),
  change_set bigint not null,
  seq int not null,
  entity_id text not null,
  period_id text not null,
  activity text not null,
  subject text not null,
  use text,
  amount numeric not null,
  unit text not null,
  attributes text not null, -- key=value;… sorted
  source text not null,
  evidence text,
  comment text,
  constraint activity_line_revision_fact_rev primary key (fact_key, rev)
);

insert into data_point_revision
  select fact_key, rev, change_set, (row_number() over (partition by change_set order by rev_id))::int,
    fact_id, entity_id, period_id, indicator_id, disaggregation, value, unit, source, evidence, comment
  from data_point_revision_v1;
insert into activity_line_revision
  select fact_key, rev, change_set, (row_number() over (partition by change_set order by rev_id))::int,
    entity_id, period_id, activity, subject, use, amount, unit, attributes, source, evidence, comment
  from activity_line_revision_v1;

drop table data_point_revision_v1;
drop table activity_line_revision_v1;
drop function assay_check_revision_refs();

create view data_point_current as
  select distinct on (fact_key) * from data_point_revision order by fact_key, rev desc;
create view activity_line_current as
  select distinct on (fact_key) * from activity_line_revision order by fact_key, rev desc;

do $$
declare t text;
begin
  foreach t in array array['data_point_revision', 'activity_line_revision'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function assay_forbid_change()',
      t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function assay_forbid_change()',
      t || '_no_truncate', t);
  end loop;
end
$$;
