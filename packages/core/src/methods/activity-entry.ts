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
 * method multiplies by); no unit is converted, except a fuel measured by mass and entered by
 * volume with a stated density (attribute `density`, methods/density.ts). Scope 3 lines are
 * checked by their category and method (scope3/scope3-rule.ts). Messages are plain English naming
 * the field; the caller adds where the line is. Bundle validation composes the same rule
 * (activityLineRule below, passed in by validate/) with unknown fuels and minerals let through:
 * their factor is reported missing by the calculation, and a bundle's factors may add them.
 */

import type { FactorRecord } from '../factors/factor.js';
import { factorToQuantity } from '../factors/factor-quantity.js';
import { fuelParameterQuery, processEfQuery } from '../factors/factor-queries.js';
import { selectFactor } from '../factors/select-factor.js';
import { ACTIVITY_TYPES, type ActivityLine, type ActivityType } from '../model/fact.js';
import type { GhgMethod, Methods } from '../model/methods.js';
import { dimensionKey } from '../units/dimension.js';
import { divideUnits, parseUnit, type Unit } from '../units/unit.js';
import { carbonBalanceProblems } from './carbon-balance.js';
import { DENSITY_ATTRIBUTE, parseDensity } from './density.js';
import { scope3LineProblems } from './scope3/scope3-rule.js';
import { sectorLineProblems } from './sector-lines.js';

export type ActivityEntryField = 'activity' | 'subject' | 'use' | 'unit' | 'attributes';
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
  // the amount is a mass or a gas volume; what it must be is read off its carbon content (carbon-balance.ts)
  'carbon-balance': { dimension: 'mass', what: 'a mass or a volume', examples: 't or 10⁴ m³' },
  'coal-mined': { dimension: 'mass', what: 'a mass of raw coal', examples: 't or 萬噸' },
  clinker: { dimension: 'mass', what: 'a mass of clinker', examples: 't or 萬噸' },
};

