/**
 * A consistent snapshot of a store, written as one archive (archive.ts) while others write:
 * every table is read in ONE read-only REPEATABLE READ transaction, so the rows, the counts and
 * the audit chain's head all belong to the same moment (on PGlite, which has one connection,
 * the transaction also holds other writers off until it ends). Rows are read through a cursor
 * a batch at a time and written as COPY text chunks, so a large store is never one string.
 */
import { copyLine } from '../copy-text.js';
import type { Sql, Store } from '../store.js';
import { ArchiveWriter, MANIFEST_ENTRY } from './archive.js';
import { appliedMigrations, listTables, quoteIdent, type TableInfo } from './tables.js';

export const BACKUP_FORMAT = 'assay-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** A chunk is cut once its COPY text passes this many UTF-16 units (about 4 MB of text). */
const CHUNK_CHARS = 4 * 1024 * 1024;
/** Rows per cursor fetch; a table with a bytea column (evidence files) is read a few rows at a time. */
const FETCH_ROWS = 2000;
const FETCH_ROWS_BINARY = 4;

export type BackupManifest = {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly createdAt: string;
  readonly store: Store['kind'];
  /** Migrations applied to the store backed up; a restore needs a target at exactly these. */
  readonly migrations: readonly string[];
  readonly tables: readonly { name: string; columns: readonly string[]; rows: number }[];
  readonly audit: { readonly entries: number; readonly head: string | null };
  readonly evidence: { readonly files: number; readonly bytes: number };
};

export type BackupResult = {
  readonly manifest: BackupManifest;
  /** SHA-256 over the entries (`digest.json`). */
  readonly sha256: string;
  /** SHA-256 over the file after its header (kept in the header). */
  readonly fileSha256: string;
};

/** Session settings both sides use, so the text of dates, times and intervals reads back the same. */
export const TEXT_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 3',
];

/** Write a backup of `store` into a new file `path` (refused if it exists), flushed to disk. */
export async function writeBackup(store: Store, path: string, at: string): Promise<BackupResult> {
  const archive = new ArchiveWriter(path, new Date(at));
  try {
    return await store.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read, read only');
      for (const s of TEXT_SETTINGS) await tx.query(s);
      const tables = await listTables(tx);
      const counted: BackupManifest['tables'][number][] = [];
      for (const t of tables)
        counted.push({ name: t.name, columns: t.columns, rows: await countRows(tx, t.name) });
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: at,
        store: store.kind,
        migrations: await appliedMigrations(tx),
        tables: counted,
        audit: await auditHead(tx),
        evidence: await evidenceTotals(tx),
      };
      await archive.add(MANIFEST_ENTRY, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
      for (const [i, t] of tables.entries()) {
        const dumped = await dumpTable(tx, t, archive);
        const expected = manifest.tables[i]?.rows;
        if (dumped !== expected) throw new Error(`${t.name}: counted ${expected} rows but read ${dumped}`);
      }
      const digests = await archive.finish();
      return { manifest, sha256: digests.entries, fileSha256: digests.file };
    });
  } catch (e) {
    archive.abort(e as Error);
    throw e;
  }
}

async function countRows(sql: Sql, table: string): Promise<number> {
  const [r] = await sql.query<{ n: string }>(`select count(*)::text as n from ${quoteIdent(table)}`);
  return Number(r?.n ?? 0);
}

export async function auditHead(sql: Sql): Promise<BackupManifest['audit']> {
  const [r] = await sql.query<{ n: string; head: string | null }>(
    `select (select count(*) from audit_log)::text as n,
            (select hash from audit_log order by audit_log.seq desc limit 1) as head`,
  );
  return { entries: Number(r?.n ?? 0), head: r?.head ?? null };
}

export async function evidenceTotals(sql: Sql): Promise<BackupManifest['evidence']> {
  const [r] = await sql.query<{ n: string; bytes: string }>(
    'select count(*)::text as n, coalesce(sum(size), 0)::text as bytes from evidence_file',
  );
  return { files: Number(r?.n ?? 0), bytes: Number(r?.bytes ?? 0) };
}

/** Write one table's rows as chunks `tables/<name>/<n>.copy`; returns the number of rows. */
async function dumpTable(tx: Sql, t: TableInfo, archive: ArchiveWriter): Promise<number> {
  const [binary] = await tx.query<{ n: string }>(
    `select count(*)::text as n from pg_attribute
     where attrelid = $1::regclass and attnum > 0 and not attisdropped and atttypid = 'bytea'::regtype`,
    [quoteIdent(t.name)],
  );
  const batch = Number(binary?.n ?? 0) > 0 ? FETCH_ROWS_BINARY : FETCH_ROWS;
  const select = t.columns.map((c, i) => `${quoteIdent(c)}::text as c${i}`).join(', ');
  const order = t.key.length > 0 ? ` order by ${t.key.map(quoteIdent).join(', ')}` : '';
  await tx.query(
    `declare assay_backup no scroll cursor for select ${select} from ${quoteIdent(t.name)}${order}`,
  );
  let rows = 0;
  let chunk = 0;
  let text = '';
  const flush = async () => {
    chunk += 1;
    await archive.add(`tables/${t.name}/${String(chunk).padStart(6, '0')}.copy`, Buffer.from(text, 'utf8'));
    text = '';
  };
  for (;;) {
    const got = await tx.query<Record<string, string | null>>(`fetch forward ${batch} from assay_backup`);
    if (got.length === 0) break;
    for (const r of got) {
      const fields: (string | null)[] = [];
      for (let i = 0; i < t.columns.length; i++) fields.push(r[`c${i}`] ?? null);
      text += copyLine(fields);
    }
    rows += got.length;
    if (text.length >= CHUNK_CHARS) await flush();
  }
  if (text.length > 0) await flush();
  await tx.query('close assay_backup');
  return rows;
}
