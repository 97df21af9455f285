/**
 * Upgrades (issue #23): a fixture database per schema version — migrations 001..k applied, then
 * the rows of a reference store that are valid at k (test/upgrade-fixtures.ts) — migrated to
 * the current version, on PGlite and PostgreSQL. Every row the fixture held is still there
 * with the same values (over the columns both versions have), the migrations applied are
 * exactly those after k, and the store opens, reads, verifies (audit chain, revision
 * numbering, content digests) and takes a new write. The versions are whatever migrations
 * exist: a new migration is tested from every older version without editing this file.
 *
 * And the other way: a database with a migration this code does not know is refused with a
 * clear message, before anything is applied.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { q } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.js';
import {
  FIXTURE_AT,
  fillFixture,
  fingerprint,
  type ReferenceRows,
  readReference,
  tablesOf,
  writeReference,
} from '../test/upgrade-fixtures.js';
import { verifyAudit } from './audit.js';
import { migrate, migrationFiles, refuseNewerSchema, SchemaTooNewError } from './migrate.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import { readBundle } from './read-bundle.js';
import type { Store } from './store.js';
import { verifyDigests } from './verify-digests.js';
import { verifyRevisions } from './verify-revisions.js';
import { writeDataPointRevisions } from './write-data-points.js';

const DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'migrations');
const FILES = migrationFiles();
/** Schema versions: after 001, after 002, …, up to the one before the current. */
const VERSIONS = FILES.slice(0, -1).map((_, i) => i + 1);
/**
 * PGlite is slow here (a version takes 8–25 s on the shared 2-core machine against 2–5 s on
 * PostgreSQL), so the suite runs it from the oldest and the newest older version only; the
 * migrations themselves are the same SQL. ASSAY_UPGRADE_ALL=1 runs every version on PGlite too.
 */
const PGLITE_VERSIONS =
  process.env.ASSAY_UPGRADE_ALL === '1'
    ? VERSIONS
    : [...new Set([VERSIONS[0], VERSIONS.at(-1)])].filter((v) => v !== undefined);

async function applyUpTo(store: Store, k: number): Promise<void> {
  await store.exec('create table schema_migrations (name text primary key, applied_at timestamptz not null)');
  for (const name of FILES.slice(0, k))
    await store.transaction(async (tx) => {
      await tx.exec(readFileSync(join(DIR, name), 'utf8'));
      await tx.query('insert into schema_migrations values ($1, $2)', [name, FIXTURE_AT]);
    });
}

let ref: ReferenceRows;
let refTables: Awaited<ReturnType<typeof tablesOf>>;
let pgliteTemplate: string;
const temps: string[] = [];

beforeAll(async () => {
  const db = await createTestDatabase();
  const s = await openPostgresStore(db.url);
  try {
    await writeReference(s);
    ref = await readReference(s);
    refTables = await tablesOf(s);
  } finally {
    await s.close();
    await db.drop();
  }
  // A new PGlite folder costs seconds to create; each fixture starts from a copy of one.
  pgliteTemplate = mkdtempSync(join(tmpdir(), 'assay-upgrade-tpl-'));
  temps.push(pgliteTemplate);
  await (await openPgliteStore(pgliteTemplate)).close();
}, 120_000);
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

type Fresh = { store: Store; reopen(): Promise<Store>; drop(): Promise<void> };
const stores: [string, readonly number[], () => Promise<Fresh>][] = [
  [
    'PGlite',
    PGLITE_VERSIONS,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'assay-upgrade-'));
      temps.push(dir);
      cpSync(pgliteTemplate, dir, { recursive: true });
      rmSync(join(dir, 'store.lock'), { recursive: true, force: true });
      return {
        store: await openPgliteStore(dir),
        reopen: () => openPgliteStore(dir),
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'PostgreSQL',
    VERSIONS,
    async () => {
      const db = await createTestDatabase();
      return {
        store: await openPostgresStore(db.url),
        reopen: () => openPostgresStore(db.url),
        drop: db.drop,
      };
    },
  ],
];

