/**
 * Retraction cases of the store contract (store-contract.ts runs them on PGlite and PostgreSQL,
 * on the store it has filled with examples/minimal). In order: retract, refuse, revive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bundle } from '@assay/core';
import { expect, it } from 'vitest';
import { auditEntries, verifyAudit } from '../src/audit.js';
import { dataPointHistory } from '../src/history.js';
import { importFacts } from '../src/import-facts.js';
import { migrationFiles } from '../src/migrate.js';
import { readBundle } from '../src/read-bundle.js';
import { retractFacts } from '../src/retract-facts.js';
import type { Store } from '../src/store.js';
import { verifyRevisions } from '../src/verify-revisions.js';

const AT = '2026-03-02T10:00:00.000Z';
const WHO = {
  author: 'controller@example.com',
  reason: 'mine headcount and grid line counted twice',
  at: AT,
};
const MIGRATIONS = fileURLToPath(new URL('../src/migrations', import.meta.url));
/** hc-m-f's key: entity|period|indicator|disaggregation. */
const HC_M_F = 'mine|2025|employees.headcount|gender=female';
const REV_24 = 'group|2024|revenue|';

/** Rows of every table a retraction may write, to show that a refused one wrote nothing. */
async function footprint(store: Store): Promise<number[]> {
  const [r] = await store.query<Record<string, string>>(
    `select (select count(*) from data_point_revision)::text as dp,
            (select count(*) from activity_line_revision)::text as al,
            (select count(*) from change_set)::text as cs`,
  );
  return [Number(r?.dp), Number(r?.al), Number(r?.cs), await auditEntries(store)];
}

async function currentIds(store: Store): Promise<{ dataPoints: string[]; activityLines: string[] }> {
  const back = await readBundle(store);
  if (!back.ok) throw new Error(`read-back failed: ${JSON.stringify(back.issues)}`);
  return {
    dataPoints: back.bundle.dataPoints.map((d) => d.id),
    activityLines: back.bundle.activityLines.map((a) => a.id),
  };
}

