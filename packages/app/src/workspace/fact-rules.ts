/**
 * The rules a data-point write keeps against the data points already there, as the store
 * applies them inside its import transaction (packages/store/src/fact-conflicts.ts) and core
 * within one file (bundle/load-facts.ts). Used where the workspace's data is at hand without a
 * database: the in-memory workspace and the import preview, so that both refuse what the store
 * would refuse, with the same words.
 *
 * - One id, one fact: an id that belongs to another data point (entity, period, indicator,
 *   disaggregation) is refused, also when that data point is retracted (`ownerOf` knows it).
 * - No overlapping periods: for one entity, indicator and disaggregation, a year is given as
 *   one value or as its months or quarters, not both.
 */
import { type DataPoint, dataPointFactKey, parsePeriod } from '@assay/core';

export type FactRuleProblem = {
  /** The written data point the problem is about. */
  readonly id: string;
  readonly column: 'id' | 'period';
  readonly message: string;
};

const OVERLAP = 'a year must be given as one value or as its months or quarters, not both';

export function idTakenMessage(id: string, ownerKey: string): string {
  return `id "${id}" belongs to the data point "${ownerKey}"; give this row another id (or none)`;
}

/** Entity, year, indicator and disaggregation: the data points that must agree on a period kind. */
function yearGroup(d: DataPoint): string | undefined {
  const p = parsePeriod(d.periodId);
  if (!p) return undefined;
  return dataPointFactKey({ ...d, periodId: String(p.year) });
}

/**
 * The current data points by year group (yearGroup above), each group in the order its data
 * points were added: what the period-overlap rule compares a written data point with, so that a
 * write looks at its own series only instead of at every data point. The in-memory workspace
 * keeps one up to date (put/remove) in the order of its bundle's data points.
 */
export class YearGroupIndex {
  private readonly groups = new Map<string, DataPoint[]>();

  static of(dataPoints: Iterable<DataPoint>): YearGroupIndex {
    const index = new YearGroupIndex();
    for (const d of dataPoints) index.put(d, undefined);
    return index;
  }

  /** The data points of one year group (empty if none); do not change the array. */
  inGroup(group: string): readonly DataPoint[] {
    return this.groups.get(group) ?? [];
  }

  /** Add `d`, in the place of `replaced` (the same id's earlier data point) when it has one. */
  put(d: DataPoint, replaced: DataPoint | undefined): void {
    const g = yearGroup(d);
    if (replaced !== undefined) {
      const list = g === undefined ? undefined : this.groups.get(g);
      const at = list?.indexOf(replaced) ?? -1;
      if (list && at >= 0 && yearGroup(replaced) === g) {
        list[at] = d;
        return;
      }
      this.remove(replaced);
    }
    if (g === undefined) return;
    const list = this.groups.get(g);
    if (list) list.push(d);
    else this.groups.set(g, [d]);
  }

  remove(d: DataPoint): void {
    const g = yearGroup(d);
    const list = g === undefined ? undefined : this.groups.get(g);
    const at = list?.indexOf(d) ?? -1;
    if (!list || at < 0) return;
    list.splice(at, 1);
    if (list.length === 0) this.groups.delete(g as string);
  }
}

/**
 * Problems with writing `written` (new data points or new revisions) next to `current` (the
 * current data points; those with the key of a written one are replaced by it). `ownerOf` gives
 * the key of the data point an id belongs to, current or retracted, if any.
 */
export function dataPointRuleProblems(
  current: readonly DataPoint[] | YearGroupIndex,
  written: readonly DataPoint[],
  ownerOf: (id: string) => string | undefined,
): FactRuleProblem[] {
  const index = current instanceof YearGroupIndex ? current : YearGroupIndex.of(current);
  const problems: FactRuleProblem[] = [];
  const writtenKeys = new Set(written.map(dataPointFactKey));
  /** Written data points accepted so far in this write, by year group. */
  const added = new Map<string, DataPoint[]>();
  for (const w of written) {
    const key = dataPointFactKey(w);
    const owner = ownerOf(w.id);
    if (owner !== undefined && owner !== key) {
      problems.push({ id: w.id, column: 'id', message: idTakenMessage(w.id, owner) });
      continue;
    }
    const kind = parsePeriod(w.periodId)?.kind;
    const g = yearGroup(w);
    const differs = (o: DataPoint) => parsePeriod(o.periodId)?.kind !== kind;
    // Stored data points first (those a written one replaces left out), then the written ones.
    const stored =
      g === undefined
        ? undefined
        : index.inGroup(g).find((o) => !writtenKeys.has(dataPointFactKey(o)) && differs(o));
    const other = stored ?? (g === undefined ? undefined : added.get(g)?.find(differs));
    if (other) {
      problems.push({
        id: w.id,
        column: 'period',
        message: `${w.periodId} overlaps the ${stored ? 'stored ' : ''}data point "${other.id}" (period ${other.periodId}, key "${dataPointFactKey(other)}"): ${OVERLAP}`,
      });
      continue;
    }
    if (g !== undefined) added.set(g, [...(added.get(g) ?? []), w]);
  }
  return problems;
}

/**
 * One write names each data point once: two changes with one id, or with one key (entity,
 * period, indicator, disaggregation), are refused on the later one before anything else is
 * checked, by both workspaces alike (which of the two was meant cannot be guessed).
 */
export function repeatedInWrite(
  written: readonly DataPoint[],
): { readonly id: string; readonly column: 'id' | undefined; readonly message: string } | undefined {
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  for (const d of written) {
    if (ids.has(d.id))
      return { id: d.id, column: 'id', message: `data point id "${d.id}" appears twice in one write` };
    const key = dataPointFactKey(d);
    const other = keys.get(key);
    if (other !== undefined)
      return {
        id: d.id,
        column: undefined,
        message: `data point "${key}" appears twice in one write (ids "${other}" and "${d.id}")`,
      };
    ids.add(d.id);
    keys.set(key, d.id);
  }
  return undefined;
}
