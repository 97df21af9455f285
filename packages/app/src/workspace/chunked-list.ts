/**
 * An immutable list whose changed copies share all but the touched chunks with the original
 * (docs/performance.md, "Edit through the API"): the memory workspace holds its data points in
 * one, and the evaluation its figures, so an edit of one data point copies one chunk and the
 * chunk array (at 2.4 million elements: 1,024 + 2,344 references) instead of the whole list,
 * while every snapshot handed out earlier keeps its own list.
 *
 * `toArray()` gives the plain array (a Bundle's `dataPoints`, an Evaluation's `figures`): built
 * on first call by concatenating the chunks, then cached, so only a reader that needs the whole
 * array pays O(n), once per list. A list made from an array (`of`) returns that array itself.
 * Nothing is ever changed in place once a ChunkedList is constructed.
 */

/** Elements per chunk: a write copies one chunk and the chunk array. */
const CHUNK = 1024;

export class ChunkedList<T> {
  private array: readonly T[] | undefined;

  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    readonly length: number,
    array?: readonly T[],
  ) {
    this.array = array;
  }

  /** The list of these elements; `items` is kept as this list's array and must not change. */
  static of<T>(items: readonly T[]): ChunkedList<T> {
    const chunks: T[][] = [];
    for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
    return new ChunkedList(chunks, items.length, items);
  }

  get(i: number): T | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return this.chunks[Math.floor(i / CHUNK)]?.[i % CHUNK];
  }

  /**
   * A copy with the elements at the given positions replaced (each position < length), then
   * `appended` added at the end. Copies only the chunks touched.
   */
  with(updates: Iterable<readonly [number, T]>, appended: readonly T[] = []): ChunkedList<T> {
    const chunks = this.chunks.slice();
    const copied = new Set<number>();
    const own = (c: number): T[] => {
      if (!copied.has(c)) {
        chunks[c] = (chunks[c] ?? []).slice();
        copied.add(c);
      }
      return chunks[c] as T[];
    };
    for (const [i, v] of updates) {
      if (!Number.isInteger(i) || i < 0 || i >= this.length)
        throw new RangeError(`position ${i} outside 0..${this.length - 1}`);
      own(Math.floor(i / CHUNK))[i % CHUNK] = v;
    }
    let length = this.length;
    for (const v of appended) {
      const c = Math.floor(length / CHUNK);
      if (c === chunks.length) {
        chunks.push([]);
        copied.add(c);
      }
      own(c).push(v);
      length += 1;
    }
    return new ChunkedList(chunks, length);
  }

  /** The elements as one array: built on first call, then the same array every time. */
  toArray(): readonly T[] {
    if (this.array === undefined) {
      const out = new Array<T>(this.length);
      let n = 0;
      for (const c of this.chunks) for (const v of c) out[n++] = v;
      this.array = out;
    }
    return this.array;
  }

  /** Whether `toArray()` has been built (for tests and benchmarks: an edit should not build it). */
  get materialised(): boolean {
    return this.array !== undefined;
  }
}
