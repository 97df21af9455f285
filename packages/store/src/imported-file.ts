/**
 * Files already imported, by the SHA-256 of their bytes (migration 006: change_set.file_sha256).
 * The file name says nothing about the content (generated activity-line ids come from it), so
 * the digest is what tells a file seen before from a new one.
 */
import type { Sql } from './store.js';

export type ImportedFile = {
  readonly changeSet: number;
  /** ISO-8601 time of that import. */
  readonly at: string;
  /** What it was imported as (the path given then). */
  readonly source: string;
};

const SHA256 = /^[0-9a-f]{64}$/;

/** The first change set that imported a file with these bytes, if any. */
export async function importedFile(sql: Sql, sha256: string): Promise<ImportedFile | undefined> {
  if (!SHA256.test(sha256)) throw new Error(`a file digest is 64 lowercase hex digits, not "${sha256}"`);
  const [r] = await sql.query<{ id: string; at: string; source: string }>(
    `select id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, source
     from change_set where file_sha256 = $1 order by change_set.id limit 1`,
    [sha256],
  );
  return r ? { changeSet: Number(r.id), at: r.at, source: r.source } : undefined;
}
