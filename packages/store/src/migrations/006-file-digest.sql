-- The SHA-256 of the file an import read (the bytes of a CSV or XLSX file), kept with its change
-- set, so that the same file imported again, under any name, is recognised and adds nothing
-- unless it is imported as new data (import-run.ts). Null for bundles, web edits and
-- retractions. Adding a nullable column rewrites no row; the partial index holds file imports
-- only (a handful of rows per upload, not per fact).
alter table change_set add column file_sha256 text check (file_sha256 ~ '^[0-9a-f]{64}$');
create index change_set_file_sha256 on change_set (file_sha256) where file_sha256 is not null;
