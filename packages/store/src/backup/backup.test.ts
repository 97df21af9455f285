/**
 * Backup → restore on both stores: the same figures, the same evidence bytes, the same audit
 * chain and the same rows in every table; a truncated file and a file with one altered byte are
 * refused and leave the target as it was; a backup taken while a writer writes is consistent.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateBundle } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalBundle } from '../../test/fixtures-bundle.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { createUser } from '../accounts/users.js';
import { verifyAudit } from '../audit.js';
import { getEvidence, putEvidence } from '../evidence.js';
import { importBundle } from '../import-bundle.js';
import { migrate } from '../migrate.js';
import { openPgliteStore } from '../pglite-store.js';
import { openPostgresStore } from '../postgres-store.js';
import { readBundle } from '../read-bundle.js';
import type { Store } from '../store.js';
import { verifyDigests } from '../verify-digests.js';
import { verifyRevisions } from '../verify-revisions.js';
import { writeDataPointRevisions } from '../write-data-points.js';
import { DamagedBackupError } from './archive.js';
import { RestoreRefusedError, restoreBackup, verifyBackup } from './restore-backup.js';
import { listTables, quoteIdent } from './tables.js';
import { writeBackup } from './write-backup.js';

const AT = '2026-03-01T09:00:00.000Z';
const WHO = { author: 'backup-test', reason: 'backup test', at: AT };
/** Every byte value, then pseudo-random bytes: an evidence file that is not text. */
const BINARY = Uint8Array.from({ length: 300_000 }, (_, i) => (i < 256 ? i : (i * 2_654_435_761) >>> 24));

let dir: string;
const databases: TestDatabase[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-backup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await Promise.all(databases.map((d) => d.drop()));
});

type Kind = 'pglite' | 'postgres';
let n = 0;
async function freshStore(kind: Kind): Promise<{ store: Store; reopen: () => Promise<Store> }> {
  if (kind === 'pglite') {
    const folder = join(dir, `store-${++n}`);
    const store = await openPgliteStore(folder);
    await migrate(store, AT);
    return { store, reopen: () => openPgliteStore(folder) };
  }
  const db = await createTestDatabase();
  databases.push(db);
  const store = await openPostgresStore(db.url);
  await migrate(store, AT);
  return { store, reopen: () => openPostgresStore(db.url) };
}

async function fill(store: Store): Promise<string[]> {
  const bundle = await minimalBundle();
  await importBundle(store, bundle, WHO);
  await createUser(store, { id: 'u1', email: 'pia@example.com', name: 'Pia 陳', passwordHash: null, at: AT });
  const first = bundle.dataPoints[0];
  if (!first) throw new Error('minimal bundle has no data point');
  const w = await writeDataPointRevisions(
    store,
    [{ dataPoint: { ...first, comment: 'tab\tnewline\n\\ back' }, expectedRev: 1 }],
    WHO,
  );
  expect(w.ok).toBe(true);
  const files = [
    await putEvidence(store, {
      bytes: BINARY,
      name: 'scan.bin',
      mediaType: 'application/octet-stream',
      uploader: 'u1',
      at: AT,
    }),
    await putEvidence(store, {
      bytes: new TextEncoder().encode('發票\r\n'),
      name: '發票.txt',
      mediaType: 'text/plain',
      uploader: 'u1',
      at: AT,
    }),
    await putEvidence(store, {
      bytes: new Uint8Array(0),
      name: 'empty',
      mediaType: 'text/plain',
      uploader: 'u1',
      at: AT,
    }),
  ];
  return files.map((f) => f.sha256);
}

/** Every table's rows as one digest each, in a fixed order (the rows' text, sorted). */
async function tableDigests(store: Store): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await store.transaction(async (tx) => {
    await tx.query("set local timezone = 'UTC'");
    for (const t of await listTables(tx)) {
      const q = quoteIdent(t.name);
      const [r] = await tx.query<{ d: string | null; n: string }>(
        `select md5(string_agg(x::text, E'\\n' order by x::text)) as d, count(*)::text as n from ${q} x`,
      );
      out[t.name] = `${r?.n}:${r?.d}`;
    }
  });
  return out;
}

async function figures(store: Store): Promise<string> {
  const v = await readBundle(store);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return JSON.stringify(evaluateBundle(v.bundle).figures);
}

const backupTo = (store: Store, file: string) => writeBackup(store, file, AT);
const open = (file: string) => () => createReadStream(file);

