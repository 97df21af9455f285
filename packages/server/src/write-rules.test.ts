/**
 * The server's write paths keep the store's rules (issue #14, items 3 and 4): a quarter next to
 * the stored annual value, or an id that belongs to another data point (retracted or not), is
 * refused with 422 naming the field, and the import preview lists such rows as errors, not as
 * changes. Over both workspaces: in memory, and over the store (PostgreSQL).
 */
import { join } from 'node:path';
import type { Workspace } from '@assay/app';
import { MemoryWorkspace, StoreWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { migrate, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-06-01T00:00:00.000Z';

let db: TestDatabase | undefined;
let store: Store | undefined;
afterAll(async () => {
  await store?.close();
  await db?.drop();
});

const workspaces: [string, () => Promise<Workspace>][] = [
  ['memory', async () => new MemoryWorkspace(bundle, at)],
  [
    'store (PostgreSQL)',
    async () => {
      db = await createTestDatabase();
      store = await openPostgresStore(db.url);
      await migrate(store, at());
      const opened = await StoreWorkspace.open(store, bundle, at);
      if (!opened.ok) throw new Error(opened.reason);
      return opened.workspace;
    },
  ],
];

describe.each(workspaces)('write rules over the %s workspace', (_name, open) => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = createApp({ workspace: await open() });
  });
  const post = async (path: string, body: unknown) => {
    const r = await app.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const revenueQ1 = {
    entity: 'group',
    period: '2025-Q1',
    indicator: 'revenue',
    value: '240',
    unit: 'CNY million',
    source: 'ledger',
    reason: 'first quarter',
  };

  it('refuses a quarter next to the annual value (422, field period), and the figure stays', async () => {
    const r = await post('/api/data-points', revenueQ1);
    expect(r).toMatchObject({
      status: 422,
      body: {
        error: {
          code: 'invalid-data',
          field: 'period',
          message: expect.stringMatching(/2025-Q1 overlaps the stored data point "rev-25" \(period 2025/),
        },
      },
    });
    const fig = await app.request(`/api/figure?id=${encodeURIComponent('revenue@group/2025')}`);
    expect(((await fig.json()) as { figure: { value: string } }).figure.value).toBe('1000');
  });

  it('previews an overlapping row and a re-keyed id as errors, not as changes, and applies neither', async () => {
    const csv = [
      'id,entity,period,indicator,value,unit,source',
      'rev-25,smelter,2025,revenue,5,CNY million,ledger',
      ',group,2025-Q1,revenue,240,CNY million,ledger',
      ',mine,2025,revenue,7,CNY million,ledger',
    ].join('\n');
    const p = await post('/api/import/data-points', { file: 'upload.csv', csv });
    expect(p.status).toBe(200);
    const preview = p.body as {
      rows: { line: number; action: string }[];
      issues: unknown[];
      workspaceVersion: number;
    };
    expect(preview.rows).toMatchObject([{ line: 4, action: 'add' }]);
    expect(preview.issues).toEqual([
      {
        file: 'upload.csv',
        row: 2,
        column: 'id',
        reason:
          'id "rev-25" belongs to the data point "group|2025|revenue|"; give this row another id (or none)',
      },
      {
        file: 'upload.csv',
        row: 3,
        column: 'period',
        reason: expect.stringMatching(/^2025-Q1 overlaps the stored data point "rev-25"/),
      },
    ]);
    const a = await post('/api/import/data-points?apply=true', {
      file: 'upload.csv',
      csv,
      reason: 'import',
      version: preview.workspaceVersion,
    });
    expect(a).toMatchObject({ status: 422, body: { error: { code: 'invalid-data' } } });
  });

  it('refuses the id of a retracted data point for another one (422, field id)', async () => {
    expect((await post('/api/data-points/rev-24/retract', { reason: 'wrong year', version: 1 })).status).toBe(
      200,
    );
    const r = await post('/api/data-points', {
      ...revenueQ1,
      id: 'rev-24',
      entity: 'smelter',
      period: '2024',
    });
    expect(r).toMatchObject({
      status: 422,
      body: {
        error: {
          code: 'invalid-data',
          field: 'id',
          message: expect.stringMatching(/"group\|2024\|revenue\|"/),
        },
      },
    });
    // The retracted data point itself may come back under its id.
    const back = await post('/api/data-points', { ...revenueQ1, id: 'rev-24', period: '2024', value: '950' });
    expect(back.status).toBe(201);
  });
});
