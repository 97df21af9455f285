/**
 * Evidence links (014-evidence.sql, 016-evidence-activity-lines.sql, evidence-links.ts) on both
 * stores, PGlite and PostgreSQL: one copy per SHA-256, one link per fact (data point or activity
 * line) × file × name, both in one transaction with their audit entries (the chain stays
 * intact), links append-only, five identical uploads at once give one file, one link and two
 * audit entries, and a link made before migration 016 stays a data-point link.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.js';
import { auditEntries, verifyAudit } from './audit.js';
import { attachEvidence, evidenceOf, linksOfEvidence } from './evidence-links.js';
import { migrate, migrationFiles } from './migrate.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

const AT = '2026-02-01T08:30:00.000Z';
const bill = new TextEncoder().encode('%PDF-1.4\n% diesel invoice January\n');
const attach = (store: Store, over: Partial<Parameters<typeof attachEvidence>[1]> = {}) =>
  attachEvidence(store, {
    bytes: bill,
    mediaType: 'application/pdf',
    fileName: 'diesel-2026-01.pdf',
    target: { kind: 'data-point', id: 'diesel-jan' },
    entityId: 'smelter',
    uploadedBy: 'Ann Lee <ann@example.com>',
    at: AT,
    ...over,
  });
const rows = async (store: Store) => {
  const [r] = await store.query<{ files: number; links: number }>(
    'select (select count(*)::int from evidence_file) as files, (select count(*)::int from evidence_link) as links',
  );
  if (!r) throw new Error('no counts');
  return { files: r.files, links: r.links, audit: await auditEntries(store) };
};

const STORES: [string, () => Promise<{ store: Store; cleanup: () => Promise<void> }>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-evidence-links-'));
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
      return {
        store,
        cleanup: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  ],
];

describe.each(STORES)('evidence links: %s', (_name, open) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await open());
    await migrate(store, AT);
  }, 60_000);
  afterAll(async () => cleanup?.());

  it('keeps one copy and one link; another name or data point is another link; each new row audited', async () => {
    const first = await attach(store);
    expect(first).toEqual({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      fileIsNew: true,
      linkIsNew: true,
    });
    expect(await rows(store)).toEqual({ files: 1, links: 1, audit: 2 });
    expect(await attach(store)).toEqual({ ...first, fileIsNew: false, linkIsNew: false });
    expect(await rows(store)).toEqual({ files: 1, links: 1, audit: 2 });
    await attach(store, { fileName: '一月柴油.pdf' });
    await attach(store, { target: { kind: 'data-point', id: 'diesel-feb' } });
    expect(await rows(store)).toEqual({ files: 1, links: 3, audit: 4 });
    expect(await verifyAudit(store)).toMatchObject({ ok: true, entries: 4 });
  });

  it('lists a data point’s links of its entity, and every link of a file', async () => {
    const sha = (await attach(store)).sha256;
    const listed = await evidenceOf(store, { kind: 'data-point', id: 'diesel-jan' }, 'smelter');
    expect(listed.map((l) => l.fileName)).toEqual(['diesel-2026-01.pdf', '一月柴油.pdf']);
    expect(listed[0]).toEqual({
      sha256: sha,
      fileName: 'diesel-2026-01.pdf',
      size: bill.length,
      mediaType: 'application/pdf',
      target: { kind: 'data-point', id: 'diesel-jan' },
      entityId: 'smelter',
      uploadedBy: 'Ann Lee <ann@example.com>',
      at: AT,
    });
    expect(await evidenceOf(store, { kind: 'data-point', id: 'diesel-jan' }, 'mine')).toEqual([]);
    expect((await linksOfEvidence(store, sha)).map((l) => l.target.id)).toEqual([
      'diesel-jan',
      'diesel-jan',
      'diesel-feb',
    ]);
  });

  it('links to an activity line: its own link beside a data point of the same id, listed apart, audited', async () => {
    const before = await rows(store);
    const line = { kind: 'activity-line', id: 'diesel-jan' } as const;
    const first = await attach(store, { target: line });
    expect(first).toMatchObject({ fileIsNew: false, linkIsNew: true });
    expect(await attach(store, { target: line })).toMatchObject({ linkIsNew: false });
    expect(await rows(store)).toEqual({
      files: before.files,
      links: before.links + 1,
      audit: before.audit + 1,
    });
    expect(await evidenceOf(store, line, 'smelter')).toEqual([
      {
        sha256: first.sha256,
        fileName: 'diesel-2026-01.pdf',
        size: bill.length,
        mediaType: 'application/pdf',
        target: line,
        entityId: 'smelter',
        uploadedBy: 'Ann Lee <ann@example.com>',
        at: AT,
      },
    ]);
    // The data point "diesel-jan" keeps its own two links; the line's is not among them.
    expect(
      (await evidenceOf(store, { kind: 'data-point', id: 'diesel-jan' }, 'smelter')).map(
        (l) => l.target.kind,
      ),
    ).toEqual(['data-point', 'data-point']);
    const [entry] = await store.query<{ action: string; subject: string }>(
      'select action, subject from audit_log order by seq desc limit 1',
    );
    expect(entry).toEqual({ action: 'link-evidence', subject: 'activity line diesel-jan' });
    expect((await linksOfEvidence(store, first.sha256)).map((l) => l.target.kind)).toContain('activity-line');
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
  });

  it('refuses a link of an unknown kind or with an empty id (the table checks it)', async () => {
    const before = await rows(store);
    await expect(attach(store, { target: { kind: 'register' as 'data-point', id: 'x' } })).rejects.toThrow(
      /check constraint/,
    );
    await expect(attach(store, { target: { kind: 'activity-line', id: '' } })).rejects.toThrow(
      /check constraint/,
    );
    expect(await rows(store)).toEqual(before);
  });

  it('links are append-only', async () => {
    await expect(store.query("update evidence_link set file_name = 'x.pdf'")).rejects.toThrow(/append-only/);
    await expect(store.query('delete from evidence_link')).rejects.toThrow(/append-only/);
    await expect(store.exec('truncate evidence_link')).rejects.toThrow(/append-only/);
  });

  it('five identical uploads at once: one file, one link, two audit entries', async () => {
    const before = await rows(store);
    const bytes = new TextEncoder().encode('%PDF-1.7\n% meter photo scan\n');
    const out = await Promise.all(
      Array.from({ length: 5 }, () =>
        attach(store, { bytes, target: { kind: 'data-point', id: 'power-jan' }, fileName: 'meter.pdf' }),
      ),
    );
    expect(out.filter((o) => o.fileIsNew)).toHaveLength(1);
    expect(out.filter((o) => o.linkIsNew)).toHaveLength(1);
    expect(await rows(store)).toEqual({
      files: before.files + 1,
      links: before.links + 1,
      audit: before.audit + 2,
    });
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
  });
});

const DIR = join(import.meta.dirname, 'migrations');

describe.each(STORES)('migration 016 over links made before it: %s', (_name, open) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await open());
  }, 60_000);
  afterAll(async () => cleanup?.());

  it('keeps every earlier link as a data-point link, with its id, and the table append-only', async () => {
    await store.exec(
      'create table schema_migrations (name text primary key, applied_at timestamptz not null)',
    );
    for (const name of migrationFiles().filter((f) => f < '016')) {
      await store.exec(readFileSync(join(DIR, name), 'utf8'));
      await store.query('insert into schema_migrations values ($1, $2)', [name, AT]);
    }
    await store.exec(`
      insert into evidence_file (sha256, name, media_type, size, uploader, at, content)
        values ('${'a'.repeat(64)}', 'bill.pdf', 'application/pdf', 3, 'ann', '${AT}', '\\x414243');
      insert into evidence_link (sha256, data_point_id, entity_id, file_name, uploaded_by, at)
        values ('${'a'.repeat(64)}', 'hc-s-m', 'smelter', 'bill.pdf', 'ann', '${AT}');`);
    expect(await migrate(store, AT)).toEqual(migrationFiles().filter((f) => f >= '016'));
    expect(await linksOfEvidence(store, 'a'.repeat(64))).toEqual([
      expect.objectContaining({ target: { kind: 'data-point', id: 'hc-s-m' }, entityId: 'smelter' }),
    ]);
    // The same bytes and name on an activity line of the same id are another link.
    await store.query(
      `insert into evidence_link (sha256, fact_kind, fact_id, entity_id, file_name, uploaded_by, at)
       values ($1, 'activity-line', 'hc-s-m', 'smelter', 'bill.pdf', 'ann', $2)`,
      ['a'.repeat(64), AT],
    );
    // A new link must name its kind: the default is only for the rows that were there.
    await expect(
      store.query(
        `insert into evidence_link (sha256, fact_id, entity_id, file_name, uploaded_by, at)
         values ($1, 'x', 'smelter', 'bill.pdf', 'ann', $2)`,
        ['a'.repeat(64), AT],
      ),
    ).rejects.toThrow(/null value|not-null/);
    await expect(store.query("update evidence_link set fact_kind = 'activity-line'")).rejects.toThrow(
      /append-only/,
    );
  });
});
