/**
 * Start-up never writes to a store that holds data (issue #14): a store whose current data
 * fails validation is reported with the reason, file, row and column, and left exactly as it
 * is; only an empty store is filled from the bundle folder. And the workspace version counts
 * accepted writes only: a refused write after ten of its own leaves it as it was (the catch-up
 * once sorted change-set ids as text, "10" before "9", and re-read). On PGlite and PostgreSQL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataPoint, q } from '@assay/core';
import { loadBundle } from '@assay/io';
import {
  auditEntries,
  importFacts,
  migrate,
  openPgliteStore,
  openPostgresStore,
  retractFacts,
  type Store,
} from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreWorkspace } from './store-workspace.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-05-01T09:00:00.000Z';
const WHO = { author: 'analyst', reason: 'edit', at: at() };

async function footprint(store: Store): Promise<number[]> {
  const [r] = await store.query<Record<string, string>>(
    `select (select count(*) from data_point_revision)::text as dp, (select count(*) from activity_line_revision)::text as al,
            (select count(*) from change_set)::text as cs, (select count(*) from catalogue_entry)::text as ce,
            (select count(*) from document_revision)::text as docs`,
  );
  return [
    Number(r?.dp),
    Number(r?.al),
    Number(r?.cs),
    Number(r?.ce),
    Number(r?.docs),
    await auditEntries(store),
  ];
}

/** A data-point revision written with SQL, as an import before the store's own checks could have. */
async function writeRow(
  store: Store,
  fields: { key: string; id: string; period: string; indicator: string; unit: string },
) {
  await store.transaction(async (tx) => {
    const [cs] = await tx.query<{ id: string }>(
      "insert into change_set (author, at, reason, source) values ('old', now(), 'old import', 'old.csv') returning id::text as id",
    );
    await tx.query(
      `insert into data_point_revision (fact_key, rev, change_set, seq, fact_id, entity_id, period_id, indicator_id,
         disaggregation, value, unit, source) values ($1, 1, $2, 1, $3, 'group', $4, $5, '', 240, $6, 'ledger')`,
      [fields.key, Number(cs?.id), fields.id, fields.period, fields.indicator, fields.unit],
    );
  });
}

const stores: [string, () => Promise<{ store: Store; cleanup: () => Promise<void> }>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-open-'));
      const store = await openPgliteStore(dir);
      return {
        store,
        cleanup: async () => {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url);
      const cleanup = async () => {
        await store.close();
        await db.drop();
      };
      return { store, cleanup };
    },
  ],
];

