/** Open the workspace a front door serves: over the store, or in memory. */
import type { BundleIssue } from '@assay/core';
import { loadBundle } from '@assay/io';
import type { Store } from '@assay/store';
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
  if (!store)
    return {
      ok: true,
      workspace: new MemoryWorkspace(loaded.bundle),
      note: 'in memory: edits are lost on exit',
    };
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok)
    return {
      ok: false,
      issues: [{ file: store.location, reason: opened.reason }, ...opened.issues],
      where: store.location,
    };
  const note = opened.seeded
    ? `store ${store.location}, filled from ${dir}; edits are kept`
    : `store ${store.location} (already holds this group; ${dir} not re-read); edits are kept`;
  return { ok: true, workspace: opened.workspace, note };
}
