/**
 * What a workspace wrote between two of its bundles, so the evaluation can bring an older
 * bundle's graph up to date from the written data points alone (evaluation.ts) instead of
 * comparing every data point of the two bundles (value-edits.ts, the fallback).
 *
 * The workspace records one step per workspace version: the data points a write changed (each
 * with its object before and after), or "structural" (a data point added or retracted, a
 * re-read of the store: anything after which the chain is unknown). Every bundle a snapshot
 * hands out is tagged with its version (weakly: the log keeps no bundle alive). `since(older,
 * version)` joins the steps from the older bundle's version to `version`: for each data point
 * its first object before and its last object after, in the order of their last write. Only
 * the last KEEP steps are kept; an older bundle than that, or one the log never tagged (another
 * workspace's, a snapshot made elsewhere), gives undefined, and the evaluation compares.
 * Changes to anything but data points (activity lines, settings, explanations) need no step of
 * their own: the evaluation sees them as top-level parts of the bundle that are not the same
 * object, and evaluates in full.
 */
import type { Bundle } from '@assay/core';
import type { DataPointChanges, DataPointWrite } from './workspace.js';

/** Steps kept: a snapshot more than this many writes behind the latest evaluated one compares. */
const KEEP = 4096;

export class ChangeLog {
  private readonly tagged = new WeakMap<Bundle, number>();
  /** Version v → what turned version v − 1 into v; null: structural. */
  private readonly steps = new Map<number, readonly DataPointWrite[] | null>();

  constructor(private readonly order: DataPointChanges['order']) {}

  /** The step to `version` (the workspace's new version after an accepted write). */
  record(version: number, writes: readonly DataPointWrite[] | null): void {
    this.steps.set(version, writes);
    this.steps.delete(version - KEEP);
  }

  /** A snapshot of `version` hands out `bundle` (the first version that handed it out stays). */
  tag(bundle: Bundle, version: number): void {
    if (!this.tagged.has(bundle)) this.tagged.set(bundle, version);
  }

  /** The data points written from `older` to the bundle of `version`, or undefined when unknown. */
  since(older: Bundle, version: number): DataPointChanges | undefined {
    const from = this.tagged.get(older);
    if (from === undefined || from > version) return undefined;
    const joined = new Map<string, DataPointWrite>();
    for (let v = from + 1; v <= version; v++) {
      const step = this.steps.get(v);
      if (step === undefined || step === null) return undefined;
      for (const w of step) {
        const first = joined.get(w.after.id);
        joined.delete(w.after.id); // re-inserted: the order of the last write
        joined.set(w.after.id, first ? { before: first.before, after: w.after } : w);
      }
    }
    return { order: this.order, writes: [...joined.values()] };
  }
}
