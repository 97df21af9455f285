/**
 * Node values in columns (struct of arrays) instead of one Quantity + Decimal object per node:
 * node i holds either a scaled integer (m[i] × 10^-s[i], scaled.ts) in unit units[u[i]], or,
 * when s[i] = WIDE, a wide decimal (scaled-wide.ts) wide.get(i) × 10^-m[i] in unit units[u[i]],
 * or, when s[i] = SLOW, a QuantityResult object in slow[i] (an error, or a Decimal out of both
 * ranges). Invariant: a value is stored scaled whenever it fits, else wide whenever it fits, so two
 * equal values in the same unit have equal columns (normalised forms). `get` builds the Quantity on demand; it is equal to the one
 * stored (same decimal, same unit object), not the same object.
 */

import type { Quantity, QuantityResult } from '../units/quantity.js';
import type { Unit } from '../units/unit.js';
import { type Arena, columnBytes, grownColumn } from './arena.js';
import { SCALED, scaledFromDecimal, scaledToDecimal } from './scaled.js';
import { WIDE as WIDE_RESULT, wideFitsScaled, wideFromDecimal, wideToDecimal } from './scaled-wide.js';

/** s[i] markers: negative scales are not scaled values (isScaled: s[i] ≥ 0). */
export const SLOW = -1;
export const WIDE = -2;

export class ValueColumns {
  m: Float64Array<ArrayBuffer> = new Float64Array(1024);
  s: Int8Array<ArrayBuffer> = new Int8Array(1024).fill(SLOW);
  u: Uint16Array<ArrayBuffer> = new Uint16Array(1024);
  slow: (QuantityResult | undefined)[] = new Array<QuantityResult | undefined>(1024).fill(undefined);
  /** The BigInt M of wide values (s[i] = WIDE; their scale is in m[i]). */
  readonly wide = new Map<number, bigint>();
  readonly units: Unit[] = [];
  private readonly unitIndex = new Map<Unit, number>();

  /** Bytes ensure(n) takes from an arena at most. */
  static ensureBytes(n: number): number {
    return columnBytes(n, 8) + columnBytes(n, 1) + columnBytes(n, 2);
  }

  /** Make room for nodes 0..n-1 (new slots are empty: slow and undefined). */
  ensure(n: number, arena?: Arena): void {
    if (n <= this.m.length) return;
    const size = arena ? n : Math.max(n, this.m.length * 2);
    const old = this.m.length;
    this.m = grownColumn(this.m, size, arena);
    this.s = grownColumn(this.s, size, arena);
    this.s.fill(SLOW, old);
    this.u = grownColumn(this.u, size, arena);
  }

  unitId(unit: Unit): number {
    let k = this.unitIndex.get(unit);
    if (k === undefined) {
      k = this.units.length;
      if (k > 0xffff) throw new Error('more than 65,536 distinct units in one graph');
      this.units.push(unit);
      this.unitIndex.set(unit, k);
    }
    return k;
  }

  setScaled(i: number, m: number, s: number, unitId: number): void {
    const was = this.s[i] as number;
    this.m[i] = m;
    this.s[i] = s;
    this.u[i] = unitId;
    if (was === WIDE) this.wide.delete(i);
    else if (was === SLOW && this.slow[i] !== undefined) this.slow[i] = undefined;
  }

  /** Store the normalised wide value m × 10^-s: scaled when it fits (the invariant), else wide. */
  setWide(i: number, m: bigint, s: number, unitId: number): void {
    if (wideFitsScaled(m, s)) {
      this.setScaled(i, SCALED.m, SCALED.s, unitId);
      return;
    }
    if (this.s[i] === SLOW && this.slow[i] !== undefined) this.slow[i] = undefined;
    this.m[i] = s;
    this.s[i] = WIDE;
    this.u[i] = unitId;
    this.wide.set(i, m);
  }

  set(i: number, v: QuantityResult): void {
    if (v.kind === 'quantity') {
      if (scaledFromDecimal(v.value)) {
        this.setScaled(i, SCALED.m, SCALED.s, this.unitId(v.unit));
        return;
      }
      if (wideFromDecimal(v.value)) {
        this.setWide(i, WIDE_RESULT.m, WIDE_RESULT.s, this.unitId(v.unit));
        return;
      }
    }
    this.setObject(i, v);
  }

  /** Store a result computed elsewhere as an object, without trying the scaled form. */
  setObject(i: number, v: QuantityResult): void {
    if (this.s[i] === WIDE) this.wide.delete(i);
    this.s[i] = SLOW;
    this.slow[i] = v;
  }

  isScaled(i: number): boolean {
    return (this.s[i] as number) >= 0;
  }

  get(i: number): QuantityResult | undefined {
    const s = this.s[i] as number;
    if (s >= 0) return this.scaledQuantity(this.m[i] as number, s, this.u[i] as number);
    if (s === WIDE)
      return this.wideQuantity(this.wide.get(i) as bigint, this.m[i] as number, this.u[i] as number);
    return this.slow[i];
  }

  wideQuantity(m: bigint, s: number, unitId: number): Quantity {
    return { kind: 'quantity', value: wideToDecimal(m, s), unit: this.units[unitId] as Unit };
  }

  scaledQuantity(m: number, s: number, unitId: number): Quantity {
    return { kind: 'quantity', value: scaledToDecimal(m, s), unit: this.units[unitId] as Unit };
  }

  /** Both scaled with the same unit object and equal numbers (normalised, so (m, s) equal). */
  sameScaled(i: number, m: number, s: number, unitId: number): boolean {
    return this.s[i] === s && this.m[i] === m && this.u[i] === unitId;
  }
}
