/**
 * `assay import <file|bundle-dir> [--entity E --period P]`: a bundle folder, a long-format CSV
 * (data-points.csv or activity-lines.csv columns) or a filled XLSX template, into the store.
 * All or nothing: any bad row is reported (file, sheet, row, column, reason) and nothing changes.
 * A file whose bytes were imported before (by SHA-256, under any name) adds nothing unless
 * `--as-new-data` is given. A file is imported by app's importFactFile, which also keeps the id
 * of a stored fact for a row given without an id (the one id rule, docs/storage.md).
 */
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { formatImportIssue, type ImportIssue, loadBundle } from '@assay/io';
import { type ImportResult, importBundle, type Store } from '@assay/store';
import { type Command, EXIT, type ExitCode, type Output, onePositional, UsageError } from '../command.js';
import { authorOf, now, withStore } from './db.js';

/**
 * The folder's materiality.yaml (surveys, responses, approval) into the store, as `assay serve`
 * fills an empty store with it: the approved topic list drives completeness (docs/frameworks.md
 * "Materiality and completeness"), so the store must answer as the folder does. Surveys the store
 * already holds keep their edits.
 */
async function importMateriality(
  io: Output,
  store: Store,
  dir: string,
  author: string,
  reason: string,
): Promise<ExitCode> {
  const { importFolderMateriality } = await import('@assay/app');
  const r = await importFolderMateriality({ store, dir, author, reason });
  if (!r.ok) {
    for (const i of r.issues) io.err(`${i.file}: ${i.reason}`);
    return EXIT.findings;
  }
  if (r.surveys > 0)
    io.out(`${dir}/materiality.yaml: ${r.surveys} survey(s), ${r.responses} response(s) imported`);
  if (r.kept > 0)
    io.out(`${dir}/materiality.yaml: ${r.kept} survey(s) already in the store, kept as they are`);
  return EXIT.clean;
}

function report(io: Output, what: string, r: ImportResult<ImportIssue>, sha256?: string): ExitCode {
  if (!r.ok) {
    for (const i of r.issues) io.err(formatImportIssue(i));
    const more = r.issueCount > r.issues.length ? ` (first ${r.issues.length} shown)` : '';
    io.err(`${what}: ${r.issueCount} error(s)${more}; nothing was imported`);
    return EXIT.findings;
  }
  if (r.alreadyImported) {
    const e = r.alreadyImported;
    io.out(
      `${what}: the same file (SHA-256 ${sha256?.slice(0, 12)}…) was already imported as change set ${e.changeSet} (${e.source}, ${e.at}); ` +
        'nothing was added. To import it again as new data, add --as-new-data',
    );
    return EXIT.clean;
  }
  if (!r.changed) {
    io.out(`${what}: nothing new (every fact matches its current revision)`);
    return EXIT.clean;
  }
  const c = r.counts;
  io.out(
    `${what}: data points ${c.dataPoints.added} added, ${c.dataPoints.revised} revised; ` +
      `activity lines ${c.activityLines.added} added, ${c.activityLines.revised} revised; ` +
      `${c.other} other records changed (change set ${r.changeSet})`,
  );
  return EXIT.clean;
}

async function importFile(
  store: Store,
  path: string,
  args: Record<string, unknown>,
  io: Output,
): Promise<ExitCode> {
  const { importFactFile } = await import('@assay/app');
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const r = await importFactFile(store, {
    path,
    entity: str(args.entity),
    period: str(args.period),
    author: authorOf(args.author),
    reason: str(args.reason) ?? `import ${path}`,
    at: now(),
    asNewData: args['as-new-data'] === true,
  });
  if (!r.ok) {
    io.err(`${path}: the store holds no organisation yet; import a bundle folder first`);
    return EXIT.findings;
  }
  return report(io, path, r.result, r.sha256);
}

export const importCommand: Command = {
  name: 'import',
  usage:
    'assay import <file.csv|file.xlsx|bundle-dir> [--entity E --period P] [--author A] [--reason R] [--as-new-data]',
  summary:
    'import a bundle folder, a long-format CSV or a filled XLSX template into the store, all or nothing',
  options: {
    entity: { type: 'string' },
    period: { type: 'string' },
    author: { type: 'string' },
    reason: { type: 'string' },
    /** Import a file whose bytes were imported before (recognised by SHA-256) all the same. */
    'as-new-data': { type: 'boolean' },
  },
  async run(args, io) {
    const path = onePositional(args, 'file or bundle folder');
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`${path} does not exist`);
    }
    const ext = extname(path).toLowerCase();
    if (!isDir && ext !== '.csv' && ext !== '.xlsx')
      throw new UsageError('import a bundle folder, a .csv or an .xlsx file');
    if (isDir && args.values['as-new-data'] !== undefined)
      throw new UsageError(
        '--as-new-data applies to a CSV or XLSX file; a bundle folder is compared fact by fact',
      );
    if (ext !== '.xlsx' && (args.values.entity !== undefined || args.values.period !== undefined))
      throw new UsageError('--entity and --period apply to an XLSX template; CSV rows name their own');
    if (isDir) {
      const v = await loadBundle(path);
      if (!v.ok) {
        for (const i of v.issues) io.err(formatImportIssue(i));
        io.err(`${path}: ${v.issues.length} error(s); nothing was imported`);
        return EXIT.findings;
      }
      const reason =
        typeof args.values.reason === 'string' ? args.values.reason : `import bundle ${resolve(path)}`;
      return withStore(io, async (store) => {
        const code = report(
          io,
          path,
          await importBundle(store, v.bundle, {
            author: authorOf(args.values.author),
            reason,
            at: now(),
            subject: `bundle ${path}`,
          }),
        );
        return code === EXIT.clean
          ? importMateriality(io, store, path, authorOf(args.values.author), reason)
          : code;
      });
    }
    return withStore(io, (store) => importFile(store, path, args.values, io));
  },
};