/** Plain words for a dimension key (units/dimension.ts). */
const DIMENSION_WORDS: Readonly<Record<string, string>> = {
  mass: 'a mass',
  energy: 'energy',
  volume: 'a volume',
  co2e: 'emissions in CO2e',
  carbon: 'a mass of carbon',
  currency: 'money (CNY)',
  hkd: 'money (HKD)',
  usd: 'money (USD)',
  freight: 'freight moved (t·km)',
  'passenger-travel': 'passenger distance (passenger·km)',
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

export const dimensionWords = (u: Unit): string => {
  const key = dimensionKey(u.dims);
  return DIMENSION_WORDS[key] ?? `"${key}"`;
};

/** What a Scope 3 line's `supplier` attribute may name: a supplier's id or its credit code. */
export type SupplierRef = { readonly id: string; readonly creditCode: string };

export type ActivityEntryContext = {
  readonly ghgMethod: GhgMethod;
  /** The factor library with the bundle's own factors over it (factors/library.ts withOverrides). */
  readonly library: readonly FactorRecord[];
  /** The bundle's choice of Scope 3 factor set per category (assay.yaml methods.scope3). */
  readonly scope3FactorSets?: Methods['scope3'];
  /** The supplier register (registers.yaml suppliers); absent or empty: a line's `supplier` is not checked. */
  readonly suppliers?: readonly SupplierRef[];
  /** 'pass' (bundle validation): a fuel or mineral without a factor is left to the calculation. */
  readonly unknownSubjects?: 'refuse' | 'pass';
};

export type ActivityEntryInput = {
  readonly activity: string;
  readonly subject: string;
  /** '' when not given. */
  readonly use: string;
  readonly unit: Unit;
  /** The line's attributes (density, Scope 3 method and factor…); none when not given. */
  readonly attributes?: Readonly<Record<string, string>>;
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
):
  | { ok: true; measure: Measure; per: string }
  | { ok: false; problem: ActivityEntryProblem }
  | { ok: false; problem: undefined } {
  const fuel = input.activity === 'fuel';
  const query = fuel
    ? fuelParameterQuery(ctx.ghgMethod, 'ncv', input.subject)
    : processEfQuery(input.subject);
  const hit = selectFactor(ctx.library, query);
  if (!hit.ok) {
    if (ctx.unknownSubjects === 'pass') return { ok: false, problem: undefined };
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
  if (activity === 'scope3') return [...problems, ...scope3LineProblems(input, ctx)];
  if (activity === 'carbon-balance')
    return [
      ...problems,
      ...carbonBalanceProblems({ unit: input.unit, attributes: input.attributes ?? {} }).map((message) => ({
        field: 'attributes' as const,
        message,
      })),
    ];
  if (activity === 'coal-mined' || activity === 'clinker')
    problems.push(...sectorLineProblems(activity, input.subject, input.attributes ?? {}));
  if (declared === FROM_FACTOR) {
    const found = measureFromFactor(input, ctx);
    if (!found.ok) return found.problem === undefined ? problems : [...problems, found.problem];
    measure = found.measure;
    because = ` (its ${activity === 'fuel' ? 'calorific value' : 'emission factor'} is per ${found.per})`;
    const byVolume = dimensionKey(input.unit.dims) === 'volume' && measure.dimension === 'mass';
    if (activity === 'fuel' && byVolume) return [...problems, ...volumeOfMassFuel(input, ctx, found.per)];
  } else measure = declared;
  if (dimensionKey(input.unit.dims) !== measure.dimension)
    problems.push({
      field: 'unit',
      message: `"${input.unit.symbol}" measures ${dimensionWords(input.unit)}, but ${activity === 'fuel' || declared === FROM_FACTOR ? input.subject : activity} is entered as ${measure.what}${because}: use a unit such as ${measure.examples}`,
    });
  return problems;
}

/**
 * A fuel whose calorific value is per mass, entered by volume: usable only with a stated density
 * (attribute `density`), which the calculation shows as its own node (activity-fuel.ts).
 */
function volumeOfMassFuel(
  input: ActivityEntryInput,
  ctx: ActivityEntryContext,
  per: string,
): ActivityEntryProblem[] {
  const stated = input.attributes?.[DENSITY_ATTRIBUTE];
  if (stated === undefined)
    return [
      {
        field: 'unit',
        message: `${input.subject} under ${ctx.ghgMethod} is measured by mass (NCV in GJ/${per}); '${input.unit.symbol}' needs a density: give the amount in ${per}, or add the attribute density=<value> <unit> (e.g. density=0.84 kg/L)`,
      },
    ];
  const density = parseDensity(stated);
  return density.ok ? [] : [{ field: 'attributes', message: density.reason }];
}

/** The rule bundle validation composes (validate/validate-bundle.ts): one line's problems. */
export function activityLineRule(
  ctx: Omit<ActivityEntryContext, 'unknownSubjects'>,
): (line: ActivityLine) => ActivityEntryProblem[] {
  const passing: ActivityEntryContext = { ...ctx, unknownSubjects: 'pass' };
  // A bundle repeats a few kinds of line many times (a year of monthly diesel): the answer
  // depends only on these fields, so it is kept per kind (bounded) for one validation.
  const seen = new Map<string, ActivityEntryProblem[]>();
  return (line) => {
    const key = `${line.activity}\u0000${line.subject}\u0000${line.amount.unit.symbol}\u0000${JSON.stringify(line.attributes)}`;
    const known = seen.get(key);
    if (known !== undefined) return known;
    const problems = check(line);
    if (seen.size >= 10_000) seen.clear();
    seen.set(key, problems);
    return problems;
  };

  function check(line: ActivityLine): ActivityEntryProblem[] {
    return activityEntryProblems(
      {
        activity: line.activity,
        subject: line.subject,
        // the loaded line says "unspecified" for an empty fuel use; only the type matters here
        use: line.use === undefined || line.activity === 'fuel' ? '' : line.use,
        unit: line.amount.unit,
        attributes: line.attributes,
      },
      passing,
    );
  }
}
