/**
 * The arena: columns carved from one SharedArrayBuffer, or from an ArrayBuffer where there is no
 * SharedArrayBuffer (a browser page without cross-origin isolation); a column that does not fit
 * is allocated on its own. Either way the columns hold what is written to them, apart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Arena, grownColumn } from './arena.js';

const saved = globalThis.SharedArrayBuffer;
afterEach(() => {
  globalThis.SharedArrayBuffer = saved;
});

function fillAndRead(arena: Arena): number[] {
  const a = arena.take(Int32Array, 3);
  const b = arena.take(Float64Array, 2);
  const c = arena.take(Uint8Array, 5); // 8-byte aligned: the next view starts on a boundary
  const d = arena.take(Int32Array, 100); // does not fit: its own array
  a.set([1, 2, 3]);
  b.set([0.5, -7]);
  c.set([9, 9, 9, 9, 9]);
  d[99] = 42;
  const grown = grownColumn(a, 6, arena); // from what is left, else on its own
  return [...a, ...b, ...c, d[99] as number, ...grown];
}

describe('Arena', () => {
  it('keeps columns apart on a SharedArrayBuffer', () => {
    expect(fillAndRead(new Arena(64))).toEqual([1, 2, 3, 0.5, -7, 9, 9, 9, 9, 9, 42, 1, 2, 3, 0, 0, 0]);
  });

  it('falls back to an ArrayBuffer where there is no SharedArrayBuffer', () => {
    (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer = undefined;
    expect(fillAndRead(new Arena(64))).toEqual([1, 2, 3, 0.5, -7, 9, 9, 9, 9, 9, 42, 1, 2, 3, 0, 0, 0]);
  });
});
