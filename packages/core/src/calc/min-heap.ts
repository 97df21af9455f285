/** A binary min-heap of integers ordered by a key function (topological rank). */
export class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: (i: number) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(x: number): void {
    const a = this.items;
    a.push(x);
    let c = a.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (this.key(a[p] as number) <= this.key(a[c] as number)) break;
      [a[p], a[c]] = [a[c] as number, a[p] as number];
      c = p;
    }
  }

  pop(): number | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < a.length && this.key(a[l] as number) < this.key(a[m] as number)) m = l;
        if (r < a.length && this.key(a[r] as number) < this.key(a[m] as number)) m = r;
        if (m === p) break;
        [a[p], a[m]] = [a[m] as number, a[p] as number];
        p = m;
      }
    }
    return top;
  }
}
