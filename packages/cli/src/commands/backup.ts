/**
 * `assay backup <file>` and `assay restore <file>` (docs/operations.md): the whole store
 * (DATABASE_URL, or the data folder) as one archive, and back into an empty store. The backup
 * is written to `<file>.partial`, flushed to disk and renamed only when complete, so a file by
 * the given name is always a whole backup. Exit 1 for a refused restore (damaged file, target not
 * empty, other schema version), with nothing changed.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DamagedBackupError,
  RestoreRefusedError,
  restoreBackup,
  verifyBackup,
  writeBackup,
} from '@assay/store';
import { type Command, EXIT, onePositional } from '../command.js';
import { now, withStore } from './db.js';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export const backupCommand: Command = {
  name: 'backup',
  usage: 'assay backup <file>',
  summary:
    'write a consistent snapshot of the store (every table, evidence files, audit chain head, row counts, SHA-256) to one file',
  options: {},
  async run(args, io) {
    const file = resolve(onePositional(args, 'backup file'));
    if (existsSync(file)) {
      io.err(`assay backup: ${file} exists; name a new file (a backup never overwrites one)`);
      return EXIT.findings;
    }
    return withStore(io, async (store) => {
      const partial = `${file}.partial`;
      const started = performance.now();
      try {
        const r = await writeBackup(store, partial, now());
        await rename(partial, file);
        const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
        io.out(
          [
            `backup of ${store.location} (${store.kind}) written to ${file}`,
            `  ${statSync(file).size} bytes in ${seconds(started)} s; SHA-256 of its entries ${r.sha256}`,
            `  ${r.manifest.tables.length} tables, ${rows} rows; schema ${r.manifest.migrations.at(-1) ?? '(none)'}`,
            `  audit log: ${r.manifest.audit.entries} entries, head ${r.manifest.audit.head ?? '(empty)'}`,
            `  evidence: ${r.manifest.evidence.files} files, ${r.manifest.evidence.bytes} bytes`,
          ].join('\n'),
        );
        return EXIT.clean;
      } catch (e) {
        await rm(partial, { force: true });
        throw e;
      }
    });
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'assay restore <file> [--check]',
  summary:
    'check a backup file (--check: only that) and load it into an EMPTY store, verifying row counts, the audit chain and evidence files before committing',
  options: { check: { type: 'boolean' } },
  async run(args, io) {
    const file = resolve(onePositional(args, 'backup file'));
    if (!existsSync(file)) {
      io.err(`assay restore: ${file} does not exist`);
      return EXIT.findings;
    }
    const read = () => createReadStream(file);
    const refused = (e: unknown) => {
      if (e instanceof DamagedBackupError) {
        io.err(`assay restore: ${file} is damaged or truncated: ${e.message}; nothing was changed`);
        return EXIT.findings;
      }
      if (e instanceof RestoreRefusedError) {
        io.err(`assay restore: refused: ${e.message}`);
        return EXIT.findings;
      }
      throw e;
    };
    if (args.values.check === true) {
      try {
        const m = await verifyBackup(read);
        io.out(
          `${file}: intact backup of ${m.createdAt} (${m.store}, schema ${m.migrations.at(-1) ?? '(none)'}): ` +
            `${m.tables.reduce((n, t) => n + t.rows, 0)} rows, ${m.audit.entries} audit entries, ${m.evidence.files} evidence files`,
        );
        return EXIT.clean;
      } catch (e) {
        return refused(e);
      }
    }
    return withStore(io, async (store) => {
      const started = performance.now();
      try {
        const r = await restoreBackup(store, read);
        io.out(
          [
            `restored ${file} into ${store.location} (${store.kind}) in ${seconds(started)} s`,
            `  ${r.manifest.tables.length} tables, ${r.rows} rows (counts match the manifest)`,
            `  audit log verified: ${r.manifest.audit.entries} entries, head ${r.manifest.audit.head ?? '(empty)'}`,
            `  evidence: ${r.manifest.evidence.files} files, each matching its SHA-256`,
          ].join('\n'),
        );
        return EXIT.clean;
      } catch (e) {
        return refused(e);
      }
    });
  },
};
