/**
 * Restore a backup into an EMPTY store of the same schema version, in two passes over the file:
 * the first reads it all without touching the store (gzip, tar, entry names, row counts per
 * table, the archive's SHA-256), the second loads it in ONE transaction and, before committing,
 * checks the counts, the audit chain (walked again, its head equal to the manifest's) and every
 * evidence file's SHA-256. Any failure rolls everything back: the target is left as it was.
 *
 * A target that holds data is refused, never overwritten: most tables are append-only (their
 * triggers forbid delete and truncate), and the store being replaced is the operator's fallback
 * until the restored one is checked. Restore into a new data folder or a new database instead.
 */
import type { Readable } from 'node:stream';
import { verifyAudit } from '../audit.js';
import type { Sql, Store } from '../store.js';
import { type ArchiveEntry, DamagedBackupError, MANIFEST_ENTRY, readArchive } from './archive.js';
import { appliedMigrations, listTables, quoteIdent, resetSequences, SEEDED_TABLES } from './tables.js';
import {
  auditHead,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  evidenceTotals,
  TEXT_SETTINGS,
} from './write-backup.js';

/** A backup that is sound but cannot go into this target (not empty, other schema version). */
export class RestoreRefusedError extends Error {}

const CHUNK_NAME = /^tables\/([a-z_][a-z0-9_]*)\/(\d{6})\.copy$/;

/**
 * Walk the entries once, checking their order and names against the manifest and counting each
 * table's rows; `onChunk` gets every chunk (the restore pass loads it). The manifest is judged
 * only after the whole file, digest included, has been read, so an altered byte is always
 * reported as damage; the restore pass (a file already verified) needs the manifest at once.
 */
async function walk(
  input: Readable,
  onChunk?: (table: BackupManifest['tables'][number], data: Buffer) => Promise<void>,
): Promise<BackupManifest> {
  let raw: ArchiveEntry | undefined;
  let early: BackupManifest | undefined;
  const chunks: { name: string; rows: number }[] = [];
  const order = tableOrder();
  for await (const entry of readArchive(input)) {
    if (!raw) {
      if (entry.name !== MANIFEST_ENTRY)
        throw new DamagedBackupError(
          `the first entry is ${entry.name}, not ${MANIFEST_ENTRY}: not an Assay backup`,
        );
      raw = entry;
      if (onChunk) early = parseManifest(entry);
      continue;
    }
    if (entry.data.length > 0 && entry.data[entry.data.length - 1] !== 0x0a)
      throw new DamagedBackupError(`entry ${entry.name} does not end at a row`);
    chunks.push({ name: entry.name, rows: countNewlines(entry.data) });
    if (early && onChunk) await onChunk(order(early, entry.name), entry.data);
  }
  if (!raw) throw new DamagedBackupError('the file holds no manifest');
  const manifest = early ?? parseManifest(raw);
  const rows = new Map<string, number>();
  const check = tableOrder();
  for (const c of chunks) {
    const t = check(manifest, c.name);
    rows.set(t.name, (rows.get(t.name) ?? 0) + c.rows);
  }
  for (const t of manifest.tables)
    if ((rows.get(t.name) ?? 0) !== t.rows)
      throw new DamagedBackupError(
        `table ${t.name}: the manifest counts ${t.rows} rows, the file holds ${rows.get(t.name) ?? 0}`,
      );
  return manifest;
}

/** Chunks come table by table in manifest order, numbered 1, 2, … within each table. */
function tableOrder(): (m: BackupManifest, name: string) => BackupManifest['tables'][number] {
  let tableIndex = 0;
  let chunkNo = 0;
  return (m, name) => {
    const match = CHUNK_NAME.exec(name);
    if (!match) throw new DamagedBackupError(`unexpected entry ${name}`);
    const [, table, no] = match;
    while (m.tables[tableIndex] && m.tables[tableIndex]?.name !== table) {
      tableIndex += 1;
      chunkNo = 0;
    }
    const t = m.tables[tableIndex];
    if (!t)
      throw new DamagedBackupError(`entry ${name}: table ${table} is out of order or not in the manifest`);
    chunkNo += 1;
    if (Number(no) !== chunkNo) throw new DamagedBackupError(`entry ${name}: expected chunk ${chunkNo}`);
    return t;
  };
}

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i !== -1; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}

function parseManifest(entry: ArchiveEntry): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(entry.data.toString('utf8')) as BackupManifest;
  } catch {
    throw new DamagedBackupError(`${MANIFEST_ENTRY} is not JSON`);
  }
  if (m.format !== BACKUP_FORMAT) throw new DamagedBackupError('not an Assay backup');
  if (m.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new RestoreRefusedError(
      `backup format version ${m.formatVersion}; this version of assay reads ${BACKUP_FORMAT_VERSION}`,
    );
  if (!Array.isArray(m.tables) || !Array.isArray(m.migrations))
    throw new DamagedBackupError(`${MANIFEST_ENTRY} is incomplete`);
  return m;
}

