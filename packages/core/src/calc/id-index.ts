/**
 * Node id → node index, without a Map or a string per node: the ids' UTF-16 code units are
 * appended to one growable Uint16Array (node i's id is chars[start[i]..start[i+1])), and an
 * open-addressing table (linear probing, load ≤ 3/4) holds per slot the pair (hash, node index
 * + 1), 0 = empty, side by side so that a probe reads one cache line.
 * A JS Map of 2.6 million fresh strings costs seconds in insertion and garbage collection (every
 * entry is an old-to-young pointer until the next collection); typed arrays are not scanned by
 * the collector at all. Invariant: ids are unique; `add` refuses a duplicate.
 */

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
  private chars = new Uint16Array(1 << 16);
  private charEnd = 0;
  private start: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** slots[2p] = hash, slots[2p + 1] = node index + 1 (0: empty); 1024 slots to start. */
  private slots = new Int32Array(2048);
  private count = 0;

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

  /** Index of id, or -1. */
  get(id: string): number {
    return this.find(id, hashOf(id));
  }

  /**
   * Append id (the concatenation of `id` and `rest`, so that a caller with a prefix and a name
   * need not build the string) as the next index and return it; -1 (nothing added) when that id
   * is already there.
   */
  add(id: string, rest = ''): number {
    const i = this.count;
    if (i + 2 > this.start.length) {
      this.start = grownInt32(this.start, i + 2);
      this.hashes = grownInt32(this.hashes, i + 1);
    }
    const from = this.charEnd;
    const length = id.length + rest.length;
    if (from + length > this.chars.length) {
      const b = new Uint16Array(Math.max(from + length, this.chars.length * 2));
      b.set(this.chars);
      this.chars = b;
    }
    // one pass: copy the code units and hash them (the same hash as hashOf of the whole id)
    const c = this.chars;
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < id.length; k++) {
      const u = id.charCodeAt(k);
      c[from + k] = u;
      h = Math.imul(h ^ u, 0x01000193);
    }
    const mid = from + id.length;
    for (let k = 0; k < rest.length; k++) {
      const u = rest.charCodeAt(k);
      c[mid + k] = u;
      h = Math.imul(h ^ u, 0x01000193);
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h |= 0;
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
    this.charEnd = from + length;
    this.start[i + 1] = this.charEnd;
    this.hashes[i] = h;
    this.count = i + 1;
    slots[2 * p] = h;
    slots[2 * p + 1] = i + 1;
    if (this.count * 4 > (slots.length >> 1) * 3) this.rehash();
    return i;
  }

  private place(h: number, i: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let p = h & mask;
    while (slots[2 * p + 1] !== EMPTY) p = (p + 1) & mask;
    slots[2 * p] = h;
    slots[2 * p + 1] = i + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.count; i++) this.place(this.hashes[i] as number, i);
  }

  /** Make room for n ids (of about `chars` code units in all) without growing or rehashing. */
  reserve(n: number, chars = 0): void {
    if (n + 2 > this.start.length) {
      this.start = grownInt32(this.start, n + 2);
      this.hashes = grownInt32(this.hashes, n + 1);
    }
    if (chars > this.chars.length) {
      const b = new Uint16Array(chars);
      b.set(this.chars);
      this.chars = b;
    }
    let capacity = this.slots.length >> 1;
    while (n * 4 > capacity * 3) capacity *= 2;
    if (capacity > this.slots.length >> 1) {
      this.slots = new Int32Array(capacity * 2);
      for (let i = 0; i < this.count; i++) this.place(this.hashes[i] as number, i);
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
