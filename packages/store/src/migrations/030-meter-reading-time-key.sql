-- Meter readings keyed by time first (issue #22; docs/meters.md "Storage", docs/performance.md
-- "Meter readings").
--
-- 023 keyed a reading by (meter_id, at). An energy platform exports time-major (every meter at
-- 00:15, then every meter at 00:30, …), so each row of an import went to another of hundreds of
-- places in that b-tree: a descent from the root per row. Measured on 1.13 M rows (381 meters,
-- 31 days): a plain COPY into the table took 5.3 s with (meter_id, at), 2.2 s with (at, meter_id)
-- and 1.1 s without any index. Keyed (at, meter_id), every row of a time-major file lands on the
-- b-tree's rightmost leaf (PostgreSQL's fast path for appends, no descent), and the key stays
-- unique per meter and instant, so a re-import still adds nothing (on conflict (at, meter_id)).
--
-- The b-tree on `at` first also answers time ranges and min/max(at) directly, so the BRIN index
-- of 023 is redundant and dropped. A lookup of one meter scans the index over the time range
-- asked (the meter checked in the index, no heap visit for other meters); the roll-up reads the
-- meters it must analyse in groups, one scan per group (store meter-readings.ts).
alter table meter_reading drop constraint meter_reading_pkey;
alter table meter_reading add constraint meter_reading_pkey primary key (at, meter_id);
drop index meter_reading_at_brin;
