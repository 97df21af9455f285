-- Evidence links (issue #17): which data point an evidence file (001, evidence_file, kept once
-- per SHA-256) belongs to, under which file name, uploaded by whom and when. The entity is the
-- data point's at upload: downloads are allowed to callers who may read evidence of it
-- (server/src/routes/evidence.ts). The same bytes under the same name on the same data point are
-- one link. Append-only like evidence_file: a link is never changed or removed.
create table evidence_link (
  id bigint generated always as identity primary key,
  sha256 text not null references evidence_file (sha256),
  data_point_id text not null check (data_point_id <> ''),
  entity_id text not null check (entity_id <> ''),
  file_name text not null check (length(file_name) between 1 and 200),
  uploaded_by text not null check (uploaded_by <> ''), -- "Ann Lee <ann@x.com>", "local user"
  at timestamptz not null,
  unique (data_point_id, sha256, file_name)
);
create index evidence_link_sha256 on evidence_link (sha256);

create trigger evidence_link_append_only before update or delete on evidence_link
  for each row execute function assay_forbid_change();
create trigger evidence_link_no_truncate before truncate on evidence_link
  for each statement execute function assay_forbid_change();
