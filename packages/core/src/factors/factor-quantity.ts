/** A factor as a Quantity: its exact decimal value with its parsed unit. */
import { Decimal } from '../decimal.js';
import { type Quantity, quantity } from '../units/quantity.js';
import { parseUnit } from '../units/unit.js';
import type { FactorRecord } from './factor.js';

/**
 * Library units are tested to parse and bundle factors are validated on load (factors.csv), so an
 * unparseable unit here is a bug: it throws, naming the factor.
 */
export function factorToQuantity(f: FactorRecord): Quantity {
  const unit = parseUnit(f.unit);
  if (!unit.ok) throw new Error(`factor ${f.id}: ${unit.reason}`);
  return quantity(new Decimal(f.value), unit.unit);
}
