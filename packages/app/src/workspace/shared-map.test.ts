import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketLayout, SharedMap } from './shared-map.js';

/** A deterministic pseudo-random sequence (no Math.random: failures must repeat). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

describe('SharedMap', () => {
  it('answers like a Map, and every earlier version keeps its own entries', () => {
    const next = lcg(15);
    const model = new Map<string, number>();
    for (let i = 0; i < 5000; i++) model.set(`dp-${i}`, 1);
    let shared = SharedMap.of(model);
    const history: { shared: SharedMap<number>; model: Map<string, number> }[] = [];
    for (let step = 0; step < 300; step++) {
      history.push({ shared, model: new Map(model) });
      const set: [string, number][] = [];
      const remove: string[] = [];
      for (let k = next() % 4; k >= 0; k--) {
        const id = `dp-${next() % 6000}`; // some ids not there yet
        if (next() % 5 === 0) remove.push(id);
        else set.push([id, next() % 100]);
      }
      shared = shared.with(set, remove);
      for (const id of remove) model.delete(id);
      for (const [id, v] of set) model.set(id, v);
    }
    history.push({ shared, model });
    for (const h of history) {
      expect(h.shared.size).toBe(h.model.size);
      expect(new Map(h.shared.entries())).toEqual(h.model);
      for (let i = 0; i < 6000; i += 7) {
        expect(h.shared.get(`dp-${i}`)).toBe(h.model.get(`dp-${i}`));
        expect(h.shared.has(`dp-${i}`)).toBe(h.model.has(`dp-${i}`));
      }
    }
  });

  it('counts a key set twice in one change once, and removing an absent key changes nothing', () => {
    const a = SharedMap.of([['x', 1]]);
    const b = a.with(
      [
        ['y', 1],
        ['y', 2],
      ],
      ['absent'],
    );
    expect([b.size, b.get('y'), a.has('y')]).toEqual([2, 2, false]);
  });

  it('builds by bucket layout the same map as of(), entries in the same order, later positions winning', () => {
    fc.assert(
      fc.property(
        // few distinct keys, so repeated keys are common; numbers as values, by position
        fc.array(fc.oneof(fc.constantFrom('a', 'b', 'dp-1', '中', ''), fc.string({ maxLength: 6 })), {
          maxLength: 300,
        }),
        (keys) => {
          const layout = new BucketLayout(keys.length, (i) => keys[i] as string);
          const byLayout = layout.map((i) => i);
          const expected = SharedMap.of(keys.map((k, i) => [k, i] as const));
          expect(byLayout.size).toBe(expected.size);
          expect([...byLayout.entries()]).toEqual([...expected.entries()]);
          for (const k of keys) expect(byLayout.get(k)).toBe(expected.get(k));
          // a second map over the same layout: its own values, the same keys
          const second = layout.map((i) => `v${i}`);
          expect([...second.entries()].map(([k]) => k)).toEqual([...expected.entries()].map(([k]) => k));
          // and a change made to it shares what it does not touch, as any SharedMap
          const changed = byLayout.with([['new', -1]], keys.slice(0, 1));
          expect(changed.get('new')).toBe(-1);
          if (keys.length > 0) expect(byLayout.has(keys[0] as string)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
