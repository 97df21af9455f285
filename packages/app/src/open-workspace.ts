/** Open the workspace a front door serves: over the store, or in memory. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleIssue } from '@assay/core';
import { loadBundle, readMaterialityFile } from '@assay/io';
import type { Store } from '@assay/store';
import { importMaterialityAssessments } from './use-cases/materiality-files.js';
import { loadMeterFolder, METER_FOLDER } from './use-cases/meter-folder.js';
import { MemoryWorkspace } from './workspace/memory-workspace.js';
import { StoreWorkspace } from './workspace/store-workspace.js';
import type { Workspace } from './workspace/workspace.js';

export type OpenedWorkspace =
  | { ok: true; workspace: Workspace; note: string }
  /** `where`: the bundle folder or the store the issues are in. */
  | { ok: false; issues: BundleIssue[]; where: string };

/**
 * The workspace for a bundle folder: over the store when one is given (an empty store is filled
 * from the folder; otherwise the store's data is used and the folder only names the group), or
 * in memory. A store that holds data is never written at start-up: when it cannot be read, the
 * reason comes first among the issues and the store is left as it is. When the store is filled,
 * the folder's meters/ (register, readings, bills; meter-folder.ts) are loaded into it too, once;
 * in memory, into `options.meterStore` when given (else none, and the note says so).
 */
/** Whether a bundle folder has meters to load (meters/meters.csv; meter-folder.ts). */
export const hasMeterFolder = (dir: string): boolean => existsSync(join(dir, METER_FOLDER, 'meters.csv'));

export type OpenWorkspaceOptions = {
  /**
   * In memory (no `store`): a store for the folder's meters only (an in-memory PGlite,
   * openMemoryPgliteStore), since readings live only in a store; without it the meters are not
   * loaded. The caller closes it.
   */
  readonly meterStore?: Store;
};

export async function openWorkspace(
  dir: string,
  store?: Store,
  options: OpenWorkspaceOptions = {},
): Promise<OpenedWorkspace> {
  const loaded = await loadBundle(dir);
  if (!loaded.ok) return { ok: false, issues: loaded.issues, where: dir };
  // The materiality assessments beside the bundle (materiality.yaml; docs/registers.md)
  const materiality = await readMaterialityFile(dir);
  if (!materiality.ok) return { ok: false, issues: materiality.issues, where: dir };
  const seed = (workspace: Workspace) =>
    importMaterialityAssessments({
      ws: workspace,
      assessments: materiality.assessments,
      reason: `filled from ${dir}`,
      author: 'assay',
    });
  const fillMeters = async (workspace: Workspace, meterStore: Store): Promise<string | BundleIssue[]> => {
    const meters = await loadMeterFolder({
      ws: workspace,
      store: meterStore,
      dir,
      author: 'assay',
      at: new Date().toISOString(),
    });
    if (!meters.ok) {
      const e = meters.error;
      return e.issues?.length ? [...e.issues] : [{ file: join(dir, METER_FOLDER), reason: e.message }];
    }
    const v = meters.value;
    return v.present ? ` (meters: ${v.meters}, readings: ${v.readingsAdded}, bills: ${v.bills})` : '';
  };
  if (!store) {
    const workspace = new MemoryWorkspace(loaded.bundle);
    await seed(workspace);
    if (!options.meterStore) {
      const meters = hasMeterFolder(dir) ? `; ${METER_FOLDER}/ not loaded: meters need a store` : '';
      return { ok: true, workspace, note: `in memory: edits are lost on exit${meters}` };
    }
    const filled = await fillMeters(workspace, options.meterStore);
    if (typeof filled !== 'string') return { ok: false, issues: filled, where: dir };
    return { ok: true, workspace, note: `in memory${filled}: edits are lost on exit` };
  }
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok)
    return {
      ok: false,
      issues: [{ file: store.location, reason: opened.reason }, ...opened.issues],
      where: store.location,
    };
  let metersNote = '';
  if (opened.seeded) {
    await seed(opened.workspace);
    // The store is filled already when the meters fail (the caller closes it); a later start
    // does not retry them (a store that holds data is not written at start-up).
    const filled = await fillMeters(opened.workspace, store);
    if (typeof filled !== 'string') return { ok: false, issues: filled, where: dir };
    metersNote = filled;
  }
  const note = opened.seeded
    ? `store ${store.location}, filled from ${dir}${metersNote}; edits are kept`
    : `store ${store.location} (already holds this group; ${dir} not re-read); edits are kept`;
  return { ok: true, workspace: opened.workspace, note };
}
