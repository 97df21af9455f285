-- Meters and their readings (issue #22; docs/meters.md "Storage").
--
-- The meter register is a document in versions: each version holds the register's rows as
-- written (meters and replacements, text fields, validated by core on every read), so a
-- register is edited whole like the targets register and its history is kept.
--
-- Readings are not facts: a year of 15-minute readings of 381 meters is 13.35 M rows, so they
-- live in one narrow table keyed by (meter, instant). The primary key makes a reading unique, so
-- importing the same readings again adds nothing (insert … on conflict do nothing); a BRIN index
-- on the time (readings arrive in time order, so blocks hold narrow ranges) serves range
-- queries over all meters for a few kB instead of a second b-tree of hundreds of MB.
-- A reading's file_id names the import that added it (meter_reading_file.id, not enforced as a
-- foreign key: a per-row check of 13 M rows would cost more than the import's own work).
-- Files are recognised by the SHA-256 of their bytes: a file imported before is not read again.
-- All three tables are append-only (002's trigger): a correction is a register version, and a
-- wrong reading is told by the quality checks, not rewritten.

create table meter_register_version (
  version int primary key check (version >= 1),
  -- the register's rows, as text fields: [{"id": "…", "site": "…", …}], [{"meter": "…", "at": …}]
  meters jsonb not null check (jsonb_typeof(meters) = 'array'),
  replacements jsonb not null check (jsonb_typeof(replacements) = 'array'),
  actor text not null check (length(actor) between 1 and 600),
  reason text not null check (length(reason) between 1 and 2000),
  at timestamptz not null
);

create sequence meter_reading_file_id_seq;

create table meter_reading_file (
  id bigint primary key default nextval('meter_reading_file_id_seq'),
  sha256 text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
  source text not null check (length(source) between 1 and 1000),
  -- data rows read from the file, and readings it added (the rest were already stored)
  rows_read bigint not null check (rows_read >= 0),
  rows_added bigint not null check (rows_added >= 0 and rows_added <= rows_read),
  actor text not null check (length(actor) between 1 and 600),
  at timestamptz not null
);

create table meter_reading (
  meter_id text not null check (length(meter_id) between 1 and 100),
  at timestamptz not null,
  -- the UTC offset the timestamp was written with (minutes); the quality checks compare it with the site's
  utc_offset_minutes smallint not null check (utc_offset_minutes between -840 and 840),
  -- register value (cumulative) or the consumption of the interval ending at `at`, meter's unit, before the multiplier
  value numeric not null,
  file_id bigint not null,
  primary key (meter_id, at)
);

create index meter_reading_at_brin on meter_reading using brin (at);

do $$
declare t text;
begin
  foreach t in array array['meter_register_version', 'meter_reading_file', 'meter_reading'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function assay_forbid_change()',
      t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function assay_forbid_change()',
      t || '_no_truncate', t);
  end loop;
end
$$;
