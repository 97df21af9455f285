/**
 * Fixture databases for the upgrade test (upgrade.test.ts, issue #23): one per schema version,
 * that is per prefix 001..k of the migrations that exist, whatever they are.
 *
 * Representative rows come from a reference store written by the current code (an import of
 * examples/minimal, a web save, a CSV import with its file digest, a retraction, workflow
 * transitions, an account): the fixture at version k receives every reference row that is
 * valid at k, restricted to the columns that exist at k. A row is valid at k when its table
 * exists at k and each of its columns that k does not have yet is empty (null, false, '', {}
 * or []: what the later migration gives old rows), when its change set is valid, and, for
 * the audit log, when every entry before it is (the chain is a prefix of the history).
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DataPoint, q } from '@assay/core';
import { loadBundle, readFactsCsv } from '@assay/io';
import { createUser } from '../src/accounts/users.js';
import { type AuditInput, appendAudit, entryHash } from '../src/audit.js';
import { importBundle } from '../src/import-bundle.js';
import { importContext, importFacts } from '../src/import-facts.js';
import { importMeterReadings, saveMeterRegister } from '../src/meter-readings.js';
import { migrate } from '../src/migrate.js';
import { retractFacts } from '../src/retract-facts.js';
import type { Sql, Store } from '../src/store.js';
import { applyWorkflowTransition } from '../src/workflow-units.js';
import { writeDataPointRevisions } from '../src/write-data-points.js';

export const FIXTURE_AT = '2026-01-15T09:00:00.000Z';
const WHO = { author: 'upgrade-fixture', reason: 'fixture', at: FIXTURE_AT };

/** Rows of every table of a fully migrated store, by table, as JSON objects in key order. */
export type ReferenceRows = ReadonlyMap<string, readonly Record<string, unknown>[]>;

/** Fill a migrated store through the current code's writers. */
export async function writeReference(store: Store): Promise<void> {
  await migrate(store, FIXTURE_AT);
  const v = await loadBundle(fileURLToPath(new URL('../../../examples/minimal', import.meta.url)));
  if (!v.ok) throw new Error('examples/minimal is invalid');
  await importBundle(store, v.bundle, WHO);
  const rev25 = v.bundle.dataPoints.find((d) => d.id === 'rev-25') as DataPoint;
  const saved = await writeDataPointRevisions(
    store,
    [{ dataPoint: { ...rev25, quantity: q('1002.5 CNY million') }, expectedRev: 1 }],
    { ...WHO, reason: 'web save' },
  );
  if (!saved.ok) throw new Error(`reference save refused: ${JSON.stringify(saved)}`);
  const ctx = await importContext(store);
  if (!ctx) throw new Error('no context');
  const csv = join(mkdtempSync(join(tmpdir(), 'assay-upgrade-')), 'fuel.csv');
  writeFileSync(
    csv,
    'entity,period,activity,subject,use,amount,unit,source\nsmelter,2025-01,fuel,diesel,combustion,12.5,t,card\nsmelter,2025-02,fuel,diesel,combustion,0.125,t,card\n',
  );
  const imported = await importFacts(store, () => readFactsCsv(csv, ctx), { subject: csv, ...WHO });
  if (!imported.ok) throw new Error('reference CSV import refused');
  const retracted = await retractFacts(
    store,
    { dataPoints: ['rev-24'] },
    { ...WHO, reason: 'entered twice' },
  );
  if (!retracted.ok) throw new Error(`reference retraction refused: ${JSON.stringify(retracted)}`);
  for (const [event, from, to, who] of [
    ['submit', 'draft', 'submitted', 'alice'],
    ['review', 'submitted', 'reviewed', 'bob'],
  ] as const) {
    const r = await applyWorkflowTransition(store, {
      key: { entityId: 'group', periodId: '2025', topic: 'environment' },
      expectedVersion: event === 'submit' ? 0 : 1,
      event,
      comment: null,
      exceptionFor: null,
      userId: who,
      actor: who,
      at: FIXTURE_AT,
      decide: (u) => ({ ok: true, from, to, state: { ...u, state: to } }),
    });
    if (!r.ok) throw new Error(`reference transition refused: ${JSON.stringify(r)}`);
  }
  // 023: a meter register version and an import of readings (with its file row)
  await saveMeterRegister(
    store,
    {
      meters: [
        {
          id: 'smelter-main',
          site: 'smelter',
          carrier: 'electricity',
          unit: 'kWh',
          mode: 'interval',
          interval_minutes: '15',
          utc_offset: '+08:00',
        },
      ],
      replacements: [],
    },
    0,
    { actor: 'upgrade-fixture', reason: 'fixture', at: FIXTURE_AT },
  );
  const readings = await importMeterReadings(
    store,
    async function* () {
      yield [
        {
          meterId: 'smelter-main',
          at: '2025-01-01T00:15:00+08:00',
          offsetMinutes: 480,
          value: '12.5',
          row: 2,
        },
        {
          meterId: 'smelter-main',
          at: '2025-01-01T00:30:00+08:00',
          offsetMinutes: 480,
          value: '0.125',
          row: 3,
        },
      ];
    },
    { sha256: 'ab'.repeat(32), source: 'readings.csv', actor: 'upgrade-fixture', at: FIXTURE_AT },
  );
  if (!readings.ok) throw new Error('reference readings import refused');
  await createUser(store, {
    id: 'u-1',
    email: 'ada@example.com',
    name: 'Ada',
    passwordHash: null,
    at: FIXTURE_AT,
  });
  await store.transaction((tx) =>
    appendAudit(tx, {
      at: FIXTURE_AT,
      actor: 'upgrade-fixture',
      action: 'set-organisation',
      subject: 'organisation',
      before: null,
      after: null,
      reason: 'fixture: an entry without a change set',
    }).then(() => undefined),
  );
}

