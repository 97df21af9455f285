/**
 * What an entered activity line must be for its method to use it (issue #17: entry through the
 * API and forms). Bundle validation (bundle/load-facts.ts) checks a line's form: a known activity
 * type, a use only on fuel, a unit that parses. This adds what the methods need, so that a
 * preparer hears it while entering rather than as a figure error later:
 *
 * - fuel: a subject the factor library has a calorific value (NCV) for under the group's GHG
 *   method, and an amount in the unit that value is per (GJ/t → a mass such as t; GJ/10⁴ m³ → a
 *   volume such as 10⁴ m³), since E = AD × NCV × …;
 * - carbonate, oxalic acid: a mineral the library has a process factor for, and a mass;
 * - electricity of every kind: energy (MWh, kWh, 萬千瓦時…); heat, steam, recovered heat:
 *   energy (GJ, or tce as stated); certificates: a count; Scope 3: CO2e (tCO2e).
 *
 * The expected dimension is declared here as data per activity type (or read off the factor the
 * method multiplies by); no unit is converted. Messages are plain English naming the field; the
 * caller adds where the line is.
 */

import type { FactorRecord } from '../factors/factor.js';
import { factorToQuantity } from '../factors/factor-quantity.js';
import { fuelParameterQuery, processEfQuery } from '../factors/factor-queries.js';
import { selectFactor } from '../factors/select-factor.js';
import { ACTIVITY_TYPES, type ActivityType } from '../model/fact.js';
import type { GhgMethod } from '../model/methods.js';
import { dimensionKey } from '../units/dimension.js';
import { divideUnits, parseUnit, type Unit } from '../units/unit.js';

export type ActivityEntryField = 'activity' | 'subject' | 'use' | 'unit';
export type ActivityEntryProblem = { readonly field: ActivityEntryField; readonly message: string };

/** How the amount of an activity type is measured: a dimension, with words and example units. */
type Measure = { readonly dimension: string; readonly what: string; readonly examples: string };

const ENERGY_ELECTRICITY: Measure = { dimension: 'energy', what: 'energy', examples: 'MWh, kWh or 萬千瓦時' };
const ENERGY_HEAT: Measure = { dimension: 'energy', what: 'energy', examples: 'GJ, MWh or tce' };

/** Fuel and the process lines take their measure from the factor they are multiplied by. */
const FROM_FACTOR = 'from-factor';

export const ACTIVITY_AMOUNTS: { readonly [K in ActivityType]: Measure | typeof FROM_FACTOR } = {
  fuel: FROM_FACTOR,
  'electricity-purchased': ENERGY_ELECTRICITY,
  'electricity-green-trade': ENERGY_ELECTRICITY,
  'electricity-self-generated': ENERGY_ELECTRICITY,
  'electricity-exported': ENERGY_ELECTRICITY,
  'green-certificate': { dimension: 'count', what: 'a number of certificates', examples: 'certificates' },
  'heat-purchased': ENERGY_HEAT,
  'steam-purchased': ENERGY_HEAT,
  'heat-exported': ENERGY_HEAT,
  'waste-heat-recovered': ENERGY_HEAT,
  carbonate: FROM_FACTOR,
  'oxalic-acid': FROM_FACTOR,
  scope3: { dimension: 'co2e', what: 'emissions in CO2e', examples: 'tCO2e' },
};

/** Plain words for a dimension key (units/dimension.ts). */
const DIMENSION_WORDS: Readonly<Record<string, string>> = {
  mass: 'a mass',
  energy: 'energy',
  volume: 'a volume',
  co2e: 'emissions in CO2e',
  carbon: 'a mass of carbon',
  currency: 'money',
  count: 'a count',
  time: 'a time',
  area: 'an area',
  length: 'a length',
  ratio: 'a plain ratio',
};
const EXAMPLES: Readonly<Record<string, string>> = {
  mass: 't, kg or 噸',
  volume: '10⁴ m³ or m³',
  energy: 'GJ or MWh',
};

const dimensionWords = (u: Unit): string => {
  const key = dimensionKey(u.dims);
  return DIMENSION_WORDS[key] ?? `"${key}"`;
};

