/**
 * ChunkedList against a plain array (model-based, fast-check): random replacements and appends
 * across chunk boundaries; every version must read like its model array, before and after later
 * changes of versions derived from it, by `get` and by `toArray`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedList } from './chunked-list.js';

type Change = { updates: [number, number][]; appended: number[]; from: number };

const change: fc.Arbitrary<Change> = fc.record({
  updates: fc.array(fc.tuple(fc.nat(), fc.integer()), { maxLength: 4 }),
  appended: fc.array(fc.integer(), { maxLength: 1500 }),
  from: fc.nat(),
});

describe('ChunkedList', () => {
  it('reads like an array in every version, whatever is derived from it later', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 3000 }),
        fc.array(change, { maxLength: 12 }),
        (start, changes) => {
          const versions: { list: ChunkedList<number>; model: number[] }[] = [
            { list: ChunkedList.of(start), model: start.slice() },
          ];
          for (const c of changes) {
            // Derive from any earlier version, not only the latest (a snapshot may be old).
            const base = versions[c.from % versions.length] as (typeof versions)[number];
            const model = base.model.slice();
            const updates: [number, number][] =
              model.length === 0 ? [] : c.updates.map(([i, v]) => [i % model.length, v]);
            for (const [i, v] of updates) model[i] = v;
            model.push(...c.appended);
            versions.push({ list: base.list.with(updates, c.appended), model });
          }
          for (const { list, model } of versions) {
            expect(list.length).toBe(model.length);
            for (let i = 0; i < model.length; i += 97) expect(list.get(i)).toBe(model[i]);
            expect(list.get(model.length - 1)).toBe(model[model.length - 1]);
            expect(list.get(model.length)).toBeUndefined();
            expect(list.get(-1)).toBeUndefined();
            expect([...list.toArray()]).toEqual(model);
            expect(list.toArray()).toBe(list.toArray()); // built once, then cached
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands back the array it was made from, builds a changed one only when asked, and refuses a position outside', () => {
    const start = Array.from({ length: 5000 }, (_, i) => i);
    const list = ChunkedList.of(start);
    expect(list.toArray()).toBe(start);
    const next = list.with([[4096, -1]]);
    expect(next.materialised).toBe(false);
    expect(next.get(4096)).toBe(-1);
    expect(list.get(4096)).toBe(4096);
    expect(next.materialised).toBe(false);
    expect(next.toArray()[4096]).toBe(-1);
    expect(next.materialised).toBe(true);
    expect(start[4096]).toBe(4096);
    expect(() => list.with([[5000, 1]])).toThrow(RangeError);
  });
});
