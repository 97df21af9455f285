/**
 * Evidence links (014-evidence.sql, evidence-links.ts) on both stores, PGlite and PostgreSQL:
 * one copy per SHA-256, one link per data point × file × name, both in one transaction with
 * their audit entries (the chain stays intact), links append-only, and five identical uploads at
 * once give one file, one link and two audit entries.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.js';
import { auditEntries, verifyAudit } from './audit.js';
import { attachEvidence, evidenceOfDataPoint, linksOfEvidence } from './evidence-links.js';
import { migrate } from './migrate.js';
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
    dataPointId: 'diesel-jan',
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
    await attach(store, { dataPointId: 'diesel-feb' });
    expect(await rows(store)).toEqual({ files: 1, links: 3, audit: 4 });
    expect(await verifyAudit(store)).toMatchObject({ ok: true, entries: 4 });
  });

  it('lists a data point’s links of its entity, and every link of a file', async () => {
    const sha = (await attach(store)).sha256;
    const listed = await evidenceOfDataPoint(store, 'diesel-jan', 'smelter');
    expect(listed.map((l) => l.fileName)).toEqual(['diesel-2026-01.pdf', '一月柴油.pdf']);
    expect(listed[0]).toEqual({
      sha256: sha,
      fileName: 'diesel-2026-01.pdf',
      size: bill.length,
      mediaType: 'application/pdf',
      dataPointId: 'diesel-jan',
      entityId: 'smelter',
      uploadedBy: 'Ann Lee <ann@example.com>',
      at: AT,
    });
    expect(await evidenceOfDataPoint(store, 'diesel-jan', 'mine')).toEqual([]);
    expect((await linksOfEvidence(store, sha)).map((l) => l.dataPointId)).toEqual([
      'diesel-jan',
      'diesel-jan',
      'diesel-feb',
    ]);
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
        attach(store, { bytes, dataPointId: 'power-jan', fileName: 'meter.pdf' }),
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
