/** writtenOrder against a comparison sort by (change set, position), on random and edge inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writtenOrder } from './written-order.js';

/** Rows as (change set, position) pairs, unique, in a shuffled order. */
const rowsArb = fc
  .uniqueArray(
    fc.tuple(
      fc.integer({ min: 1, max: 6 }),
      // mostly dense positions, sometimes far apart (the comparison-sort path)
      fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })),
    ),
    { selector: ([cs, seq]) => `${cs}:${seq}`, maxLength: 200 },
  )
  .chain((rows) => fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }));

function expectedOrder(rows: readonly (readonly [number, number])[]): number[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1])
    .map((x) => x.i);
}

const columns = (rows: readonly (readonly [number, number])[]) => ({
  cs: Float64Array.from(rows, (r) => r[0]),
  seq: Float64Array.from(rows, (r) => r[1]),
});

describe('writtenOrder', () => {
  it('orders rows by change set, then position, as a comparison sort does', () => {
    let reordered = 0;
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const { cs, seq } = columns(rows);
        const order = writtenOrder(cs, seq);
        const expected = expectedOrder(rows);
        if (order === undefined) expect(expected).toEqual(rows.map((_, i) => i));
        else {
          reordered++;
          expect([...order]).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
    expect(reordered).toBeGreaterThan(250);
  });

  it('says rows already in written order need no reordering', () => {
    const { cs, seq } = columns([
      [1, 0],
      [1, 1],
      [1, 5],
      [2, 0],
      [3, 2],
    ]);
    expect(writtenOrder(cs, seq)).toBeUndefined();
    expect(writtenOrder(new Float64Array(), new Float64Array())).toBeUndefined();
  });

  it('refuses a position that repeats within a change set (the store never writes one)', () => {
    const { cs, seq } = columns([
      [1, 3],
      [1, 3],
      [1, 0],
    ]);
    expect(() => writtenOrder(cs, seq)).toThrow(/repeats/);
  });
});