describe.each(stores)('upgrading a %s database', (_name, versions, fresh) => {
  it.each(versions)(
    'from schema version %i (migrations up to that file) to the current one',
    async (k) => {
      const f = await fresh();
      let store = f.store;
      try {
        await applyUpTo(store, k);
        const inserted = await fillFixture(store, ref);
        expect(inserted.get('organisation'), 'the fixture holds the organisation').toBe(1);
        // Columns of version k that the current schema still has (the reference store's).
        const atK = await tablesOf(store);
        const kept = new Map(
          [...atK].map(([t, cols]) => {
            const names = new Set((refTables.get(t) ?? []).map((c) => c.name));
            return [t, cols.map((c) => c.name).filter((n) => names.has(n))];
          }),
        );
        expect(
          [...atK.keys()].filter((t) => !refTables.has(t)),
          'tables the current schema dropped',
        ).toEqual([]);
        const before = await fingerprint(store, kept);
        await store.close();

        store = await f.reopen();
        expect(await migrate(store, '2026-06-01T00:00:00.000Z')).toEqual(FILES.slice(k));
        expect(await fingerprint(store, kept)).toEqual(before);

        const audit = await verifyAudit(store);
        expect(audit).toMatchObject({ ok: true, entries: inserted.get('audit_log') ?? 0 });
        expect(await verifyRevisions(store)).toEqual([]);
        expect((await verifyDigests(store)).problems).toEqual([]);
        const read = await readBundle(store);
        expect(read.ok, JSON.stringify(read.ok ? '' : read.issues.slice(0, 3))).toBe(true);
        // And it takes a write through the current code.
        const rev25 = read.ok ? read.bundle.dataPoints.find((d) => d.id === 'rev-25') : undefined;
        const [cur] = await store.query<{ rev: number }>(
          "select max(rev)::int as rev from data_point_revision where fact_key = 'group|2025|revenue|'",
        );
        if (rev25) {
          const w = await writeDataPointRevisions(
            store,
            [
              {
                dataPoint: { ...rev25, quantity: q('1003 CNY million') },
                expectedRev: cur?.rev ?? undefined,
              },
            ],
            { author: 'after-upgrade', reason: 'new write', at: FIXTURE_AT },
          );
          expect(w.ok, JSON.stringify(w)).toBe(true);
          expect((await verifyDigests(store)).problems).toEqual([]);
        }
        expect(await verifyAudit(store)).toMatchObject({ ok: true });
      } finally {
        await store.close();
        await f.drop();
      }
    },
    120_000,
  );
});

const freshPostgres = async (): Promise<Fresh> => {
  const db = await createTestDatabase();
  return { store: await openPostgresStore(db.url), reopen: () => openPostgresStore(db.url), drop: db.drop };
};

describe('the fixtures', () => {
  it('hold facts, change sets and audit entries from the oldest version on', async () => {
    const f = await freshPostgres();
    try {
      await applyUpTo(f.store, 1);
      const inserted = await fillFixture(f.store, ref);
      expect(inserted.get('data_point_revision')).toBeGreaterThan(0);
      expect(inserted.get('activity_line_revision')).toBeGreaterThan(0);
      expect(inserted.get('audit_log')).toBeGreaterThan(0);
    } finally {
      await f.store.close();
      await f.drop();
    }
  });

  it('a changed value or a lost row changes the fingerprint the upgrade compares', async () => {
    const f = await freshPostgres();
    try {
      await migrate(f.store, FIXTURE_AT);
      await fillFixture(f.store, ref);
      const cols = new Map([['data_point_revision', ['fact_key', 'rev', 'value']]]);
      const before = await fingerprint(f.store, cols);
      await f.store.exec("set session_replication_role = 'replica'");
      await f.store.exec(
        "update data_point_revision set value = value + 1 where fact_key = 'group|2025|revenue|' and rev = 1",
      );
      const changed = await fingerprint(f.store, cols);
      expect(changed).not.toEqual(before);
      await f.store.exec(
        "delete from data_point_revision where fact_key = 'group|2025|revenue|' and rev = 1",
      );
      const lost = await fingerprint(f.store, cols);
      expect(lost).not.toEqual(before);
      expect(lost).not.toEqual(changed);
    } finally {
      await f.store.close();
      await f.drop();
    }
  });
});

describe.each(stores)('a %s database newer than the code', (_name, _versions, fresh) => {
  it('is refused with the unknown migration named, before anything is applied', async () => {
    const f = await fresh();
    try {
      await applyUpTo(f.store, 2);
      await f.store.query('insert into schema_migrations values ($1, $2)', [
        '999-from-a-newer-version.sql',
        FIXTURE_AT,
      ]);
      const err = await migrate(f.store, FIXTURE_AT).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SchemaTooNewError);
      expect((err as Error).message).toBe(
        `the database ${f.store.location} was migrated by a newer version of assay: it has migration ` +
          `999-from-a-newer-version.sql, which this version does not know (its newest is ${FILES.at(-1)}). ` +
          'Nothing was changed. Run the newer version of assay, or restore a backup made with this one.',
      );
      expect(await f.store.query('select name from schema_migrations order by name')).toEqual(
        [...FILES.slice(0, 2), '999-from-a-newer-version.sql'].map((name) => ({ name })),
      );
      // A database that only lacks migrations is not refused.
      await f.store.query("delete from schema_migrations where name like '999-%'");
      await expect(refuseNewerSchema(f.store)).resolves.toBeUndefined();
    } finally {
      await f.store.close();
      await f.drop();
    }
  }, 120_000);
});