export type ActivityEntryContext = {
  readonly ghgMethod: GhgMethod;
  /** The factor library with the bundle's own factors over it (factors/library.ts withOverrides). */
  readonly library: readonly FactorRecord[];
};

export type ActivityEntryInput = {
  readonly activity: string;
  readonly subject: string;
  /** '' when not given. */
  readonly use: string;
  readonly unit: Unit;
};

/** Subjects the library has a factor of this kind for, under this method (for the message). */
function known(library: readonly FactorRecord[], kind: string, key: string, method?: string): string[] {
  const names = library
    .filter(
      (f) => f.kind === kind && (method === undefined || f.method === method) && f.keys[key] !== undefined,
    )
    .map((f) => f.keys[key] as string);
  return [...new Set(names)].sort();
}

/** The measure of a fuel or a mineral: the amount unit of the factor that multiplies it. */
function measureFromFactor(
  input: ActivityEntryInput,
  ctx: ActivityEntryContext,
): { ok: true; measure: Measure; per: string } | { ok: false; problem: ActivityEntryProblem } {
  const fuel = input.activity === 'fuel';
  const query = fuel
    ? fuelParameterQuery(ctx.ghgMethod, 'ncv', input.subject)
    : processEfQuery(input.subject);
  const hit = selectFactor(ctx.library, query);
  if (!hit.ok) {
    const list = fuel
      ? known(ctx.library, 'ncv', 'fuel', ctx.ghgMethod)
      : known(ctx.library, 'process-ef', 'mineral');
    const what = fuel
      ? `a fuel the ${ctx.ghgMethod} method has a calorific value for`
      : 'a mineral with a process emission factor';
    return {
      ok: false,
      problem: {
        field: 'subject',
        message: `"${input.subject}" is not ${what}; use one of ${list.join(', ')}`,
      },
    };
  }
  // Factor per amount (GJ/t, tCO2e/t): the amount's unit is the factor's numerator over the factor.
  const factor = factorToQuantity(hit.factor).unit;
  const numerator = parseUnit(hit.factor.unit.split('/')[0] ?? '');
  if (!numerator.ok) throw new Error(`factor ${hit.factor.id}: unit ${hit.factor.unit} has no numerator`);
  const amount = divideUnits(numerator.unit, factor);
  const dimension = dimensionKey(amount.dims);
  const per = hit.factor.unit.slice(hit.factor.unit.indexOf('/') + 1);
  return {
    ok: true,
    per,
    measure: {
      dimension,
      what: DIMENSION_WORDS[dimension] ?? dimension,
      examples: EXAMPLES[dimension] ?? per,
    },
  };
}

/** Every problem with an entered line's activity, subject, use and unit; [] when it can be used. */
export function activityEntryProblems(
  input: ActivityEntryInput,
  ctx: ActivityEntryContext,
): ActivityEntryProblem[] {
  if (!(ACTIVITY_TYPES as readonly string[]).includes(input.activity))
    return [
      {
        field: 'activity',
        message: `"${input.activity}" is not an activity type; use one of ${ACTIVITY_TYPES.join(', ')}`,
      },
    ];
  const activity = input.activity as ActivityType;
  const problems: ActivityEntryProblem[] = [];
  if (input.subject.trim() === '')
    return [
      { field: 'subject', message: 'say what the line is about (a fuel, "grid", a mineral, a category…)' },
    ];
  if (input.use !== '' && activity !== 'fuel')
    problems.push({ field: 'use', message: `only fuel lines have a use; leave it empty for ${activity}` });
  const declared = ACTIVITY_AMOUNTS[activity];
  let measure: Measure;
  let because = '';
  if (declared === FROM_FACTOR) {
    const found = measureFromFactor(input, ctx);
    if (!found.ok) return [...problems, found.problem];
    measure = found.measure;
    because = ` (its ${activity === 'fuel' ? 'calorific value' : 'emission factor'} is per ${found.per})`;
  } else measure = declared;
  if (dimensionKey(input.unit.dims) !== measure.dimension)
    problems.push({
      field: 'unit',
      message: `"${input.unit.symbol}" measures ${dimensionWords(input.unit)}, but ${activity === 'fuel' || declared === FROM_FACTOR ? input.subject : activity} is entered as ${measure.what}${because}: use a unit such as ${measure.examples}`,
    });
  return problems;
}
