/**
 * The order facts were written in (change set, then position in it) of rows read in any other
 * order, without a comparison sort: the database's own final sort of 2.4 million current facts
 * by (change_set, seq) took about half of that read (PostgreSQL 15 here: an external merge of
 * 256 MB on disk), while here it is two counting passes.
 *
 * (change set, position) is unique per revision, so the order is total. Change sets are few (one
 * per import or write); positions within one are mostly dense (0 … n − 1 of an import, with
 * holes where a later change set superseded a fact), so each change set's rows are placed by
 * position directly; a change set whose positions are too sparse for that is sorted by
 * comparison (correct either way, only slower).
 */

/** Row indices in written order, or undefined when the rows already are in that order. */
export function writtenOrder(changeSets: Float64Array, seqs: Float64Array): Uint32Array | undefined {
  const n = changeSets.length;
  if (seqs.length !== n) throw new Error('writtenOrder: columns of different lengths');
  if (isWrittenOrder(changeSets, seqs)) return undefined;
  // 1. rows per change set, change sets ascending
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const cs = changeSets[i] as number;
    counts.set(cs, (counts.get(cs) ?? 0) + 1);
  }
  const sets = [...counts.keys()].sort((a, b) => a - b);
  const start = new Map<number, number>();
  let at = 0;
  for (const cs of sets) {
    start.set(cs, at);
    at += counts.get(cs) as number;
  }
  // 2. each row into its change set's range (stable), then each range by position
  const next = new Map(start);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const cs = changeSets[i] as number;
    const slot = next.get(cs) as number;
    order[slot] = i;
    next.set(cs, slot + 1);
  }
  for (const cs of sets) {
    const from = start.get(cs) as number;
    sortRangeBySeq(order, from, from + (counts.get(cs) as number), seqs);
  }
  return order;
}

function isWrittenOrder(changeSets: Float64Array, seqs: Float64Array): boolean {
  for (let i = 1; i < changeSets.length; i++) {
    const a = changeSets[i - 1] as number;
    const b = changeSets[i] as number;
    if (a > b || (a === b && (seqs[i - 1] as number) >= (seqs[i] as number))) return false;
  }
  return true;
}

/** order[from … to) sorted by seqs (unique within the range). */
function sortRangeBySeq(order: Uint32Array, from: number, to: number, seqs: Float64Array): void {
  const size = to - from;
  if (size < 2) return;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = from; j < to; j++) {
    const s = seqs[order[j] as number] as number;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const span = max - min + 1;
  if (span > 4 * size + 1024) {
    // a subarray is a view: sorting it sorts order[from … to) in place
    order.subarray(from, to).sort((a, b) => (seqs[a] as number) - (seqs[b] as number));
    return;
  }
  // positions dense enough: place each row at its position, then close the holes
  const slots = new Int32Array(span).fill(-1);
  for (let j = from; j < to; j++) {
    const i = order[j] as number;
    slots[(seqs[i] as number) - min] = i;
  }
  let w = from;
  for (let k = 0; k < span; k++) {
    const i = slots[k] as number;
    if (i >= 0) order[w++] = i;
  }
  if (w !== to) throw new Error('writtenOrder: a position repeats within a change set');
}
