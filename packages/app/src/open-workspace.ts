/** Open the workspace a front door serves: over the store, or in memory. */
import type { BundleIssue } from '@assay/core';
import { loadBundle, readMaterialityFile } from '@assay/io';
import type { Store } from '@assay/store';
import { importMaterialityAssessments } from './use-cases/materiality-files.js';
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
 * reason comes first among the issues and the store is left as it is.
 */
export async function openWorkspace(dir: string, store?: Store): Promise<OpenedWorkspace> {
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
  if (!store) {
    const workspace = new MemoryWorkspace(loaded.bundle);
    await seed(workspace);
    return { ok: true, workspace, note: 'in memory: edits are lost on exit' };
  }
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok)
    return {
      ok: false,
      issues: [{ file: store.location, reason: opened.reason }, ...opened.issues],
      where: store.location,
    };
  if (opened.seeded) await seed(opened.workspace);
  const note = opened.seeded
    ? `store ${store.location}, filled from ${dir}; edits are kept`
    : `store ${store.location} (already holds this group; ${dir} not re-read); edits are kept`;
  return { ok: true, workspace: opened.workspace, note };
}
