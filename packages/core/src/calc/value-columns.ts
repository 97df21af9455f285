/**
 * Node values in columns (struct of arrays) instead of one Quantity + Decimal object per node:
 * node i holds either a scaled integer (m[i] × 10^-s[i], scaled.ts) in unit units[u[i]], or,
 * when s[i] = SLOW, a QuantityResult object in slow[i] (a Decimal that does not fit, or an
 * error). Invariant: a value is stored scaled whenever it fits, so two equal scaled values have
 * equal (m, s) (normalised form). `get` builds the Quantity on demand; it is equal to the one
 * stored (same decimal, same unit object), not the same object.
 */

import type { Quantity, QuantityResult } from '../units/quantity.js';
import type { Unit } from '../units/unit.js';
import { SCALED, scaledFromDecimal, scaledToDecimal } from './scaled.js';

export const SLOW = -1;

export class ValueColumns {
  m: Float64Array<ArrayBuffer> = new Float64Array(1024);
  s: Int8Array<ArrayBuffer> = new Int8Array(1024).fill(SLOW);
  u: Uint16Array<ArrayBuffer> = new Uint16Array(1024);
  slow: (QuantityResult | undefined)[] = new Array<QuantityResult | undefined>(1024).fill(undefined);
  readonly units: Unit[] = [];
  private readonly unitIndex = new Map<Unit, number>();

  /** Make room for nodes 0..n-1 (new slots are empty: slow and undefined). */
  ensure(n: number): void {
    if (n <= this.m.length) return;
    const size = Math.max(n, this.m.length * 2);
    const m = new Float64Array(size);
    m.set(this.m);
    const s = new Int8Array(size).fill(SLOW);
    s.set(this.s);
    const u = new Uint16Array(size);
    u.set(this.u);
    this.m = m;
    this.s = s;
    this.u = u;
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
    this.m[i] = m;
    this.s[i] = s;
    this.u[i] = unitId;
    if (this.slow[i] !== undefined) this.slow[i] = undefined;
  }

  set(i: number, v: QuantityResult): void {
    if (v.kind === 'quantity' && scaledFromDecimal(v.value)) {
      this.setScaled(i, SCALED.m, SCALED.s, this.unitId(v.unit));
      return;
    }
    this.s[i] = SLOW;
    this.slow[i] = v;
  }

  /** Store a result computed elsewhere as an object, without trying the scaled form. */
  setObject(i: number, v: QuantityResult): void {
    this.s[i] = SLOW;
    this.slow[i] = v;
  }

  isScaled(i: number): boolean {
    return (this.s[i] as number) !== SLOW;
  }

  get(i: number): QuantityResult | undefined {
    const s = this.s[i] as number;
    return s === SLOW ? this.slow[i] : this.scaledQuantity(this.m[i] as number, s, this.u[i] as number);
  }

  scaledQuantity(m: number, s: number, unitId: number): Quantity {
    return { kind: 'quantity', value: scaledToDecimal(m, s), unit: this.units[unitId] as Unit };
  }

  /** Both scaled with the same unit object and equal numbers (normalised, so (m, s) equal). */
  sameScaled(i: number, m: number, s: number, unitId: number): boolean {
    return this.s[i] === s && this.m[i] === m && this.u[i] === unitId;
  }
}