describe.each(stores)('StoreWorkspace.open on %s', (_name, make) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await make());
    await migrate(store, at());
  });
  afterAll(() => cleanup());

  it('fills an empty store from the bundle folder', async () => {
    const opened = await StoreWorkspace.open(store, bundle, at);
    expect(opened).toMatchObject({ ok: true, seeded: true });
    // Users' edits: a changed value and a retraction.
    const hc = bundle.dataPoints.find((d) => d.id === 'hc-s-m');
    if (!hc) throw new Error('no hc-s-m');
    const edit = { ...hc, quantity: { ...hc.quantity, value: hc.quantity.value.plus(1) } };
    const batch = {
      file: 'web',
      dataPoints: [edit],
      dataPointLines: [2],
      activityLines: [],
      activityLineLines: [],
      issues: [],
    };
    expect(await importFacts(store, () => [batch], { ...WHO, subject: 'web' })).toMatchObject({ ok: true });
    expect(await retractFacts(store, { dataPoints: ['hc-m-f'] }, WHO)).toMatchObject({ ok: true });
    const again = await StoreWorkspace.open(store, bundle, at);
    expect(again).toMatchObject({ ok: true, seeded: false });
  });

  it('writes nothing to a store that fails validation, and names the rows (an overlapping period)', async () => {
    await writeRow(store, {
      key: 'group|2025-Q1|revenue|',
      id: 'rev-25-q1',
      period: '2025-Q1',
      indicator: 'revenue',
      unit: 'CNY million',
    });
    const before = await footprint(store);
    const opened = await StoreWorkspace.open(store, bundle, at);
    expect(await footprint(store)).toEqual(before);
    expect(opened).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the store's data cannot be read \(1 problem\); nothing was written/),
      issues: [
        {
          file: 'data-points.csv',
          row: expect.any(Number),
          column: 'period',
          reason: expect.stringMatching(/overlaps .* \(data point "rev-2[45]/),
        },
      ],
    });
    // The users' edits are as they were: the edited value, the retraction.
    const rows = await store.query<{ fact_id: string; value: string }>(
      "select fact_id, value::text as value from data_point_current where fact_id in ('hc-s-m', 'hc-m-f')",
    );
    expect(rows).toEqual([{ fact_id: 'hc-s-m', value: '301' }]);
  });

  it('writes nothing to a store that fails validation for another reason (a unit of the wrong dimension)', async () => {
    await writeRow(store, {
      key: 'group|2024|employees.headcount|',
      id: 'hc-24',
      period: '2024',
      indicator: 'employees.headcount',
      unit: 't',
    });
    const before = await footprint(store);
    const opened = await StoreWorkspace.open(store, bundle, at);
    expect(await footprint(store)).toEqual(before);
    expect(opened).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([expect.objectContaining({ column: 'unit' })]),
    });
  });

  it('refuses a store that holds change sets but no organisation, rather than filling it', async () => {
    // Last: the organisation is gone from this store from here on.
    await store.exec('delete from entity; delete from organisation');
    const before = await footprint(store);
    const opened = await StoreWorkspace.open(store, bundle, at);
    expect(await footprint(store)).toEqual(before);
    expect(opened).toMatchObject({ ok: false, reason: expect.stringMatching(/no organisation/) });
  });
});

describe.each(stores)('StoreWorkspace version on %s', (_name, make) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await make());
    await migrate(store, at());
  });
  afterAll(() => cleanup());

  it('is unchanged by a refused write after its own writes took change sets 2 to 11', async () => {
    // Not following: the only catch-ups are the refusals' own (deterministic on PostgreSQL too).
    const opened = await StoreWorkspace.open(store, bundle, at, { follow: false });
    if (!opened.ok) throw new Error(opened.reason);
    const ws = opened.workspace;
    const maxChangeSet = async () =>
      Number((await store.query<{ id: string }>('select max(id)::text as id from change_set'))[0]?.id);
    expect(await maxChangeSet()).toBe(1); // the seed import
    const rev25 = () => ws.snapshot().bundle.dataPoints.find((d) => d.id === 'rev-25') as DataPoint;
    for (let i = 1; i <= 10; i++) {
      const out = await ws.writeDataPoints(
        [
          {
            dataPoint: { ...rev25(), quantity: q(`${1000 + i} CNY million`) },
            expectedVersion: ws.snapshot().versionOf('rev-25'),
          },
        ],
        'monthly upload',
        'analyst',
      );
      expect(out).toMatchObject({ ok: true, workspaceVersion: 1 + i });
    }
    // Change-set ids now run from one digit to two, where text order differs from number order.
    expect(await maxChangeSet()).toBe(11);
    const version = ws.snapshot().version;
    expect(version).toBe(11);
    const stale = await ws.writeDataPoints(
      [{ dataPoint: { ...rev25(), quantity: q('1 CNY million') }, expectedVersion: 1 }],
      'late edit',
      'analyst',
    );
    expect(stale).toEqual({ ok: false, reason: 'stale', id: 'rev-25', current: 11 });
    expect(ws.snapshot().version).toBe(version);
    const exists = await ws.writeDataPoints(
      [{ dataPoint: rev25(), expectedVersion: undefined }],
      'added twice',
      'analyst',
    );
    expect(exists).toEqual({ ok: false, reason: 'exists', id: 'rev-25' });
    expect(ws.snapshot().version).toBe(version);
    expect(await ws.retractDataPoint('rev-25', 3, 'late retraction', 'analyst')).toMatchObject({
      ok: false,
      reason: 'stale',
    });
    expect(ws.snapshot().version).toBe(version);
    expect(await maxChangeSet()).toBe(11);
  });
});