type Column = { name: string; type: string; nullable: boolean; default: string | null };

/** Base tables of the public schema with their columns, in creation order of their oids. */
export async function tablesOf(sql: Sql): Promise<Map<string, Column[]>> {
  const rows = await sql.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    `select c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'schema_migrations'
      order by (select oid from pg_class where relname = c.table_name and relnamespace = 'public'::regnamespace), c.ordinal_position`,
  );
  const out = new Map<string, Column[]>();
  for (const r of rows) {
    const cols = out.get(r.table_name) ?? [];
    cols.push({
      name: r.column_name,
      type: r.data_type,
      nullable: r.is_nullable === 'YES',
      default: r.column_default,
    });
    out.set(r.table_name, cols);
  }
  return out;
}

/**
 * Row order of the reference. Fact revisions go in in (change set, seq) order, so that migration
 * 004, which numbers a v1 change set's revisions by insertion (rev_id), gives them their seq.
 */
const ORDER: Record<string, string> = {
  audit_log: 'seq',
  data_point_revision: 'change_set, seq',
  activity_line_revision: 'change_set, seq',
};
/** Columns a later migration computes from old rows (004: seq), so absent at k is fine. */
const DERIVED: Record<string, readonly string[]> = {
  data_point_revision: ['seq'],
  activity_line_revision: ['seq'],
};
/** A value for a NOT NULL column of version k that the reference rows lack, by data type. */
const PLACEHOLDER: Record<string, unknown> = {
  text: '',
  integer: 0,
  bigint: 0,
  numeric: 0,
  boolean: false,
  jsonb: {},
};

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Every row of every table, ordered by all columns as text (a stable, total order). */
export async function readReference(sql: Sql): Promise<ReferenceRows> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const [table] of await tablesOf(sql)) {
    const rows = await sql.query<{ r: Record<string, unknown> }>(
      `select to_jsonb(t) as r from ${ident(table)} t order by ${ORDER[table] ?? 't::text'}`,
    );
    out.set(
      table,
      rows.map((x) => x.r),
    );
  }
  return out;
}

const empty = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === false ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/**
 * Insert into `sql` (migrated to some version k) the reference rows valid at k. Returns the
 * number of rows inserted per table. Triggers (append-only, foreign keys) are off while the
 * rows go in, as a restore would do, and sequences are moved past the inserted ids.
 */
