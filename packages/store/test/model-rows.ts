/**
 * Rows of the model-based tests: generated as abstract choices (slot numbers, value texts,
 * variant numbers), turned into CSV cells as a user would write them and into the fields the
 * store should keep (model-reference.ts). Also the CSV text itself and the arbitraries.
 */
import fc from 'fast-check';
import { type Fields, normaliseDecimal } from './model-reference.js';
import {
  ATTRIBUTES,
  AUTHORS,
  CSV_COMMENTS,
  DATA_POINT_SLOTS,
  type DataPointSlot,
  LINE_SLOTS,
  type LineTemplate,
  REASONS,
  SOURCES,
} from './model-universe.js';

export const DP_HEADER = [
  'id',
  'entity',
  'period',
  'indicator',
  'disaggregation',
  'value',
  'unit',
  'source',
  'evidence',
  'comment',
];
export const AL_HEADER = [
  'id',
  'entity',
  'period',
  'activity',
  'subject',
  'use',
  'amount',
  'unit',
  'attributes',
  'source',
  'evidence',
  'comment',
];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** RFC 4180: quote a field holding a comma, quote, line break or edge space. */
function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows]
    .map((r) => r.map(csvField).join(','))
    .join('\n')
    .concat('\n');
}

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Decimal text as users write it: integers, many decimal places, zeros, large, exponents. */
export const decimalText: fc.Arbitrary<string> = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 9n }).map(String),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), digits(1, 30)).map(([i, f]) => `${i}.${f}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), digits(20, 44)).map(([a, b]) => `${a}${b}`),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), digits(0, 6), fc.integer({ min: -30, max: 40 }), fc.boolean())
    .map(([a, b, e, big]) => `${a}${b === '' ? '' : `.${b}`}${big ? 'E' : 'e'}${e >= 0 ? `+${e}` : e}`),
  fc.constantFrom('0', '0.0', '0.000', '00', '0e5', '007.50', '+3', '.5', '5.', '1E3', '0.1', '1e-30'),
);

/** Whole numbers (headcounts). */
export const integerText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.constantFrom('0', '00', '7', '1000000'),
);

/** A data-point row as chosen by the generator. */
export type DpRowSpec = {
  readonly slot: number;
  readonly decimal: string;
  readonly integer: string;
  readonly unit: number;
  readonly source: number;
  readonly comment: number;
};
export const dpRowSpec: fc.Arbitrary<DpRowSpec> = fc.record({
  slot: fc.nat(DATA_POINT_SLOTS.length - 1),
  decimal: decimalText,
  integer: integerText,
  unit: fc.nat(5),
  source: fc.nat(5),
  comment: fc.nat(9),
});

export type Row = { readonly cells: string[]; readonly fields: Fields };

export function dpSlot(n: number): DataPointSlot {
  return pick(DATA_POINT_SLOTS, n);
}

/** A data-point row: the CSV cells (comment variants as written) and the fields kept. */
export function dpRow(spec: DpRowSpec): Row {
  const s = dpSlot(spec.slot);
  const value = s.integer ? spec.integer : spec.decimal;
  const [label, symbol] = pick(s.units, spec.unit);
  const source = pick(SOURCES, spec.source);
  const [comment, kept] = pick(CSV_COMMENTS, spec.comment);
  return {
    cells: [s.id, s.entity, s.period, s.indicator, s.disaggregation, value, label, source, '', comment],
    fields: {
      id: s.id,
      entity: s.entity,
      period: s.period,
      indicator: s.indicator,
      disaggregation: s.disaggregation,
      value: normaliseDecimal(value),
      unit: symbol,
      source,
      comment: kept,
    },
  };
}

export type AlRowSpec = {
  readonly slot: number;
  readonly amount: string;
  readonly unit: number;
  readonly attributes: number;
  readonly comment: number;
};
export const alRowSpec: fc.Arbitrary<AlRowSpec> = fc.record({
  slot: fc.nat(LINE_SLOTS.length - 1),
  amount: decimalText,
  unit: fc.nat(5),
  attributes: fc.nat(5),
  comment: fc.nat(9),
});

/** An activity line on a template; `id` '' for a line without one (the store names it). */
export function alRow(
  spec: AlRowSpec,
  id: string,
  template?: LineTemplate,
): Row & { template: LineTemplate } {
  const t = template ?? pick(LINE_SLOTS, spec.slot).template;
  const [label, symbol] = pick(t.units, spec.unit);
  const [attributes, sorted] = pick(ATTRIBUTES, spec.attributes);
  const [comment, kept] = pick(CSV_COMMENTS, spec.comment);
  return {
    template: t,
    cells: [
      id,
      t.entity,
      t.period,
      t.activity,
      t.subject,
      t.use,
      spec.amount,
      label,
      attributes,
      t.source,
      '',
      comment,
    ],
    fields: {
      id,
      entity: t.entity,
      period: t.period,
      activity: t.activity,
      subject: t.subject,
      use: t.use,
      amount: normaliseDecimal(spec.amount),
      unit: symbol,
      attributes: sorted,
      source: t.source,
      comment: kept,
    },
  };
}

export const lineSlotId = (n: number): string => pick(LINE_SLOTS, n).id;

export type Who = { readonly author: string; readonly reason: string };
export const who: fc.Arbitrary<Who> = fc.record({
  author: fc.constantFrom(...AUTHORS),
  reason: fc.constantFrom(...REASONS),
});

/** `usual` `weight` times as often as a value of `rare`; shrinks to `usual`. */
export function sometimes<T, U>(rare: fc.Arbitrary<T>, usual: U, weight: number): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: fc.constant(usual), weight }, { arbitrary: rare, weight: 1 });
}

export function unique<T>(list: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