describe.each<Kind>(['pglite', 'postgres'])('backup and restore on %s', (kind) => {
  let source: Store;
  let file: string;
  let evidence: string[];
  beforeAll(async () => {
    source = (await freshStore(kind)).store;
    evidence = await fill(source);
    file = join(dir, `${kind}.assay-backup`);
    await backupTo(source, file);
  });
  afterAll(() => source.close());

  it('round trip: identical figures, evidence bytes, audit chain and rows', async () => {
    const { store: target } = await freshStore(kind);
    try {
      const r = await restoreBackup(target, open(file));
      expect(r.manifest.evidence).toEqual({ files: 3, bytes: BINARY.length + 8 });
      expect(await figures(target)).toBe(await figures(source));
      for (const sha of evidence)
        expect(Buffer.from((await getEvidence(target, sha))?.bytes ?? [])).toEqual(
          Buffer.from((await getEvidence(source, sha))?.bytes ?? [1]),
        );
      const before = await verifyAudit(source);
      const after = await verifyAudit(target);
      expect(after).toEqual(before);
      expect(after.ok && after.head).toBe(r.manifest.audit.head);
      expect(await tableDigests(target)).toEqual(await tableDigests(source));
      expect(await verifyRevisions(target)).toEqual([]);
      expect((await verifyDigests(target)).problems).toEqual([]);
      // Sequences continue after the restored rows: a new change set and user can be written.
      expect(
        (
          await writeDataPointRevisions(
            target,
            [{ dataPoint: (await minimalBundle()).dataPoints[1] as never, expectedRev: 1 }],
            WHO,
          )
        ).ok,
      ).toBe(true);
      expect(
        (
          await putEvidence(target, {
            bytes: new Uint8Array([1, 2, 3]),
            name: 'new',
            mediaType: 'text/plain',
            uploader: 'u1',
            at: AT,
          })
        ).isNew,
      ).toBe(true);
      expect((await verifyAudit(target)).ok).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('refuses a target that is not empty, changing nothing', async () => {
    const { store: target } = await freshStore(kind);
    try {
      await createUser(target, { id: 'x', email: 'x@example.com', name: 'X', passwordHash: null, at: AT });
      const before = await tableDigests(target);
      await expect(restoreBackup(target, open(file))).rejects.toThrow(RestoreRefusedError);
      await expect(restoreBackup(target, open(file))).rejects.toThrow(/not empty \(rows in users\)/);
      expect(await tableDigests(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('refuses a truncated file and a file with one altered byte, changing nothing', async () => {
    const bytes = readFileSync(file);
    const { store: target } = await freshStore(kind);
    try {
      const empty = await tableDigests(target);
      const bad = join(dir, `${kind}-bad.assay-backup`);
      const cases: [string, Buffer][] = [
        ['truncated to half', bytes.subarray(0, bytes.length >> 1)],
        ['last byte cut', bytes.subarray(0, bytes.length - 1)],
        ['empty', Buffer.alloc(0)],
      ];
      for (const at of [3, 9, 40, bytes.length >> 1, bytes.length - 30, bytes.length - 5, bytes.length - 1]) {
        const b = Buffer.from(bytes);
        b[at] = (b[at] as number) ^ 0x01;
        cases.push([`byte ${at} altered`, b]);
      }
      for (const [what, b] of cases) {
        writeFileSync(bad, b);
        await expect(restoreBackup(target, open(bad)), what).rejects.toThrow(DamagedBackupError);
      }
      expect(await tableDigests(target)).toEqual(empty);
    } finally {
      await target.close();
    }
  });

  it('every single altered byte of the file is refused', async () => {
    const bytes = readFileSync(file);
    // Every position of the first and last 600 bytes (headers, manifest, digest, trailer) and a
    // stride through the middle; each is read in full by verifyBackup.
    const positions = new Set<number>();
    for (let i = 0; i < Math.min(600, bytes.length); i++) positions.add(i).add(bytes.length - 1 - i);
    for (let i = 600; i < bytes.length - 600; i += Math.max(1, Math.floor(bytes.length / 400)))
      positions.add(i);
    const bad = join(dir, `${kind}-flip.assay-backup`);
    let refused = 0;
    for (const at of positions) {
      const b = Buffer.from(bytes);
      b[at] = (b[at] as number) ^ 0x20;
      writeFileSync(bad, b);
      await expect(verifyBackup(open(bad)), `byte ${at}`).rejects.toThrow(DamagedBackupError);
      refused++;
    }
    expect(refused).toBe(positions.size);
  }, 300_000);

  it('a backup taken while a writer writes is one consistent moment', async () => {
    const { store: src, reopen } = await freshStore(kind);
    // On PostgreSQL the writer has connections of its own, as a running server would.
    const writer = kind === 'postgres' ? await reopen() : src;
    try {
      const bundle = await minimalBundle();
      await importBundle(writer, bundle, WHO);
      const dp = bundle.dataPoints[0];
      if (!dp) throw new Error('no data point');
      let rev = 1;
      let writing = true;
      let writes = 0;
      // Bounded, and stopped in `finally`: a failed or timed-out test must not leave it writing.
      const loop = (async () => {
        while (writing && writes < 200) {
          const r = await writeDataPointRevisions(
            writer,
            [{ dataPoint: { ...dp, comment: `edit ${rev}` }, expectedRev: rev }],
            { ...WHO, reason: `edit ${rev}` },
          );
          if (!r.ok) throw new Error(JSON.stringify(r));
          rev += 1;
          writes += 1;
        }
      })();
      const files: string[] = [];
      try {
        for (let i = 0; i < 2; i++) {
          while (writes < (i + 1) * 2 && writing) await new Promise((r) => setTimeout(r, 5));
          const f = join(dir, `${kind}-live-${i}.assay-backup`);
          await backupTo(src, f);
          files.push(f);
        }
      } finally {
        writing = false;
        await loop;
      }
      for (const f of files) {
        const { store: target } = await freshStore(kind);
        try {
          const r = await restoreBackup(target, open(f));
          expect((await verifyAudit(target)).ok).toBe(true);
          expect(await verifyRevisions(target)).toEqual([]);
          expect((await verifyDigests(target)).problems).toEqual([]);
          // Each edit is one change set with one audit entry: the snapshot holds whole edits only.
          const [c] = await target.query<{ cs: string; audit: string }>(
            'select (select count(*) from change_set)::text as cs, (select count(*) from audit_log)::text as audit',
          );
          expect(Number(c?.audit)).toBe(r.manifest.audit.entries);
          expect(Number(c?.cs)).toBeGreaterThan(1);
        } finally {
          await target.close();
        }
      }
      expect(writes).toBeGreaterThanOrEqual(4);
    } finally {
      if (writer !== src) await writer.close();
      await src.close();
    }
  }, 300_000);
});