export async function fillFixture(sql: Sql, ref: ReferenceRows): Promise<Map<string, number>> {
  const tables = await tablesOf(sql);
  const valid = (table: string, row: Record<string, unknown>) => {
    const cols = new Set((tables.get(table) ?? []).map((c) => c.name));
    return Object.entries(row).every(([k, v]) => cols.has(k) || empty(v) || DERIVED[table]?.includes(k));
  };
  const changeSets = new Set(
    (ref.get('change_set') ?? []).filter((r) => valid('change_set', r)).map((r) => String(r.id)),
  );
  // A change set is usable only when all of its revisions are.
  for (const t of [
    'data_point_revision',
    'activity_line_revision',
    'catalogue_entry',
    'factor_version',
    'document_revision',
  ])
    for (const r of ref.get(t) ?? [])
      if (!tables.has(t) || !valid(t, r)) changeSets.delete(String(r.change_set));
  const audit: Record<string, unknown>[] = [];
  for (const e of ref.get('audit_log') ?? []) {
    const cs = (e.after as { changeSet?: unknown } | null)?.changeSet;
    if (!valid('audit_log', e) || (cs !== undefined && !changeSets.has(String(cs)))) break;
    audit.push(e);
  }
  // Before seq existed (migration 004 numbers a change set's revisions per table, where today's
  // writer numbers data points and activity lines together) no entry carried a content digest:
  // the fixture's entries lose theirs, and the chain is hashed again.
  if (!(tables.get('data_point_revision') ?? []).some((c) => c.name === 'seq')) {
    let prev = '0'.repeat(64);
    for (const [i, e] of audit.entries()) {
      const after = e.after as Record<string, unknown> | null;
      const { contentDigest: _d, checkpoints: _c, ...rest } = after ?? {};
      const entry = {
        seq: Number(e.seq),
        at: String(e.at),
        actor: String(e.actor),
        action: String(e.action),
        subject: String(e.subject),
        before: (e.before ?? null) as AuditInput['before'],
        after: (after === null ? null : rest) as AuditInput['after'],
        reason: String(e.reason),
      };
      const hash = entryHash(prev, entry);
      audit[i] = { ...e, after: entry.after, prev_hash: prev, hash };
      prev = hash;
    }
  }
  const audited = new Set(audit.map((e) => String((e.after as { changeSet?: unknown } | null)?.changeSet)));
  for (const cs of [...changeSets]) if (!audited.has(cs)) changeSets.delete(cs);
  const counts = new Map<string, number>();
  await sql.exec("set session_replication_role = 'replica'");
  try {
    for (const [table, cols] of tables) {
      let rows =
        table === 'audit_log'
          ? audit
          : (ref.get(table) ?? []).filter(
              (r) =>
                valid(table, r) &&
                (table === 'change_set'
                  ? changeSets.has(String(r.id))
                  : !('change_set' in r) || changeSets.has(String(r.change_set))),
            );
      if (rows.length === 0) continue;
      // NOT NULL columns of version k without a default that the current schema dropped (v1's
      // content_hash): a placeholder of their type.
      const lacking = cols.filter((c) => !c.nullable && c.default === null && !rows.some((r) => c.name in r));
      if (lacking.length > 0)
        rows = rows.map((r) => ({
          ...r,
          ...Object.fromEntries(lacking.map((c) => [c.name, PLACEHOLDER[c.type] ?? ''])),
        }));
      const names = cols.map((c) => c.name).filter((n) => rows.some((r) => n in r));
      const list = names.map(ident).join(', ');
      await sql.query(
        `insert into ${ident(table)} (${list}) select ${list} from jsonb_populate_recordset(null::${ident(table)}, $1::jsonb) on conflict do nothing`,
        [JSON.stringify(rows)],
      );
      counts.set(table, rows.length);
      for (const c of cols)
        if (c.default?.startsWith('nextval(') && names.includes(c.name))
          await sql.query(
            `select setval(pg_get_serial_sequence($1, $2), (select max(${ident(c.name)}) from ${ident(table)}))`,
            [table, c.name],
          );
    }
  } finally {
    await sql.exec("set session_replication_role = 'origin'");
  }
  return counts;
}

/**
 * A fingerprint of each table's rows over the given columns: count and MD5 of the rows as
 * text, sorted. Equal before and after a migration = no row lost, added or changed.
 */
export async function fingerprint(
  sql: Sql,
  columns: ReadonlyMap<string, readonly string[]>,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, cols] of columns) {
    if (cols.length === 0) continue;
    const [r] = await sql.query<{ n: string; h: string }>(
      `select count(*)::text as n, md5(coalesce(string_agg(x, E'\\n' order by x), '')) as h
         from (select (${cols.map((c) => `quote_nullable(${ident(c)}::text)`).join(" || ',' || ")}) as x from ${ident(table)}) t`,
    );
    out[table] = `${r?.n} rows ${r?.h}`;
  }
  return out;
}
