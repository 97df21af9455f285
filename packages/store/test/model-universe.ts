/**
 * The small fixed universe the model-based tests draw from (model.test.ts,
 * workspace.model.test.ts, scripts/model-run.ts): a few data-point keys and activity-line ids,
 * so that random commands keep hitting the same facts (revisions, collisions, retractions) and
 * the store stays small enough to compare in full after every step. The first slots are the
 * facts of examples/minimal, which every run starts from.
 */

/** A data-point slot: one key (entity|period|indicator|disaggregation) with one fixed id. */
export type DataPointSlot = {
  readonly id: string;
  readonly entity: string;
  readonly period: string;
  readonly indicator: string;
  /** As written in the CSV (formatPairs order: one axis here). */
  readonly disaggregation: string;
  /** Unit labels a row may use, each with the symbol the store keeps for it. */
  readonly units: readonly (readonly [label: string, symbol: string])[];
  /** Headcounts are whole persons. */
  readonly integer: boolean;
};

const REVENUE = [
  ['CNY million', 'CNY million'],
  ['CNY', 'CNY'],
  ['萬元', 'CNY 10⁴'],
] as const;
const PERSONS = [['person', 'person']] as const;
const MASS = [
  ['t', 't'],
  ['kt', 'kt'],
  ['噸', 't'],
] as const;

const dp = (
  id: string,
  entity: string,
  period: string,
  indicator: string,
  disaggregation: string,
  units: DataPointSlot['units'],
): DataPointSlot => ({ id, entity, period, indicator, disaggregation, units, integer: units === PERSONS });

export const DATA_POINT_SLOTS: readonly DataPointSlot[] = [
  // examples/minimal/data-points.csv
  dp('rev-25', 'group', '2025', 'revenue', '', REVENUE),
  dp('rev-24', 'group', '2024', 'revenue', '', REVENUE),
  dp('hc-s-m', 'smelter', '2025', 'employees.headcount', 'gender=male', PERSONS),
  dp('hc-s-f', 'smelter', '2025', 'employees.headcount', 'gender=female', PERSONS),
  dp('hc-m-m', 'mine', '2025', 'employees.headcount', 'gender=male', PERSONS),
  dp('hc-m-f', 'mine', '2025', 'employees.headcount', 'gender=female', PERSONS),
  dp('out-ni', 'smelter', '2025', 'production.output', 'product=nickel', MASS),
  // not in the bundle: added by commands
  dp('rev-s-25', 'smelter', '2025', 'revenue', '', REVENUE),
  dp('rev-m-25', 'mine', '2025', 'revenue', '', REVENUE),
  dp('rev-s-24', 'smelter', '2024', 'revenue', '', REVENUE),
  dp('hc-s-m-24', 'smelter', '2024', 'employees.headcount', 'gender=male', PERSONS),
  dp('out-ni-24', 'smelter', '2024', 'production.output', 'product=nickel', MASS),
  dp('out-cu', 'smelter', '2025', 'production.output', 'product=copper', MASS),
];

export function dataPointKey(s: Pick<DataPointSlot, 'entity' | 'period' | 'indicator' | 'disaggregation'>) {
  return `${s.entity}|${s.period}|${s.indicator}|${s.disaggregation}`;
}

/** An activity-line template: everything but the id, amount, unit, attributes and comment. */
export type LineTemplate = {
  readonly entity: string;
  readonly period: string;
  readonly activity: string;
  readonly subject: string;
  readonly use: string;
  readonly units: readonly (readonly [label: string, symbol: string])[];
  readonly source: string;
};

const FUEL_MASS = [
  ['t', 't'],
  ['kt', 'kt'],
  ['噸', 't'],
] as const;
const POWER = [
  ['MWh', 'MWh'],
  ['kWh', 'kWh'],
  ['GWh', 'GWh'],
] as const;

export const LINE_TEMPLATES: readonly LineTemplate[] = [
  {
    entity: 'smelter',
    period: '2025',
    activity: 'fuel',
    subject: 'diesel',
    use: 'combustion',
    units: FUEL_MASS,
    source: 'fuel invoices',
  },
  {
    entity: 'smelter',
    period: '2025',
    activity: 'fuel',
    subject: 'coke',
    use: 'reductant',
    units: FUEL_MASS,
    source: 'stores ledger',
  },
  {
    entity: 'mine',
    period: '2025',
    activity: 'electricity-purchased',
    subject: 'grid',
    use: '',
    units: POWER,
    source: 'electricity bills',
  },
  {
    entity: 'smelter',
    period: '2024',
    activity: 'electricity-purchased',
    subject: 'grid',
    use: '',
    units: POWER,
    source: 'electricity bills',
  },
];

/** An activity-line slot: a fixed id on a fixed template. */
export type LineSlot = { readonly id: string; readonly template: LineTemplate };

const line = (id: string, t: number): LineSlot => ({ id, template: LINE_TEMPLATES[t] as LineTemplate });

/**
 * Ids chosen to exercise the store's key-prefix probes (fact-append.ts: a key without its
 * trailing digits): "a1", "a10" and "a01" share the prefix "a"; "x" is its own prefix; two
 * generated-looking ids share "fuel-".
 */
export const LINE_SLOTS: readonly LineSlot[] = [
  line('d1', 0), // examples/minimal: d1 g1 c1 e1 e2 (g1 is kept out: its unit 10⁴ m³ is not varied)
  line('c1', 1),
  line('e2', 2),
  line('a1', 0),
  line('a10', 1),
  line('a01', 2),
  line('x', 3),
  line('fuel-0000001', 0),
  line('fuel-0000012', 3),
];

/** Attribute texts as written, with the text the store keeps (keys sorted). */
export const ATTRIBUTES = [
  ['', ''],
  ['meter=m1', 'meter=m1'],
  ['site=north;meter=m2', 'meter=m2;site=north'],
] as const;

/**
 * Comments as written in a CSV cell, with the text the store keeps: cells are trimmed and the
 * export's formula guard (an apostrophe before =) is removed on import.
 */
export const CSV_COMMENTS = [
  ['', ''],
  ['checked, twice', 'checked, twice'],
  ['said "final"', 'said "final"'],
  ['覆核完成', '覆核完成'],
  ["'=1+1", '=1+1'],
  ['  padded  ', 'padded'],
] as const;

export const SOURCES = ['finance ledger', 'HR system', 'production report', 'restated accounts'] as const;
export const AUTHORS = ['ann@example.com', 'bo', '陳小明'] as const;
export const REASONS = ['monthly upload', 'correction', '審計調整', 'restated: see note 4'] as const;