export function retractionContract(get: () => { store: Store; bundle: Bundle }): void {
  it('retracts data points (by id and by key) and an activity line: gone from read-back, kept in history, one audit entry', async () => {
    const { store } = get();
    const before = await footprint(store);
    const r = await retractFacts(store, { dataPoints: ['hc-m-f', REV_24], activityLines: ['e2'] }, WHO);
    expect(r).toEqual({
      ok: true,
      changeSet: expect.any(Number),
      dataPoints: [HC_M_F, REV_24],
      activityLines: ['e2'],
    });
    if (!r.ok) return;
    // Three revisions, one change set, one audit entry.
    expect(await footprint(store)).toEqual([
      (before[0] ?? 0) + 2,
      (before[1] ?? 0) + 1,
      (before[2] ?? 0) + 1,
      (before[3] ?? 0) + 1,
    ]);
    const ids = await currentIds(store);
    expect(ids.dataPoints).not.toContain('hc-m-f');
    expect(ids.dataPoints).not.toContain('rev-24');
    expect(ids.dataPoints).toContain('hc-m-m');
    expect(ids.activityLines).toEqual(['d1', 'g1', 'c1', 'e1']);
    const history = await dataPointHistory(store, HC_M_F);
    expect(history.map((h) => [h.rev, h.value, h.unit, h.retracted, h.author, h.reason])).toEqual([
      [1, '50', 'person', false, 'analyst@example.com', 'FY2025 data collection'],
      [2, '50', 'person', true, WHO.author, WHO.reason],
    ]);
    expect(history[1]?.changeSet).toBe(r.changeSet);
    const [entry] = await store.query<{ action: string; subject: string; after: unknown; reason: string }>(
      'select action, subject, after, reason from audit_log order by seq desc limit 1',
    );
    expect(entry).toEqual({
      action: 'retract',
      subject: 'retraction',
      after: {
        changeSet: r.changeSet,
        dataPoints: [HC_M_F, REV_24],
        activityLines: ['e2'],
        // Over the three revisions written (revision-digest.ts): one checkpoint after each.
        contentDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
        checkpoints: [
          [1, expect.stringMatching(/^[0-9a-f]{16}$/)],
          [2, expect.any(String)],
          [3, expect.any(String)],
        ],
      },
      reason: WHO.reason,
    });
    expect((await verifyAudit(store)).ok).toBe(true);
    expect(await verifyRevisions(store)).toEqual([]);
  });

  it('refuses unknown and already-retracted facts, naming each, and writes nothing', async () => {
    const { store } = get();
    const before = await footprint(store);
    const r = await retractFacts(
      store,
      { dataPoints: ['hc-s-m', 'hc-m-f', 'no-such-point'], activityLines: ['e2', 'e9'] },
      WHO,
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          code: 'already-retracted',
          fact: { kind: 'data point', name: 'hc-m-f' },
          message: 'data point "hc-m-f" is already retracted (revision 2)',
        },
        { code: 'unknown', fact: { kind: 'data point', name: 'no-such-point' }, message: expect.any(String) },
        {
          code: 'already-retracted',
          fact: { kind: 'activity line', name: 'e2' },
          message: expect.any(String),
        },
        { code: 'unknown', fact: { kind: 'activity line', name: 'e9' }, message: 'no activity line "e9"' },
      ],
    });
    for (const [request, reason] of [
      [{ dataPoints: ['hc-s-m'] }, '  '],
      [{}, 'nothing named'],
      [{ dataPoints: [], activityLines: [] }, 'nothing named'],
    ] as const)
      expect(await retractFacts(store, request, { ...WHO, reason })).toMatchObject({
        ok: false,
        problems: [{ code: 'invalid-request' }],
      });
    expect(await footprint(store)).toEqual(before);
    expect((await currentIds(store)).dataPoints).toContain('hc-s-m');
  });

  it('brings a retracted fact back when it is imported again, as a new revision with the same fields', async () => {
    const { store, bundle } = get();
    const batch = {
      file: 'again.csv',
      dataPoints: bundle.dataPoints.filter((d) => d.id === 'hc-m-f' || d.id === 'hc-m-m'),
      dataPointLines: [2, 3],
      activityLines: bundle.activityLines.filter((a) => a.id === 'e2'),
      activityLineLines: [2],
      issues: [],
    };
    const meta = {
      author: 'analyst@example.com',
      reason: 'restored after review',
      at: AT,
      subject: 'again.csv',
    };
    // hc-m-m was never retracted and is unchanged: only the retracted facts come back.
    expect(await importFacts(store, () => [batch], meta)).toMatchObject({
      ok: true,
      changed: true,
      counts: { dataPoints: { added: 0, revised: 1 }, activityLines: { added: 0, revised: 1 } },
    });
    const history = await dataPointHistory(store, HC_M_F);
    expect(history.map((h) => [h.rev, h.value, h.retracted])).toEqual([
      [1, '50', false],
      [2, '50', true],
      [3, '50', false],
    ]);
    const ids = await currentIds(store);
    expect(ids.dataPoints).toContain('hc-m-f');
    expect(ids.dataPoints).not.toContain('rev-24'); // still retracted
    expect(ids.activityLines).toContain('e2');
    expect(await importFacts(store, () => [batch], meta)).toMatchObject({ ok: true, changed: false });
    expect(await verifyRevisions(store)).toEqual([]);
    expect((await verifyAudit(store)).ok).toBe(true);
  });

  it('migration 005 keeps every row written before it, none retracted, and the current views their columns', async () => {
    const { store } = get();
    // Migrations 001–004 in a scratch schema of one transaction, rows as 004 left them, then
    // 005; the transaction rolls back.
    const found = await store
      .transaction(async (tx) => {
        await tx.exec('create schema migrate_005; set local search_path = migrate_005');
        const run = (name: string) => tx.exec(readFileSync(join(MIGRATIONS, name), 'utf8'));
        for (const name of migrationFiles().filter((f) => f < '005')) await run(name);
        await tx.exec(`
          insert into change_set (author, at, reason, source) values
            ('a', '${AT}', 'first', 'f'), ('b', '${AT}', 'second', 'g');
          insert into activity_line_revision (fact_key, rev, change_set, seq, entity_id, period_id, activity,
            subject, use, amount, unit, attributes, source) values
            ('al-2', 1, 1, 1, 'mine', '2025', 'fuel', 'diesel', 'combustion', 5, 't', '', 's'),
            ('al-1', 1, 1, 2, 'mine', '2025', 'fuel', 'diesel', 'combustion', 7, 't', '', 's'),
            ('al-2', 2, 2, 1, 'mine', '2025', 'fuel', 'diesel', 'combustion', 6.5, 't', '', 's');
          insert into data_point_revision (fact_key, rev, change_set, seq, fact_id, entity_id, period_id,
            indicator_id, disaggregation, value, unit, source) values
            ('group|2025|revenue|', 1, 1, 3, 'rev-25', 'group', '2025', 'revenue', '', 1000, 'CNY million', 's');`);
        const columns = () =>
          tx.query<{ table_name: string; column_name: string }>(
            `select table_name, column_name from information_schema.columns
             where table_schema = 'migrate_005' and table_name like '%\\_current' order by table_name, ordinal_position`,
          );
        const viewColumns = await columns();
        await run('005-retraction.sql');
        const result = {
          viewColumns,
          viewColumnsAfter: await columns(),
          lines: await tx.query(
            'select fact_key, rev, seq, amount::text as amount, retracted from activity_line_revision order by change_set, seq',
          ),
          points: await tx.query('select fact_key, rev, retracted from data_point_revision'),
          currentLines: await tx.query(
            'select fact_key, rev, amount::text as amount from activity_line_current order by fact_key',
          ),
          currentPoints: await tx.query('select fact_id, value::text as value from data_point_current'),
        };
        throw Object.assign(new Error('roll back'), { result });
      })
      .catch((e: { result?: Record<string, unknown> }) => {
        if (!e.result) throw e;
        return e.result;
      });
    expect(found.viewColumnsAfter).toEqual(found.viewColumns);
    expect(found.lines).toEqual([
      { fact_key: 'al-2', rev: 1, seq: 1, amount: '5', retracted: false },
      { fact_key: 'al-1', rev: 1, seq: 2, amount: '7', retracted: false },
      { fact_key: 'al-2', rev: 2, seq: 1, amount: '6.5', retracted: false },
    ]);
    expect(found.points).toEqual([{ fact_key: 'group|2025|revenue|', rev: 1, retracted: false }]);
    expect(found.currentLines).toEqual([
      { fact_key: 'al-1', rev: 1, amount: '7' },
      { fact_key: 'al-2', rev: 2, amount: '6.5' },
    ]);
    expect(found.currentPoints).toEqual([{ fact_id: 'rev-25', value: '1000' }]);
    // The scratch schema is gone with the transaction.
    expect(await store.query("select 1 from pg_namespace where nspname = 'migrate_005'")).toEqual([]);
  });
}
