/**
 * One ArrayBuffer for many typed columns (CalcGraph.reserve): V8 starts a full collection of the
 * whole heap when new ArrayBuffer memory passes its external-memory limit, and it checks at each
 * allocation, so twenty 20 MiB columns allocated one after another cost two full collections where
 * one 400 MiB buffer costs one (measured with a 2.4-million-fact bundle in the heap: 0.6–0.8 s
 * each, docs/performance.md). Views are 8-byte aligned. A column that does not fit (an estimate
 * off) is allocated on its own: the arena changes where memory comes from, never what is stored.
 * The buffer is a SharedArrayBuffer (never shared with a worker): V8 does not count its bytes as
 * external memory, so reserving the graph starts no full collection at all (measured on the
 * 2,000-entity benchmark: the one 0.6–0.8 s collection at reserve() is gone; docs/performance.md).
 * Typed arrays on it read and write as on an ArrayBuffer.
 */

type Column =
  | Int32Array<ArrayBuffer>
  | Uint16Array<ArrayBuffer>
  | Uint8Array<ArrayBuffer>
  | Int8Array<ArrayBuffer>
  | Float64Array<ArrayBuffer>;
type ColumnType<T extends Column> = {
  new (n: number): T;
  new (b: ArrayBuffer, at: number, n: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

/** Bytes of a column of n elements of `bytesPerElement`, rounded up to the 8-byte alignment. */
export const columnBytes = (n: number, bytesPerElement: number): number =>
  Math.ceil((n * bytesPerElement) / 8) * 8;

export class Arena {
  private readonly buffer: ArrayBuffer;
  private at = 0;
  constructor(bytes: number) {
    // a browser page without cross-origin isolation has no SharedArrayBuffer: plain memory then
    this.buffer =
      typeof SharedArrayBuffer === 'function'
        ? (new SharedArrayBuffer(bytes) as unknown as ArrayBuffer)
        : new ArrayBuffer(bytes);
  }

  /** A zeroed column of n elements. */
  take<T extends Column>(type: ColumnType<T>, n: number): T {
    const bytes = columnBytes(n, type.BYTES_PER_ELEMENT);
    if (this.at + bytes > this.buffer.byteLength) return new type(n);
    const column = new type(this.buffer, this.at, n);
    this.at += bytes;
    return column;
  }
}

/** A column of at least n elements holding a's elements: from the arena when given, else doubled. */
export function grownColumn<T extends Column>(a: T, n: number, arena?: Arena): T {
  if (n <= a.length) return a;
  const type = a.constructor as ColumnType<T>;
  const b = arena ? arena.take(type, n) : new type(Math.max(n, a.length * 2));
  b.set(a as never);
  return b;
}
