/**
 * Where a reading use case (figures, findings, completeness, explanation, report) takes its data
 * from: a bundle folder as it is on disk, or the store's current revisions read back as a bundle
 * (store readBundle, validated by core exactly as a folder is). Both give a Snapshot, so the use
 * cases answer the same for the same data whichever front door or source asked.
 * Nothing is written: an empty store is reported as such (`empty: true`), not filled.
 */
import type { Bundle, BundleIssue } from '@assay/core';
import { loadBundle } from '@assay/io';
import { readBundle, readSettingsDocument, type Store } from '@assay/store';
import type { CaseRecords } from '../workspace/case-records.js';
import type { CycleRecords } from '../workspace/cycle-records.js';
import type { FindingWorkRecords } from '../workspace/finding-work-records.js';
import type { MaterialityRecords } from '../workspace/materiality-records.js';
import type { RestatementRecords } from '../workspace/restatement-records.js';
import { StoreCases } from '../workspace/store-cases.js';
import { StoreCycle } from '../workspace/store-cycle.js';
import { StoreFindingWork } from '../workspace/store-finding-work.js';
import { StoreMateriality } from '../workspace/store-materiality.js';
import { StoreRestatements } from '../workspace/store-restatements.js';
import type { Snapshot } from '../workspace/workspace.js';
import { folderMateriality } from './materiality-files.js';

export type SourceSpec = { readonly folder: string } | { readonly store: Store };

export type LoadedSource =
  /**
   * `where`: the folder, or the store's location (data folder or URL without password).
   * `cycle`: the store's workflow records (read by the report's status); a folder has none.
   * `restatements`: the store's restatement requests (the report's note); a folder has none.
   */
  | {
      readonly ok: true;
      readonly snapshot: Snapshot;
      readonly where: string;
      readonly cycle?: CycleRecords;
      readonly restatements?: RestatementRecords;
      /** `findingWork`: the store's findings' work state (`assay check` ignores accepted findings); a folder has none. */
      readonly findingWork?: FindingWorkRecords;
      /** `cases`: the compliance case records (the report prints their counts only); a folder has none. */
      readonly cases?: CaseRecords;
      /** `materiality`: the surveys and their approval (the report's material topics, completeness); a folder's are its materiality.yaml. */
      readonly materiality?: MaterialityRecords;
    }
  | {
      readonly ok: false;
      /** The store holds no organisation yet: nothing was ever imported into it. */
      readonly empty: boolean;
      readonly issues: readonly BundleIssue[];
      readonly where: string;
    };

/**
 * A read-only snapshot: `versions` maps a data point id to its revision number (1 when loaded
 * from a folder); activity lines are at version 1 (a reading command asks for no line version).
 */
export function snapshotOf(bundle: Bundle, versions?: ReadonlyMap<string, number>): Snapshot {
  return {
    bundle,
    version: 1,
    versionOf: (id) =>
      versions ? versions.get(id) : bundle.dataPoints.some((d) => d.id === id) ? 1 : undefined,
    lineVersionOf: (id) => (bundle.activityLines.some((l) => l.id === id) ? 1 : undefined),
  };
}

export async function loadSource(spec: SourceSpec): Promise<LoadedSource> {
  if ('folder' in spec) {
    const loaded = await loadBundle(spec.folder);
    if (!loaded.ok) return { ok: false, empty: false, issues: loaded.issues, where: spec.folder };
    // the folder's materiality.yaml: its approval drives completeness as the served store's does
    const materiality = await folderMateriality(spec.folder);
    if (!materiality.ok) return { ok: false, empty: false, issues: materiality.issues, where: spec.folder };
    return {
      ok: true,
      snapshot: snapshotOf(loaded.bundle),
      where: spec.folder,
      materiality: materiality.records,
    };
  }
  const store = spec.store;
  if (!(await readSettingsDocument(store)))
    return {
      ok: false,
      empty: true,
      issues: [{ file: store.location, reason: 'the store is empty' }],
      where: store.location,
    };
  const read = await readBundle(store);
  if (!read.ok) return { ok: false, empty: false, issues: read.issues, where: store.location };
  const rows = await store.query<{ fact_id: string; rev: number }>(
    'select fact_id, rev from data_point_current',
  );
  const versions = new Map(rows.map((r) => [r.fact_id, Number(r.rev)]));
  // Read only here: the clock would stamp a transition, and a reading command records none.
  const cycle = new StoreCycle(store, () => new Date().toISOString());
  const restatements = new StoreRestatements(store, () => new Date().toISOString());
  const findingWork = new StoreFindingWork(store, () => new Date().toISOString());
  const cases = new StoreCases(store, () => new Date().toISOString());
  const materiality = new StoreMateriality(store, () => new Date().toISOString());
  return {
    ok: true,
    snapshot: snapshotOf(read.bundle, versions),
    where: store.location,
    cycle,
    restatements,
    findingWork,
    cases,
    materiality,
  };
}
