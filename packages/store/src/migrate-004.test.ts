/**
 * Migration 004 rebuilds the fact revision tables. A store written under 001–003 must keep
 * every revision, in the order it was written, with its numbering and change set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.js';
import { migrate, migrationFiles } from './migrate.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

const DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'migrations');
const AT = '2026-01-15T09:00:00.000Z';
let store: Store;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await createTestDatabase();
  drop = db.drop;
  store = await openPostgresStore(db.url);
});
afterAll(async () => {
  await store?.close();
  await drop?.();
});

it('keeps every v1 revision, in written order, when the tables are rebuilt', async () => {
  await store.exec('create table schema_migrations (name text primary key, applied_at timestamptz not null)');
  for (const name of migrationFiles().filter((f) => f < '004')) {
    await store.exec(readFileSync(join(DIR, name), 'utf8'));
    await store.query('insert into schema_migrations values ($1, $2)', [name, AT]);
  }
  await store.exec(`
    insert into change_set (author, at, reason, source) values
      ('a', '${AT}', 'first', 'f'), ('b', '${AT}', 'second', 'g');
    insert into activity_line_revision (fact_key, rev, supersedes, entity_id, period_id, activity,
      subject, use, amount, unit, attributes, source, content_hash, change_set) values
      ('al-2', 1, null, 'mine', '2025', 'fuel', 'diesel', 'combustion', 5, 't', '', 's', 'h', 1),
      ('al-1', 1, null, 'mine', '2025', 'fuel', 'diesel', 'combustion', 7, 't', '', 's', 'h', 1);
    insert into activity_line_revision (fact_key, rev, supersedes, entity_id, period_id, activity,
      subject, use, amount, unit, attributes, source, content_hash, change_set) values
      ('al-2', 2, 1, 'mine', '2025', 'fuel', 'diesel', 'combustion', 6.5, 't', '', 's', 'h', 2);
    insert into data_point_revision (fact_key, rev, supersedes, fact_id, entity_id, period_id,
      indicator_id, disaggregation, value, unit, source, content_hash, change_set) values
      ('group|2025|revenue|', 1, null, 'rev-25', 'group', '2025', 'revenue', '', 1000, 'CNY million', 's', 'h', 1);`);
  expect(await migrate(store, AT)).toEqual(migrationFiles().filter((f) => f >= '004'));
  expect(
    await store.query(
      'select fact_key, rev, change_set::int as cs, seq, amount::text as amount from activity_line_revision order by change_set, seq',
    ),
  ).toEqual([
    { fact_key: 'al-2', rev: 1, cs: 1, seq: 1, amount: '5' },
    { fact_key: 'al-1', rev: 1, cs: 1, seq: 2, amount: '7' },
    { fact_key: 'al-2', rev: 2, cs: 2, seq: 1, amount: '6.5' },
  ]);
  expect(
    await store.query('select fact_key, amount::text as amount from activity_line_current order by fact_key'),
  ).toEqual([
    { fact_key: 'al-1', amount: '7' },
    { fact_key: 'al-2', amount: '6.5' },
  ]);
  expect(await store.query('select fact_id, value::text as value from data_point_current')).toEqual([
    { fact_id: 'rev-25', value: '1000' },
  ]);
  await expect(store.query('delete from activity_line_revision')).rejects.toThrow(/append-only/);
});
