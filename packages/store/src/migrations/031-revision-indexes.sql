-- Indexes on the revision tables for the per-write reads (issue #23): the change set of every
-- revision table (BRIN), and data points by id.
-- A server learns of another server's writes by reading the revisions written after the last
-- change set it holds (fact-changes-since.ts: `where change_set > $1`). Without an index each of
-- those reads scanned the whole revision table, so the catch-up after every foreign save grew
-- with the store. Change sets are numbered in commit order and revisions are appended in that
-- order, so each table block holds a narrow range of change sets: a BRIN index (a few kB, and
-- almost nothing to maintain on a bulk COPY, unlike a b-tree) lets the read skip every block
-- that holds only older change sets.
create index data_point_revision_change_set_brin on data_point_revision using brin (change_set);
create index activity_line_revision_change_set_brin on activity_line_revision using brin (change_set);
create index catalogue_entry_change_set_brin on catalogue_entry using brin (change_set);
create index factor_version_change_set_brin on factor_version using brin (change_set);
create index document_revision_change_set_brin on document_revision using brin (change_set);

-- Data points by id (issue #23). A web save names a data point by id; its key (entity, period,
-- indicator, breakdown) is found from the id, and an import must refuse an id another fact's
-- revision carries (fact-conflicts.ts). Without an index each of those lookups scanned every
-- revision: at 1,000,000 data-point revisions (PostgreSQL 15 here) one save's version check took
-- 7.7 s and the id rule 0.49 s; with it, 0.1 ms each. Activity lines need none: their key is
-- their id (the primary key).
create index data_point_revision_fact_id on data_point_revision (fact_id);
