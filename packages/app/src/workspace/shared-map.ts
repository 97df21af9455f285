/**
 * An immutable string-keyed map whose changed copies share almost everything with the original,
 * so the workspaces can hand every snapshot its own map (a snapshot handed out must keep
 * answering for its own version) without copying all data points' entries on each write.
 *
 * The keys are spread over a fixed number of buckets (plain Maps) by a hash of the key. `with`
 * copies the bucket array (BUCKETS pointers) and only the buckets a change touches; every other
 * bucket is shared with the original. Cost of a change of k keys: O(BUCKETS + k × n / BUCKETS)
 * (at 2.4 million entries, buckets of about 1,200 entries: tens of microseconds). Nothing is
 * ever changed in place once a SharedMap is constructed.
 */

/** 2^11 buckets: small enough to copy per write, large enough for millions of entries. */
const BUCKETS = 2048;

/** FNV-1a over the UTF-16 code units, folded to a bucket number. */
function bucketOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (BUCKETS - 1);
}

const EMPTY: ReadonlyMap<string, unknown> = new Map<string, unknown>();

export class SharedMap<V> {
  private constructor(
    private readonly buckets: readonly ReadonlyMap<string, V>[],
    readonly size: number,
  ) {}

  /** @internal Builder's way in: `buckets` (BUCKETS of them) are never changed afterwards. */
  static ofBuckets<V>(buckets: readonly ReadonlyMap<string, V>[], size: number): SharedMap<V> {
    return new SharedMap(buckets, size);
  }

  static of<V>(entries: Iterable<readonly [string, V]>): SharedMap<V> {
    const build = new Builder<V>();
    for (const [k, v] of entries) build.set(k, v);
    return build.done();
  }

  get(key: string): V | undefined {
    return (this.buckets[bucketOf(key)] as ReadonlyMap<string, V>).get(key);
  }

  has(key: string): boolean {
    return (this.buckets[bucketOf(key)] as ReadonlyMap<string, V>).has(key);
  }

  /** A new map: this one with `set` entries put (later ones win) and `remove` keys taken out. */
  with(set: Iterable<readonly [string, V]>, remove: Iterable<string> = []): SharedMap<V> {
    const buckets = this.buckets.slice();
    const copied = new Set<number>();
    const own = (b: number): Map<string, V> => {
      if (!copied.has(b)) {
        buckets[b] = new Map(buckets[b]);
        copied.add(b);
      }
      return buckets[b] as Map<string, V>;
    };
    let size = this.size;
    for (const k of remove) {
      const b = bucketOf(k);
      if ((buckets[b] as ReadonlyMap<string, V>).has(k)) {
        own(b).delete(k);
        size--;
      }
    }
    for (const [k, v] of set) {
      const m = own(bucketOf(k));
      if (!m.has(k)) size++;
      m.set(k, v);
    }
    return new SharedMap(buckets, size);
  }

  *entries(): IterableIterator<[string, V]> {
    for (const m of this.buckets) yield* m;
  }
}

/**
 * Keys by position (0 … count − 1) sorted into their buckets once, so that maps over those keys
 * are filled one bucket after another: a workspace opening over 2.4 million data points builds
 * several maps keyed by their ids. Filling 2,048 Maps at random positions took 3.5–3.9 s per
 * map of 2.4 million keys here, bucket after bucket 1.6–2.3 s (each Map grows while its table
 * is in cache, not 2,048 tables at once). Same entries and order as `of`: within a bucket,
 * positions in order, so a later position of a key wins.
 */
export class BucketLayout {
  /** Positions grouped by bucket: bucket b holds order[start[b] … start[b + 1]). */
  private readonly start = new Uint32Array(BUCKETS + 1);
  private readonly order: Uint32Array;
  private readonly keys: readonly string[];

  constructor(count: number, key: (i: number) => string) {
    const keys = new Array<string>(count);
    const bucket = new Uint16Array(count);
    const start = this.start;
    for (let i = 0; i < count; i++) {
      const k = key(i);
      const b = bucketOf(k);
      keys[i] = k;
      bucket[i] = b;
      start[b + 1] = (start[b + 1] as number) + 1;
    }
    for (let b = 0; b < BUCKETS; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
    const next = start.slice(0, BUCKETS);
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const b = bucket[i] as number;
      order[next[b] as number] = i;
      next[b] = (next[b] as number) + 1;
    }
    this.order = order;
    this.keys = keys;
  }

  /** The map of each position's key to `value(position)`. */
  map<V>(value: (i: number) => V): SharedMap<V> {
    const buckets = new Array<ReadonlyMap<string, V>>(BUCKETS);
    let size = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const from = this.start[b] as number;
      const to = this.start[b + 1] as number;
      if (from === to) {
        buckets[b] = EMPTY as ReadonlyMap<string, V>;
        continue;
      }
      const m = new Map<string, V>();
      for (let j = from; j < to; j++) {
        const i = this.order[j] as number;
        m.set(this.keys[i] as string, value(i));
      }
      buckets[b] = m;
      size += m.size;
    }
    return SharedMap.ofBuckets(buckets, size);
  }
}

/** Fills the buckets of a new SharedMap; later entries of a key win. */
class Builder<V> {
  private readonly buckets: Map<string, V>[] = [];
  private size = 0;

  set(k: string, v: V): void {
    const b = bucketOf(k);
    let m = this.buckets[b];
    if (m === undefined) {
      m = new Map();
      this.buckets[b] = m;
    }
    const before = m.size;
    m.set(k, v);
    this.size += m.size - before;
  }

  done(): SharedMap<V> {
    const all: ReadonlyMap<string, V>[] = new Array(BUCKETS);
    for (let b = 0; b < BUCKETS; b++) all[b] = this.buckets[b] ?? (EMPTY as ReadonlyMap<string, V>);
    return SharedMap.ofBuckets(all, this.size);
  }
}
