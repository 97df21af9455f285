/** The factor of a Scope 3 line: on the line (attribute `factor`) or looked up in its factor set. */
import { parseDecimal } from '../../decimal.js';
import type { FactorQuery } from '../../factors/select-factor.js';
import type { ActivityLine } from '../../model/fact.js';
import type { Methods } from '../../model/methods.js';
import { dimensionKey } from '../../units/dimension.js';
import { type Quantity, quantity } from '../../units/quantity.js';
import { parseUnit } from '../../units/unit.js';
import type { Scope3Method } from './categories.js';
import { SCOPE3_ATTRIBUTES, SCOPE3_METHOD_SPECS } from './scope3-methods.js';

type Attributes = Readonly<Record<string, string>>;

/** The factor set of a line: its attribute `factor-set`, else the category's in assay.yaml, else any. */
export function factorSetOf(
  category: string,
  attributes: Attributes,
  sets: Methods['scope3'] | undefined,
): string | undefined {
  return attributes[SCOPE3_ATTRIBUTES.factorSet] ?? sets?.factorSets[category];
}

/** The factor-set query of a line, or undefined for "given" or a line without its key attribute. */
export function scope3FactorQuery(
  method: Scope3Method,
  category: string,
  attributes: Attributes,
  sets: Methods['scope3'] | undefined,
): FactorQuery | undefined {
  const spec = SCOPE3_METHOD_SPECS[method];
  if (spec.factorKind === undefined || spec.key === undefined) return undefined;
  const keyValue = attributes[spec.key];
  if (keyValue === undefined) return undefined;
  const set = factorSetOf(category, attributes, sets);
  return {
    kind: spec.factorKind,
    ...(set === undefined ? {} : { method: set }),
    keys: { [spec.key]: keyValue },
    label: `${method} factor for ${spec.key}=${keyValue}${set === undefined ? '' : ` in ${set}`}`,
  };
}

/** "2.1 tCO2e/t" → a CO2e per something, above zero; else why not. */
export function parseLineFactor(text: string): { ok: true; value: Quantity } | { ok: false; reason: string } {
  const m = /^(\S+)\s+(.+)$/.exec(text.trim());
  if (!m) return { ok: false, reason: `factor "${text}" is not "<value> <unit>", e.g. factor=2.1 tCO2e/t` };
  const value = parseDecimal(m[1] as string);
  if (!value.ok) return { ok: false, reason: `factor "${text}": ${value.reason}` };
  if (value.value.lessThan(0)) return { ok: false, reason: `factor "${text}" is below zero` };
  const unit = parseUnit((m[2] as string).trim());
  if (!unit.ok) return { ok: false, reason: `factor "${text}": ${unit.reason}` };
  if ((unit.unit.dims.co2e ?? 0) !== 1)
    return { ok: false, reason: `factor "${text}" is not emissions per unit (e.g. tCO2e/t or kgCO2e/kWh)` };
  return { ok: true, value: quantity(value.value, unit.unit) };
}

/** The dimension key a CO2e-per-X factor unit is per ("mass" for tCO2e/t). */
export function perDimension(factorUnit: Quantity['unit']): string {
  const { co2e: _co2e, ...rest } = factorUnit.dims;
  const inverted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, -(v as number)]));
  return dimensionKey(inverted);
}

export function methodOf(line: Pick<ActivityLine, 'attributes'>): string {
  return line.attributes[SCOPE3_ATTRIBUTES.method] ?? 'given';
}

/** A screening estimate (attribute `screening=yes`): computed, never added to ghg.scope3 (screening.ts). */
export function isScreeningLine(line: Pick<ActivityLine, 'attributes'>): boolean {
  return line.attributes[SCOPE3_ATTRIBUTES.screening] === 'yes';
}

/** The node holding a Scope 3 line's tCO2e: the amount itself for "given", else its product. */
export function scope3LineNode(line: Pick<ActivityLine, 'id' | 'attributes'>): string {
  return methodOf(line) === 'given' ? `act:${line.id}` : `act:${line.id}:co2e`;
}
