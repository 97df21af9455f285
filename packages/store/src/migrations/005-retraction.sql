-- Retraction: a fact that should not be there (a wrong row imported, a line for the wrong
-- entity) is withdrawn by appending one more revision, a copy of its current fields with
-- retracted = true, in a change set with an audit entry (retract-facts.ts). Nothing is removed:
-- the fact's history keeps every revision, and importing the fact again appends rev + 1 with
-- retracted = false, which brings it back.
--
-- Adding a column with a constant default is a catalogue change only on PostgreSQL >= 11 (and
-- PGlite): existing rows are not rewritten and read back as false. The import's COPY does not
-- name the column, so every imported revision gets the default without per-row work in Node.

alter table data_point_revision add column retracted boolean not null default false;
alter table activity_line_revision add column retracted boolean not null default false;

-- The current views keep the columns they had (004 created them with `select *`, which fixed
-- the column list then), and now leave out a fact whose highest revision is a retraction. The
-- latest revision is picked first and filtered after: filtering first would resurrect the
-- revision before the retraction.
drop view data_point_current;
drop view activity_line_current;

create view data_point_current as
  select fact_key, rev, change_set, seq, fact_id, entity_id, period_id, indicator_id, disaggregation,
    value, unit, source, evidence, comment
  from (select distinct on (fact_key) * from data_point_revision order by fact_key, rev desc) latest
  where not latest.retracted;

create view activity_line_current as
  select fact_key, rev, change_set, seq, entity_id, period_id, activity, subject, use, amount, unit,
    attributes, source, evidence, comment
  from (select distinct on (fact_key) * from activity_line_revision order by fact_key, rev desc) latest
  where not latest.retracted;
