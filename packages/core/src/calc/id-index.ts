/**
 * Node id → node index, without a Map or a string per node: the ids' UTF-16 code units are
 * appended to one growable column (node i's id is chars[start[i]..start[i+1])), and an
 * open-addressing table (linear probing, load ≤ 3/4) holds per slot the pair (hash, node index
 * + 1), 0 = empty, side by side so that a probe reads one cache line.
 * A JS Map of 2.6 million fresh strings costs seconds in insertion and garbage collection (every
 * entry is an old-to-young pointer until the next collection); typed arrays are not scanned by
 * the collector at all. Invariant: ids are unique; `add` refuses a duplicate.
 *
 * Deferred adds (defer() … settle()): a bulk load (a bundle's millions of facts) appends ids and
 * hashes only; settle() then places them in the order of their home slots (a counting sort on the
 * slot's high bits), so that the table is written front to back instead of at random (one cache and
 * TLB miss per id in a 32 MiB table: about 0.4 µs each, over a second for 2.4 million ids). A
 * duplicate among deferred ids is found by settle(), which names it; get() settles first.
 *
 * The code-unit column is a Uint8Array while every id is Latin-1 (ids are mostly ASCII) and is
 * widened once to a Uint16Array at the first code unit above 255: half the bytes to write, and
 * first-touched memory costs ~10 µs per 4 KiB page on this machine (docs/performance.md).
 */

import { type Arena, columnBytes, grownColumn } from './arena.js';

const EMPTY = 0;

/** FNV-1a over UTF-16 code units, then a final mix so that the low bits spread. */
function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h | 0;
}

export class IdIndex {
  /** Code units of the ids; Uint8Array until an id has a code unit above 255 (then widened). */
  private chars: Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> = new Uint8Array(1 << 16);
  private wide = false;
  private charEnd = 0;
  private start: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** slots[2p] = hash, slots[2p + 1] = node index + 1 (0: empty); 1024 slots to start. */
  private slots: Int32Array<ArrayBuffer> = new Int32Array(2048);
  private count = 0;
  /** Ids 0..placed-1 are in the table; placed..count-1 were added deferred (see settle). */
  private placed = 0;
  private deferring = false;

  get size(): number {
    return this.count;
  }

