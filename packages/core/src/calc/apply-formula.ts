/**
 * Evaluate one formula given its input values. Pure: errors are values; an error in any input
 * becomes an "upstream" error whose cause is the original, so its origin is never lost.
 */
import { Decimal } from '../decimal.js';
import { type CalcError, calcError } from '../errors.js';
import {
  convert,
  divide,
  multiply,
  type Quantity,
  type QuantityResult,
  subtract,
} from '../units/quantity.js';
import { parseUnit, type Unit } from '../units/unit.js';
import type { Formula } from './formula.js';

const UNIT_CACHE = new Map<string, Unit | CalcError>();

export function cachedUnit(label: string, origin: string): Unit | CalcError {
  let u = UNIT_CACHE.get(label);
  if (u === undefined) {
    const p = parseUnit(label);
    u = p.ok ? p.unit : calcError('invalid-formula', p.reason, origin);
    UNIT_CACHE.set(label, u);
  }
  return u;
}

function into(q: QuantityResult, unitLabel: string | undefined, origin: string): QuantityResult {
  if (q.kind === 'error' || unitLabel === undefined) return q;
  const u = cachedUnit(unitLabel, origin);
  if ('kind' in u) return u;
  const r = convert(q, u, origin);
  return r.kind === 'error'
    ? calcError('unit-mismatch', `${origin}: result is ${q.unit.symbol}, declared ${unitLabel}`, origin)
    : r;
}

export function applyFormula(f: Formula, inputs: readonly QuantityResult[], origin: string): QuantityResult {
  for (let k = 0; k < inputs.length; k++) {
    const v = inputs[k] as QuantityResult;
    if (v.kind === 'error') {
      return calcError('upstream', `input ${v.origin} failed: ${v.message}`, origin, v.cause ?? v);
    }
  }
  const qs = inputs as readonly Quantity[];
  switch (f.op) {
    case 'sum':
    case 'weighted-sum': {
      const unit = cachedUnit(f.unit, origin);
      if ('kind' in unit) return unit;
      // Sum in base units then express in the declared unit: exact, order-independent.
      let acc = new Decimal(0);
      for (let i = 0; i < qs.length; i++) {
        const q = qs[i] as Quantity;
        // Fast path: the same unit object needs no conversion (exactness is unaffected).
        const c = q.unit === unit ? q : convert(q, unit, origin);
        if (c.kind === 'error')
          return calcError('unit-mismatch', `${origin}: cannot add ${q.unit.symbol} into ${f.unit}`, origin);
        const w = f.op === 'weighted-sum' ? (f.weights[i] ?? '1') : '1';
        acc = acc.plus(w === '1' ? c.value : c.value.times(w));
      }
      return { kind: 'quantity', value: acc, unit };
    }
    case 'product': {
      const [first, ...rest] = qs;
      if (!first) return calcError('invalid-formula', `${origin}: product of nothing`, origin);
      return into(
        rest.reduce<Quantity>((a, b) => multiply(a, b), first),
        f.unit,
        origin,
      );
    }
    case 'ratio':
      return into(divide(qs[0] as Quantity, qs[1] as Quantity, origin), f.unit, origin);
    case 'difference': {
      const d = into(subtract(qs[0] as Quantity, qs[1] as Quantity, origin), f.unit, origin);
      if (f.nonNegative && d.kind === 'quantity' && d.value.isNegative()) {
        return calcError(
          'negative-remainder',
          `${origin}: ${(qs[1] as Quantity).value} ${(qs[1] as Quantity).unit.symbol} deducted exceeds ${(qs[0] as Quantity).value} ${(qs[0] as Quantity).unit.symbol}`,
          origin,
        );
      }
      return d;
    }
    case 'convert':
      return into(qs[0] as Quantity, f.unit, origin);
  }
}

export function sameResult(a: QuantityResult | undefined, b: QuantityResult): boolean {
  if (a === undefined) return false;
  if (a.kind === 'error' || b.kind === 'error') {
    return a.kind === 'error' && b.kind === 'error' && a.code === b.code && a.message === b.message;
  }
  return a.value.equals(b.value) && a.unit.symbol === b.unit.symbol && a.unit.scale.equals(b.unit.scale);
}
