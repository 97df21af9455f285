/**
 * The data grid's rows in an order a save cannot change: sorted by indicator id, breakdown and
 * data-point id (none of which a value edit touches; the server lists data points in storage
 * order, where an edited one may move to the end). A row whose cell holds something not saved
 * (typed text, or a save that failed) stays in the grid even when a re-fetched list no longer has
 * it (retracted or moved meanwhile), as last seen, so what was typed is never dropped unseen.
 */
import { useMemo, useRef } from 'react';
import type { DataPoint } from '../api';

export type GridRow = {
  dp: DataPoint /** Not in the latest list; kept for its unsaved cell. */;
  kept: boolean;
};

/** A breakdown as the grid prints it: `axis=member; …`. */
export const breakdownOf = (dp: DataPoint) =>
  Object.entries(dp.disaggregation)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** Code-unit order (not locale order), so both languages and every browser show the same order. */
function compare(a: DataPoint, b: DataPoint): number {
  const keys: [string, string][] = [
    [a.indicatorId, b.indicatorId],
    [breakdownOf(a), breakdownOf(b)],
    [a.id, b.id],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

export function useStableRows(fetched: DataPoint[] | undefined, unsaved: ReadonlySet<string>): GridRow[] {
  const lastSeen = useRef(new Map<string, DataPoint>());
  return useMemo(() => {
    const list = fetched ?? [];
    for (const dp of list) lastSeen.current.set(dp.id, dp);
    const present = new Set(list.map((dp) => dp.id));
    const kept = [...unsaved]
      .filter((id) => !present.has(id))
      .map((id) => lastSeen.current.get(id))
      .filter((dp): dp is DataPoint => dp !== undefined);
    return [...list.map((dp) => ({ dp, kept: false })), ...kept.map((dp) => ({ dp, kept: true }))].sort(
      (a, b) => compare(a.dp, b.dp),
    );
  }, [fetched, unsaved]);
}
