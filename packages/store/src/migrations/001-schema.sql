-- Assay schema v1. Values are exact NUMERIC with the unit symbol beside them, never float.
-- Facts (data points, activity lines) are append-only revisions grouped in change sets;
-- the current state is the highest revision of each fact.

create table change_set (
  id bigserial primary key,
  author text not null,
  at timestamptz not null,
  reason text not null,
  source text not null -- what was imported or edited, e.g. the file name
);

create table organisation (
  id text primary key,
  name jsonb not null,
  stock_code text,
  issuer_type text not null,
  reporting jsonb not null, -- { current, prior[] }
  methods jsonb not null,
  frameworks jsonb not null
);

create table entity (
  id text primary key,
  organisation_id text not null references organisation (id),
  position int not null, -- order in assay.yaml
  kind text not null check (kind in ('group', 'subsidiary', 'site')),
  parent_id text,
  ownership numeric not null check (ownership >= 0 and ownership <= 1),
  control text not null,
  status text not null,
  name jsonb not null,
  aliases jsonb not null,
  province text,
  grid_region text
);

create table period (
  id text primary key,
  kind text not null check (kind in ('year', 'quarter', 'month')),
  year int not null,
  idx int not null
);

-- Catalogue entries a bundle adds or overrides; each change is a new revision.
create table catalogue_entry (
  id text not null,
  rev int not null,
  definition jsonb not null,
  change_set bigint not null references change_set (id),
  primary key (id, rev)
);

-- Factors with versions: a changed value or provenance is a new version.
create table factor_version (
  id text not null,
  version int not null,
  value numeric not null,
  unit text not null,
  status text not null,
  record jsonb not null, -- the whole FactorRecord (document, vintage, calibre, keys…)
  change_set bigint not null references change_set (id),
  primary key (id, version)
);

create table data_point_revision (
  rev_id bigserial primary key,
  fact_key text not null, -- entity|period|indicator|disaggregation
  rev int not null,
  supersedes bigint references data_point_revision (rev_id),
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
  content_hash text not null, -- SHA-256 of the fact's canonical fields; equal hash = no change
  change_set bigint not null references change_set (id),
  unique (fact_key, rev)
);

create table activity_line_revision (
  rev_id bigserial primary key,
  fact_key text not null, -- the line id
  rev int not null,
  supersedes bigint references activity_line_revision (rev_id),
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
  content_hash text not null,
  change_set bigint not null references change_set (id),
  unique (fact_key, rev)
);

create view data_point_current as
  select distinct on (fact_key) * from data_point_revision order by fact_key, rev desc;
create view activity_line_current as
  select distinct on (fact_key) * from activity_line_revision order by fact_key, rev desc;

-- Registers, narrative and the as-published layer, as whole documents with revisions.
create table document_revision (
  kind text not null check (kind in ('registers', 'narrative', 'published')),
  rev int not null,
  body jsonb not null,
  content_hash text not null,
  change_set bigint not null references change_set (id),
  primary key (kind, rev)
);

-- Evidence files, content-addressed: the key is the SHA-256 of the bytes.
create table evidence_file (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  name text not null,
  media_type text not null,
  size bigint not null,
  uploader text not null,
  at timestamptz not null,
  content bytea not null
);

-- The audit log: one entry per change, hash-chained (see audit.ts).
create table audit_log (
  seq bigint primary key,
  at text not null, -- ISO-8601 as supplied; hashed as text
  actor text not null,
  action text not null,
  subject text not null,
  before jsonb,
  after jsonb,
  reason text not null,
  prev_hash text not null,
  hash text not null
);
