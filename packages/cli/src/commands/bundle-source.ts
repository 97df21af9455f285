/**
 * The data a reading command (calc, check, explain, disclosures, report) works on: the bundle
 * folder when one is named, else the store every storage command opens (DATABASE_URL, else
 * ASSAY_DATA_DIR, else .assay-data/; db.ts). app's loadSource reads either into one snapshot, so
 * the figures are the same either way. An empty store (or a data folder that does not exist,
 * which is then not created) is a clear message and exit 1.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  CycleRecords,
  FindingWorkRecords,
  LoadedSource,
  RestatementRecords,
  Snapshot,
} from '@assay/app';
import { EXIT, type ExitCode, type Output } from '../command.js';
import { storeConfig, withStore } from './db.js';
import { formatIssue } from './validate.js';

/**
 * `cycle`: the store's workflow records (the report's draft status); `restatements`: its
 * restatement requests (the report's restatement note); `findingWork`: its findings' work state
 * (accepted findings); all undefined for a folder.
 */
export type SourceRun = (
  snapshot: Snapshot,
  where: string,
  cycle?: CycleRecords,
  restatements?: RestatementRecords,
  findingWork?: FindingWorkRecords,
  /** The whole loaded source (the report reads the case and materiality records from it too). */
  source?: Extract<LoadedSource, { ok: true }>,
) => Promise<ExitCode>;

/** `command` names the command in the hint ("calc" → `assay calc <bundle>`). */
export async function withBundleSource(
  dir: string | undefined,
  command: string,
  io: Output,
  run: SourceRun,
): Promise<ExitCode> {
  const { loadSource } = await import('@assay/app');
  if (dir !== undefined) return answer(await loadSource({ folder: dir }), command, io, run);
  const { databaseUrl, dataDir } = storeConfig();
  if (!databaseUrl && !existsSync(dataDir)) {
    io.err(emptyStoreMessage(`${resolve(dataDir)} (no such folder)`, command));
    return EXIT.findings;
  }
  return withStore(io, async (store) => answer(await loadSource({ store }), command, io, run));
}

function answer(loaded: LoadedSource, command: string, io: Output, run: SourceRun): Promise<ExitCode> {
  if (loaded.ok)
    return run(loaded.snapshot, loaded.where, loaded.cycle, loaded.restatements, loaded.findingWork, loaded);
  if (loaded.empty) {
    io.err(emptyStoreMessage(loaded.where, command));
    return Promise.resolve(EXIT.findings);
  }
  for (const i of loaded.issues) io.err(formatIssue(i));
  return Promise.resolve(EXIT.findings);
}

export function emptyStoreMessage(where: string, command: string): string {
  return (
    `assay ${command}: the store ${where} is empty. Import a bundle with \`assay import <folder>\` ` +
    `or start \`assay serve <folder>\` (which fills an empty store), or name a folder: \`assay ${command} <bundle>\``
  );
}
