/**
 * Scope 3 calculation methods as data: which factor family each multiplies by, which line
 * attribute keys that factor, and what the amount may measure when no factor is at hand to say.
 * E = amount × factor for every method but "given" (the amount is already tCO2e); spend-based
 * adds the price-year adjustment (scope3-line.ts). A method's factor comes from the line
 * (supplier-specific: attribute `factor`) or from a factor set: factor records of the method's
 * kind whose `method` is the set's id (factors.csv; chosen per category in assay.yaml
 * `methods.scope3.factorSets`, or per line by attribute `factor-set`).
 */
import type { Scope3Method } from './categories.js';

export type Scope3MethodSpec = {
  /** Factor record kind; undefined for "given". */
  readonly factorKind?: string;
  /** The line attribute whose value keys the factor (`keys[key]` of the record). */
  readonly key?: string;
  /** Dimension keys (units/dimension.ts) the amount may have before the factor is known. */
  readonly measures: readonly string[];
  readonly what: string;
  readonly examples: string;
};

export const SCOPE3_METHOD_SPECS: { readonly [M in Scope3Method]: Scope3MethodSpec } = {
  given: { measures: ['co2e'], what: 'emissions in CO2e', examples: 'tCO2e' },
  'supplier-specific': {
    factorKind: 'scope3-supplier',
    key: 'item',
    measures: ['mass', 'count', 'energy', 'volume', 'area', 'currency', 'hkd', 'usd', 'freight'],
    what: 'the quantity the supplier’s footprint is per',
    examples: 't, kWh or pieces',
  },
  'average-data': {
    factorKind: 'scope3-average',
    key: 'item',
    measures: ['mass', 'count', 'energy', 'volume', 'area', 'passenger-travel', 'time'],
    what: 'a mass or an activity (the cradle-to-gate factor’s denominator)',
    examples: 't, kWh or m²',
  },
  'spend-based': {
    factorKind: 'scope3-spend',
    key: 'sector',
    measures: ['currency', 'hkd', 'usd'],
    what: 'money spent',
    examples: 'CNY, HKD or USD',
  },
  'distance-based': {
    factorKind: 'scope3-transport',
    key: 'mode',
    measures: ['freight', 'passenger-travel'],
    what: 'freight moved or passenger distance',
    examples: 't·km or passenger·km',
  },
  'waste-type': {
    factorKind: 'scope3-waste',
    key: 'route',
    measures: ['mass'],
    what: 'a mass of waste',
    examples: 't or kg',
  },
};

/** Line attributes the Scope 3 methods read. */
export const SCOPE3_ATTRIBUTES = {
  method: 'method',
  factor: 'factor',
  factorSet: 'factor-set',
  priceYear: 'price-year',
  deflator: 'deflator',
  quality: 'dq',
  /** `screening=yes`: a first-year screening estimate, computed and shown, never added to Scope 3 (screening.ts). */
  screening: 'screening',
  /** A supplier's id or credit code in the supplier register (registers.yaml suppliers), checked where the register exists. */
  supplier: 'supplier',
  /**
   * The assumptions a downstream estimate rests on (categories 10–12: how customers process, use
   * and dispose of the products sold), in words; required there for a computed method.
   */
  assumption: 'assumption',
} as const;
