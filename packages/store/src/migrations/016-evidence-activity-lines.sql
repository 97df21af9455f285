-- Evidence on activity lines (issue #17): an evidence link (014) now names what it belongs to, a
-- data point or an activity line (an invoice, a meter photo, the utility bill of one fuel line).
-- `fact_kind` says which; `fact_id` (014's data_point_id, renamed) is the id of that fact. Data
-- point and activity line ids are separate namespaces, so the kind is part of a link's identity:
-- the same bytes under the same name on the same fact are one link. Every link made before this
-- migration is a data-point link. The table stays append-only (014's triggers): renaming a column,
-- adding one with a default and replacing the unique constraint change no row.
alter table evidence_link rename column data_point_id to fact_id;
alter table evidence_link add column fact_kind text not null default 'data-point'
  check (fact_kind in ('data-point', 'activity-line'));
-- New links name their kind explicitly.
alter table evidence_link alter column fact_kind drop default;
alter table evidence_link drop constraint evidence_link_data_point_id_sha256_file_name_key;
alter table evidence_link add constraint evidence_link_fact_file_name
  unique (fact_kind, fact_id, sha256, file_name);
