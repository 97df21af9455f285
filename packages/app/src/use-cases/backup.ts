/**
 * A backup of the store taken by the process that has it open (GET /api/backup; docs/operations.md,
 * "Backup while the server runs"). The embedded store (PGlite) is one process's at a time, so
 * `assay backup` cannot open it while `assay serve` runs: the server writes the backup itself,
 * with the same writer as the command (store/src/backup: one read-only REPEATABLE READ
 * transaction, so the file is one moment of the store; on PGlite writers wait until it ends), into
 * a new temporary file that the caller streams and then removes. Nothing in the store changes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BackupResult, type Store, writeBackup } from '@assay/store';

export type TakenBackup = BackupResult & {
  /** The complete backup file, flushed to disk. */
  readonly path: string;
  /** Removes the file and its temporary folder. */
  readonly discard: () => Promise<void>;
};

export async function takeBackup(store: Store, at: Date): Promise<TakenBackup> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-backup-'));
  const discard = () => rm(dir, { recursive: true, force: true });
  try {
    const path = join(dir, 'backup.tar.gz');
    const r = await writeBackup(store, path, at.toISOString());
    return { ...r, path, discard };
  } catch (e) {
    await discard();
    throw e;
  }
}
