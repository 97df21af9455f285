/**
 * `assay backup <file>` and `assay restore <file>` (docs/operations.md): the whole store
 * (DATABASE_URL, or the data folder) as one archive, and back into an empty store. The backup
 * is written to `<file>.partial`, flushed to disk and renamed only when complete, so a file by
 * the given name is always a whole backup. Exit 1 for a refused restore (damaged file, target not
 * empty, other schema version), with nothing changed.
 *
 * `--server <url>`: the store is backed up by the running server that holds it (GET /api/backup,
 * administrators only; with ASSAY_TOKEN, an administrator's API token, when the server has
 * accounts). Needed for the embedded store, which only one process may open; the downloaded file
 * is checked whole (`verifyBackup`, as `assay restore --check`) before it gets its name.
 */
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DamagedBackupError,
  RestoreRefusedError,
  restoreBackup,
  verifyBackup,
  writeBackup,
} from '@assay/store';
import { type Command, EXIT, type ExitCode, type Output, onePositional, UsageError } from '../command.js';
import { now, withStore } from './db.js';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** The hint added when the embedded store is held by a running server. */
const LOCKED_HINT =
  'the server holding it can write the backup: assay backup <file> --server http://127.0.0.1:<port> ' +
  "(with ASSAY_TOKEN=<an administrator's API token> when it has accounts)";

/** Download GET <server>/api/backup into `partial`, flush it, check it whole; then name it `file`. */
async function backupFromServer(server: string, file: string, io: Output): Promise<ExitCode> {
  let url: URL;
  try {
    url = new URL('/api/backup', server);
  } catch {
    throw new UsageError(`--server must be a URL such as http://127.0.0.1:5170, not "${server}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--server must be an http or https URL, not "${server}"`);
  const token = process.env.ASSAY_TOKEN;
  const started = performance.now();
  let r: Response;
  try {
    r = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    io.err(`assay backup: cannot reach ${url.origin}: ${(e as Error).message}`);
    return EXIT.findings;
  }
  if (r.status !== 200 || !r.body) {
    const text = (await r.text()).slice(0, 500);
    io.err(`assay backup: ${url.origin} answered ${r.status}: ${text}`);
    return EXIT.findings;
  }
  const partial = `${file}.partial`;
  try {
    await pipeline(
      Readable.fromWeb(r.body as import('node:stream/web').ReadableStream),
      createWriteStream(partial, { flags: 'wx' }),
    );
    const fh = await open(partial, 'r');
    await fh.sync();
    await fh.close();
    const m = await verifyBackup(() => createReadStream(partial));
    await rename(partial, file);
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    io.out(
      [
        `backup of the store of ${url.origin} (${m.store}) written to ${file}`,
        `  ${statSync(file).size} bytes in ${seconds(started)} s; SHA-256 of its entries ${r.headers.get('x-assay-backup-sha256') ?? '(not sent)'}; checked whole`,
        `  ${m.tables.length} tables, ${rows} rows; schema ${m.migrations.at(-1) ?? '(none)'}`,
        `  audit log: ${m.audit.entries} entries, head ${m.audit.head ?? '(empty)'}`,
        `  evidence: ${m.evidence.files} files, ${m.evidence.bytes} bytes`,
      ].join('\n'),
    );
    return EXIT.clean;
  } catch (e) {
    await rm(partial, { force: true });
    if (e instanceof DamagedBackupError) {
      io.err(
        `assay backup: the file sent by ${url.origin} is damaged or truncated: ${e.message}; nothing was written`,
      );
      return EXIT.findings;
    }
    throw e;
  }
}

export const backupCommand: Command = {
  name: 'backup',
  usage: 'assay backup <file> [--server <url>]',
  summary:
    'write a consistent snapshot of the store (every table, evidence files, audit chain head, row counts, SHA-256) to one file; --server: taken by the running server that holds the store',
  options: { server: { type: 'string' } },
  async run(args, io) {
    const file = resolve(onePositional(args, 'backup file'));
    if (existsSync(file)) {
      io.err(`assay backup: ${file} exists; name a new file (a backup never overwrites one)`);
      return EXIT.findings;
    }
    if (typeof args.values.server === 'string') return backupFromServer(args.values.server, file, io);
    const hinted: Output = {
      ...io,
      err: (line) =>
        io.err(/is in use by another assay process/.test(line) ? `${line}\n  ${LOCKED_HINT}` : line),
    };
    return withStore(hinted, async (store) => {
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