  private matches(i: number, s: string): boolean {
    const from = this.start[i] as number;
    if ((this.start[i + 1] as number) - from !== s.length) return false;
    const c = this.chars;
    for (let k = 0; k < s.length; k++) if (c[from + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  /** Node i's id equals the `length` code units just copied at chars[from..]. */
  private copied(i: number, from: number, length: number): boolean {
    const at = this.start[i] as number;
    if ((this.start[i + 1] as number) - at !== length) return false;
    const c = this.chars;
    for (let k = 0; k < length; k++) if (c[at + k] !== c[from + k]) return false;
    return true;
  }

  private find(s: string, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const v = slots[2 * p + 1] as number;
      if (v === EMPTY) return -1;
      if (slots[2 * p] === h && this.matches(v - 1, s)) return v - 1;
    }
  }

  /** Index of id, or -1. Settles deferred ids first (throws on a duplicate among them). */
  get(id: string): number {
    if (this.placed < this.count) this.settleOrThrow();
    return this.find(id, hashOf(id));
  }

  /**
   * Append id (the concatenation of `id` and `rest`, so that a caller with a prefix and a name
   * need not build the string) as the next index and return it; -1 (nothing added) when that id
   * is already there.
   */
  add(id: string, rest = ''): number {
    if (!this.deferring && this.placed < this.count) this.settleOrThrow();
    const i = this.count;
    if (i + 2 > this.start.length) {
      this.start = grownInt32(this.start, i + 2);
      this.hashes = grownInt32(this.hashes, i + 1);
    }
    const from = this.charEnd;
    const length = id.length + rest.length;
    if (from + length > this.chars.length) this.grow(from + length, this.wide);
    // one pass: copy the code units and hash them (the same hash as hashOf of the whole id); a
    // code unit above 255 in the byte column widens it and copies this id again
    let c = this.chars;
    let h = 0x811c9dc5 | 0;
    let narrow = !this.wide;
    for (let k = 0; k < id.length; k++) {
      const u = id.charCodeAt(k);
      if (u > 255 && narrow) {
        this.grow(this.chars.length, true);
        c = this.chars;
        narrow = false;
        for (let q = 0; q < k; q++) c[from + q] = id.charCodeAt(q);
      }
      c[from + k] = u;
      h = Math.imul(h ^ u, 0x01000193);
    }
    const mid = from + id.length;
    for (let k = 0; k < rest.length; k++) {
      const u = rest.charCodeAt(k);
      if (u > 255 && narrow) {
        this.grow(this.chars.length, true);
        c = this.chars;
        narrow = false;
        for (let q = 0; q < id.length; q++) c[from + q] = id.charCodeAt(q);
        for (let q = 0; q < k; q++) c[mid + q] = rest.charCodeAt(q);
      }
      c[mid + k] = u;
      h = Math.imul(h ^ u, 0x01000193);
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h |= 0;
    if (this.deferring) {
      this.append(i, from + length, h);
      return i;
    }
    // one probe: stop at the id (a duplicate: the copied code units are simply not kept) or at
    // the empty slot where it goes (ids are never removed, so that slot is the place)
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let p = h & mask;
    for (; ; p = (p + 1) & mask) {
      const v = slots[2 * p + 1] as number;
      if (v === EMPTY) break;
      if (slots[2 * p] === h && this.copied(v - 1, from, length)) return -1;
    }
    this.append(i, from + length, h);
    this.placed = this.count;
    slots[2 * p] = h;
    slots[2 * p + 1] = i + 1;
    if (this.count * 4 > (slots.length >> 1) * 3) this.rehash();
    return i;
  }

  /** A code-unit column of at least n units holding the ids so far; 16-bit from now on if `wide`. */
  private grow(n: number, wide: boolean): void {
    const size = n > this.chars.length ? Math.max(n, this.chars.length * 2) : this.chars.length;
    const b = wide ? new Uint16Array(size) : new Uint8Array(size);
    b.set(this.chars.subarray(0, this.charEnd));
    this.chars = b;
    this.wide = wide;
  }

  private append(i: number, end: number, h: number): void {
    this.charEnd = end;
    this.start[i + 1] = end;
    this.hashes[i] = h;
    this.count = i + 1;
  }

  /** settle(), throwing on a duplicate (named). */
  settleOrThrow(): void {
    const d = this.settle();
    if (d >= 0) throw new Error(`duplicate node id ${this.idAt(d)}`);
  }

  /** From now on add() appends without probing (no duplicate check) until settle(). */
  defer(): void {
    this.deferring = true;
  }

  /**
   * Place every deferred id; returns the index of the first duplicate found (which is then not
   * placed: the index is no longer consistent and must be thrown away), or -1.
   */
  settle(): number {
    this.deferring = false;
    if (this.placed === this.count) return -1;
    let capacity = this.slots.length >> 1;
    while (this.count * 4 > capacity * 3) capacity *= 2;
    if (capacity > this.slots.length >> 1) {
      this.slots = new Int32Array(capacity * 2);
      this.placed = 0;
    }
    const duplicate = this.placeSorted(this.placed, this.count);
    this.placed = this.count;
    return duplicate;
  }

  /**
   * Place ids from..to-1 in the order of their home slot: a counting sort on the home slot's top
   * bits (about 1,024 slots, 8 KiB of table, per bucket). Returns the first duplicate or -1.
   */
  private placeSorted(from: number, to: number): number {
    const slots = this.slots;
    const bits = Math.log2(slots.length >> 1);
    const shift = Math.max(0, bits - 12); // ≤ 4,096 buckets
    const mask = (slots.length >> 1) - 1;
    const hashes = this.hashes;
    const counts = new Int32Array((1 << (bits - shift)) + 1);
    for (let i = from; i < to; i++) {
      const b = (((hashes[i] as number) & mask) >>> shift) + 1;
      counts[b] = (counts[b] as number) + 1;
    }
    for (let b = 1; b < counts.length; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    const order = new Int32Array(to - from);
    for (let i = from; i < to; i++) {
      const b = ((hashes[i] as number) & mask) >>> shift;
      const at = counts[b] as number;
      order[at] = i;
      counts[b] = at + 1;
    }
    let duplicate = -1;
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      const h = hashes[i] as number;
      let p = h & mask;
      for (; ; p = (p + 1) & mask) {
        const v = slots[2 * p + 1] as number;
        if (v === EMPTY) break;
        if (slots[2 * p] === h && this.copied(v - 1, this.start[i] as number, this.lengthOf(i))) break;
      }
      if ((slots[2 * p + 1] as number) !== EMPTY) {
        if (duplicate < 0 || i < duplicate) duplicate = i;
        continue;
      }
      slots[2 * p] = h;
      slots[2 * p + 1] = i + 1;
    }
    return duplicate;
  }

  private lengthOf(i: number): number {
    return (this.start[i + 1] as number) - (this.start[i] as number);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.placeSorted(0, this.placed); // placed ids are distinct: no duplicate to find
  }

  /** Slots of the table that holds n ids at a load of at most 3/4. */
  private static capacityFor(n: number, from = 1024): number {
    let capacity = from;
    while (n * 4 > capacity * 3) capacity *= 2;
    return capacity;
  }

  /** Bytes reserve(n, chars) takes from an arena at most. */
  static reserveBytes(n: number, chars: number): number {
    return (
      columnBytes(n + 2, 4) +
      columnBytes(n + 1, 4) +
      columnBytes(chars, 1) +
      columnBytes(2 * IdIndex.capacityFor(n), 4)
    );
  }

  /** Make room for n ids (of about `chars` code units in all) without growing or rehashing. */
  reserve(n: number, chars = 0, arena?: Arena): void {
    if (n + 2 > this.start.length) {
      this.start = grownColumn(this.start, arena ? n + 2 : Math.max(n + 2, this.start.length * 2), arena);
      this.hashes = grownColumn(this.hashes, arena ? n + 1 : Math.max(n + 1, this.hashes.length * 2), arena);
    }
    if (chars > this.chars.length)
      this.chars =
        this.chars instanceof Uint16Array
          ? grownColumn(this.chars, chars, arena)
          : grownColumn(this.chars, chars, arena);
    const capacity = IdIndex.capacityFor(n, this.slots.length >> 1);
    if (capacity > this.slots.length >> 1) {
      this.slots = arena ? arena.take(Int32Array, capacity * 2) : new Int32Array(capacity * 2);
      this.placeSorted(0, this.placed);
    }
  }

  /** The id of node i (rebuilt from its code units). */
  idAt(i: number): string {
    const from = this.start[i] as number;
    const to = this.start[i + 1] as number;
    let s = '';
    for (let k = from; k < to; k += 4096) {
      s += String.fromCharCode(...this.chars.subarray(k, Math.min(to, k + 4096)));
    }
    return s;
  }
}

function grownInt32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}
