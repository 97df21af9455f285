/**
 * The scaled-integer fast path against the Decimal path. Random values mix plain decimals that
 * fit (≤ 15 digits, ≤ 22 places) with ones that must fall back: up to 30 digits, 30 places,
 * exponents, "-0". The graph property builds random graphs (sums, weighted sums, products,
 * differences, conversions, ratios, unknown inputs, unit mismatches) and compares every value
 * with applyFormula evaluated on Decimal quantities node by node, before and after edits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import type { QuantityResult } from '../units/quantity.js';
import { unitOf } from '../units/unit.js';
import { applyFormula } from './apply-formula.js';
import type { Formula } from './formula.js';
import { CalcGraph } from './graph.js';
import {
  multiplyScaled,
  quotientText,
  SCALED,
  scaledFromDecimal,
  scaledFromText,
  scaledToDecimal,
  sumScaled,
} from './scaled.js';

/** Decimal text from an integer and a scale: (-12345n, 2) → "-123.45". */
function textOf(m: bigint, scale: number): string {
  const negative = m < 0n;
  const digits = (negative ? -m : m).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}${scale > 0 ? `.${digits.slice(cut)}` : ''}`;
}

const smallText = fc
  .tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }))
  .map(([m, s]) => textOf(m, s));
const largeText = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 30 }))
  .map(([m, s]) => textOf(m, s));
const edgeText = fc.constantFrom(
  '-0',
  '-0.00',
  '0.000',
  '9007199254740991',
  '999999999999999',
  '9999999999999999',
  '0.0000000000000000000001',
  '1e3',
  '2.5E-4',
  '007.50',
  '4503599627370496.5',
);
/** Values only the wide form (scaled-wide.ts) holds: 40-digit quotients like 44/12, up to 45 digits. */
const wideText = fc.oneof(
  fc
    .tuple(fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), fc.integer({ min: 0, max: 45 }))
    .map(([m, s]) => textOf(m, s)),
  fc
    .tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 1, max: 999 }))
    .map(([a, b]) => new Decimal(a).dividedBy(b).toString()),
  fc.constantFrom(
    '3.666666666666666666666666666666666666667',
    '-0.3333333333333333333333333333333333333333',
    '1e-35',
    '-9.99999999999999999999999999999999999999e45',
    '123456789012345678901234567890123456789012345',
  ),
);
const anyText = fc.oneof(
  { weight: 4, arbitrary: smallText },
  { weight: 2, arbitrary: largeText },
  { weight: 2, arbitrary: wideText },
  edgeText,
);

const same = (a: Decimal, b: Decimal) => a.toString() === b.toString() && a.isNegative() === b.isNegative();

describe('scaled integers', () => {
  it('read text exactly as Decimal does, or decline', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const d = new Decimal(text);
        if (scaledFromText(text)) expect(same(scaledToDecimal(SCALED.m, SCALED.s), d)).toBe(true);
        else
          expect(text.replace(/^-|[.]|^0+/g, '').length > 15 || /[eE]|^-0(\.0*)?$|\.\d{23}/.test(text)).toBe(
            true,
          );
        if (scaledFromDecimal(d)) expect(same(scaledToDecimal(SCALED.m, SCALED.s), d)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('sum exactly, declining when a term or partial sum leaves 2^53', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 12 }), (texts) => {
        const ms: number[] = [];
        const ss: number[] = [];
        for (const t of texts) {
          if (!scaledFromText(t)) return;
          ms.push(SCALED.m);
          ss.push(SCALED.s);
        }
        const exact = texts.reduce((a, t) => a.plus(t), new Decimal(0));
        if (sumScaled(ms, ss, ms.length)) expect(same(scaledToDecimal(SCALED.m, SCALED.s), exact)).toBe(true);
        else
          expect(
            exact
              .abs()
              .times(new Decimal(10).pow(Math.max(0, ...ss)))
              .greaterThan(2 ** 52),
          ).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('multiply exactly, declining beyond 2^53 and for -0', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        if (!scaledFromText(a)) return;
        const am = SCALED.m;
        const as = SCALED.s;
        if (!scaledFromText(b)) return;
        const exact = new Decimal(a).times(b);
        if (multiplyScaled(am, as, SCALED.m, SCALED.s))
          expect(same(scaledToDecimal(SCALED.m, SCALED.s), exact)).toBe(true);
        else
          expect(
            exact.isZero()
              ? exact.isNegative()
              : exact.sd(true) > 15 || exact.dp() > 22 || Math.abs(am * SCALED.m) > 2 ** 53 - 1,
          ).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('divide as decimal.js does (40 significant digits, half-up), declining on zero', () => {
    // ties at the 41st digit: 1/2^k and 5·10^-n patterns, plus random values
    const tieText = fc.constantFrom('1', '3', '5', '0.5', '125', '-625', '1024', '0.0003', '7');
    const divisorText = fc.constantFrom('8', '16', '1024', '2048', '-4096', '3', '7', '0.03', '65536');
    fc.assert(
      fc.property(fc.oneof(anyText, tieText), fc.oneof(anyText, divisorText), (a, b) => {
        if (!scaledFromText(a)) return;
        const am = SCALED.m;
        const as = SCALED.s;
        if (!scaledFromText(b)) return;
        const text = quotientText(am, as, SCALED.m, SCALED.s);
        if (text === undefined) expect(am === 0 || SCALED.m === 0).toBe(true);
        else expect(same(new Decimal(text), new Decimal(a).dividedBy(b))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // a quotient that needs rounding up and one that ends in a tie (…5 at digit 41)
    expect(quotientText(2, 0, 3, 0)).toBe('6666666666666666666666666666666666666667e-40');
    expect(
      new Decimal(quotientText(1, 0, 2 ** 40, 0) as string).equals(new Decimal(1).dividedBy(2 ** 40)),
    ).toBe(true);
    // 4505 / 2^52 = 4505·5^52 / 10^52 has exactly 41 significant digits ending in 5: a true tie
    for (const a of [4505, -4505]) {
      const exact = new Decimal(a).dividedBy(2 ** 52);
      expect(same(new Decimal(quotientText(a, 0, 2 ** 52, 0) as string), exact)).toBe(true);
      expect(exact.toString().endsWith('101563')).toBe(true); // …1015625 rounded half-up to …101563
    }
  });
});

const UNITS = ['t', 'kg', 'MWh', 'tCO2e/MWh'] as const;
type NodeGen = { op: number; picks: number[]; unit: number; weights: string[]; nonNegative: boolean };

const factGen = fc.record({
  text: anyText,
  unit: fc.constantFrom(...UNITS, 't', 't'),
  columnar: fc.boolean(),
});
const nodeGen = fc.record({
  op: fc.integer({ min: 0, max: 6 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  unit: fc.nat(),
  weights: fc.array(
    fc.constantFrom('1', '1', '0.5', '0.3333', '2', '1e2', '100000000000000000000', '0', '0.51'),
    {
      minLength: 6,
      maxLength: 6,
    },
  ),
  nonNegative: fc.boolean(),
});

/** Formula of derived node k over earlier nodes; an out-of-range pick is an unknown id. */
function formulaOf(g: NodeGen, ids: readonly string[]): Formula {
  const pick = (p: number) =>
    p % (ids.length + 1) === ids.length ? 'nope' : (ids[p % (ids.length + 1)] as string);
  const inputs = g.picks.map(pick);
  const a = inputs[0] as string;
  const b = (inputs[1] ?? inputs[0]) as string;
  const sumUnit = ['t', 'kg', 'MWh'][g.unit % 3] as string;
  switch (g.op) {
    case 0:
      return { op: 'sum', inputs, unit: sumUnit };
    case 1:
      return { op: 'weighted-sum', inputs, weights: g.weights.slice(0, inputs.length), unit: sumUnit };
    case 2:
      return g.unit % 2 === 0
        ? { op: 'product', inputs: [a, b], unit: 'tCO2e' }
        : { op: 'product', inputs: [a, b] };
    case 3:
      return g.unit % 2 === 0
        ? { op: 'difference', inputs: [a, b], nonNegative: g.nonNegative }
        : { op: 'difference', inputs: [a, b], unit: 't', nonNegative: g.nonNegative };
    case 4:
      return { op: 'convert', inputs: [a], unit: sumUnit };
    case 5:
      return { op: 'ratio', inputs: [a, b] };
    default:
      return { op: 'sum', inputs: [a], unit: 't' };
  }
}

/** A value as text; `signedZero` tells -0 from 0 (recalculate, like sameResult, treats them as equal). */
function show(v: QuantityResult | undefined, signedZero = true): string {
  if (v === undefined) return 'undefined';
  if (v.kind === 'error') return `error ${v.code}: ${v.message} @${v.origin}`;
  return `${v.value.toString()}${signedZero && v.value.isNegative() ? ' (neg)' : ''} ${v.unit.symbol}`;
}

describe('calculation graph, fast path against the Decimal path', () => {
  it('gives every node the value applyFormula gives on Decimal quantities, before and after edits', () => {
    fc.assert(
      fc.property(
        fc.array(factGen, { minLength: 1, maxLength: 8 }),
        fc.array(nodeGen, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), anyText), { maxLength: 3 }),
        (facts, nodes, edits) => {
          const g = new CalcGraph();
          const ids: string[] = [];
          const reference = new Map<string, QuantityResult>();
          const formulas = new Map<string, Formula>();
          facts.forEach((f, k) => {
            const id = `f${k}`;
            const unit = unitOf(f.unit);
            const value = new Decimal(f.text);
            if (f.columnar)
              g.addFact({ id, value: f.text, unit, entityId: 'e', periodId: '2025', source: 's' });
            else
              g.add({
                kind: 'fact',
                id,
                label: id,
                value: { kind: 'quantity', value, unit },
                fact: { factId: id, entityId: 'e', periodId: '2025', source: 's' },
              });
            reference.set(id, { kind: 'quantity', value, unit });
            ids.push(id);
          });
          nodes.forEach((n, k) => {
            const id = `d${k}`;
            const formula = formulaOf(n, ids);
            g.add({ kind: 'derived', id, label: id, formula });
            formulas.set(id, formula);
            ids.push(id);
          });
          const referenceEvaluate = () => {
            for (const [id, formula] of formulas) {
              const inputs = formula.inputs.map(
                (i) =>
                  reference.get(i) ??
                  ({ kind: 'error', code: 'missing-input', message: `no node "${i}"`, origin: i } as const),
              );
              reference.set(id, applyFormula(formula, inputs, id));
            }
          };
          referenceEvaluate();
          g.evaluate();
          for (const id of ids) expect(show(g.value(id)), id).toBe(show(reference.get(id)));
          for (const [pick, text] of edits) {
            const id = `f${pick % facts.length}`;
            const before = new Map([...reference].map(([k, v]) => [k, show(v, false)]));
            const unit = (reference.get(id) as { unit: ReturnType<typeof unitOf> }).unit;
            const value = { kind: 'quantity', value: new Decimal(text), unit } as const;
            g.setFact(id, value);
            reference.set(id, value);
            referenceEvaluate();
            const changed = g.recalculate();
            for (const k of ids) expect(show(g.value(k), false), k).toBe(show(reference.get(k), false));
            // exactly the nodes whose value changed are reported (as sameResult sees it)
            for (const k of ids)
              if (!changed.includes(k)) expect(show(reference.get(k), false), k).toBe(before.get(k));
            const spec = g.spec(id);
            expect(spec?.kind === 'fact' ? show(spec.value) : spec?.kind).toBe(show(value));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