/** Read the whole file and check it; the store is not touched. */
export function verifyBackup(open: () => Readable): Promise<BackupManifest> {
  return walk(open());
}

export type RestoreResult = { readonly manifest: BackupManifest; readonly rows: number };

export async function restoreBackup(store: Store, open: () => Readable): Promise<RestoreResult> {
  const checked = await verifyBackup(open);
  return store.transaction(async (tx) => {
    for (const s of TEXT_SETTINGS) await tx.query(s);
    await checkTarget(tx, checked);
    for (const t of SEEDED_TABLES)
      if (checked.tables.some((m) => m.name === t)) await tx.query(`delete from ${quoteIdent(t)}`);
    const manifest = await walk(open(), (table, data) =>
      data.length === 0
        ? Promise.resolve()
        : tx.copyFrom(
            `copy ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) from stdin`,
            data,
          ),
    );
    if (JSON.stringify(manifest) !== JSON.stringify(checked))
      throw new DamagedBackupError('the file changed while it was being restored');
    await resetSequences(tx, await listTables(tx));
    await checkRestored(tx, manifest);
    return { manifest, rows: manifest.tables.reduce((n, t) => n + t.rows, 0) };
  });
}

async function checkTarget(tx: Sql, m: BackupManifest): Promise<void> {
  const migrations = await appliedMigrations(tx);
  if (migrations.join(',') !== m.migrations.join(',')) {
    const missing = m.migrations.filter((x) => !migrations.includes(x));
    const extra = migrations.filter((x) => !m.migrations.includes(x));
    throw new RestoreRefusedError(
      'the target store is at another schema version than the backup' +
        (missing.length
          ? `; the backup has migrations this store lacks: ${missing.join(', ')} (use a newer assay)`
          : '') +
        (extra.length
          ? `; this store has migrations the backup lacks: ${extra.join(', ')} (restore with the assay version that wrote the backup, then upgrade)`
          : ''),
    );
  }
  const tables = new Map((await listTables(tx)).map((t) => [t.name, t]));
  for (const t of m.tables) {
    const here = tables.get(t.name);
    if (!here) throw new RestoreRefusedError(`the target store has no table ${t.name}`);
    const missing = t.columns.filter((c) => !here.columns.includes(c));
    if (missing.length)
      throw new RestoreRefusedError(
        `table ${t.name} in the target store lacks column(s) ${missing.join(', ')}`,
      );
  }
  const busy: string[] = [];
  for (const t of tables.keys()) {
    if (SEEDED_TABLES.includes(t)) continue;
    const [r] = await tx.query<{ any: boolean }>(`select exists (select 1 from ${quoteIdent(t)}) as any`);
    if (r?.any) busy.push(t);
  }
  if (busy.length)
    throw new RestoreRefusedError(
      `the target store is not empty (rows in ${busy.slice(0, 5).join(', ')}${busy.length > 5 ? ', …' : ''}): ` +
        'restore into a new data folder (ASSAY_DATA_DIR) or a new database (DATABASE_URL); nothing was changed',
    );
}

/** After loading, before commit: the same counts, the same chain and head, sound evidence files. */
async function checkRestored(tx: Sql, m: BackupManifest): Promise<void> {
  for (const t of m.tables) {
    const [r] = await tx.query<{ n: string }>(`select count(*)::text as n from ${quoteIdent(t.name)}`);
    if (Number(r?.n) !== t.rows)
      throw new Error(`restored ${r?.n} rows into ${t.name}, the backup has ${t.rows}`);
  }
  const chain = await verifyAudit(tx);
  if (!chain.ok)
    throw new Error(`the restored audit log is broken at entry ${chain.brokenAt}: ${chain.reason}`);
  const head = await auditHead(tx);
  if (
    chain.entries !== m.audit.entries ||
    head.head !== m.audit.head ||
    (chain.entries > 0 && chain.head !== m.audit.head)
  )
    throw new Error(
      `the restored audit chain (${chain.entries} entries, head ${head.head}) differs from the backup's`,
    );
  const [bad] = await tx.query<{ n: string }>(
    `select count(*)::text as n from evidence_file where encode(sha256(content), 'hex') <> sha256 or length(content) <> size`,
  );
  if (Number(bad?.n) !== 0) throw new Error(`${bad?.n} restored evidence file(s) do not match their SHA-256`);
  const ev = await evidenceTotals(tx);
  if (ev.files !== m.evidence.files || ev.bytes !== m.evidence.bytes)
    throw new Error(
      `restored ${ev.files} evidence files (${ev.bytes} bytes), the backup has ${m.evidence.files} (${m.evidence.bytes} bytes)`,
    );
}
