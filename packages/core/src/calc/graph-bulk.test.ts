/**
 * The bulk paths buildGraph uses for a Bundle's millions of facts (issue #15), each held to the
 * general path it replaces, on random input (fast-check):
 *   - IdIndex.add(prefix, rest) is IdIndex.add(prefix + rest): same indices, same duplicates;
 *   - CalcGraph.addFactFrom(prefix, head, record, value, unit) is addFact({ id: prefix + id, ... });
 *   - CalcGraph.addWithInputs(spec, indices or ids) is add(spec with those ids): same spec, value,
 *     inputs and lineage, unknown ids included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { unitOf } from '../units/unit.js';
import type { Formula } from './formula.js';
import { CalcGraph } from './graph.js';
import { IdIndex } from './id-index.js';
import { explain } from './lineage.js';
import type { NodeSpec } from './node.js';

const t = unitOf('t');

/** Value, unit and sign of zero as text (Decimal equality ignores the sign of zero). */
function shown(g: CalcGraph, id: string): string {
  const v = g.value(id);
  if (v === undefined) return 'undefined';
  return v.kind === 'quantity'
    ? `${v.value.isNegative() ? '-' : '+'}${v.value.abs().toString()} ${v.unit.symbol}`
    : `${v.code}: ${v.message}`;
}

describe('IdIndex.add(prefix, rest)', () => {
  it('gives what add(prefix + rest) gives, duplicates included', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 'b', ':', '排', 'd', '1'), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part), { maxLength: 300 }), (pairs) => {
        const split = new IdIndex();
        const whole = new IdIndex();
        for (const [a, b] of pairs) expect(split.add(a, b)).toBe(whole.add(a + b));
        expect(split.size).toBe(whole.size);
        for (let i = 0; i < whole.size; i++) expect(split.idAt(i)).toBe(whole.idAt(i));
        for (const [a, b] of pairs) expect(split.get(a + b)).toBe(whole.get(a + b));
      }),
      { numRuns: 200 },
    );
  });
});

const decimalText = fc.oneof(
  fc.constantFrom('0', '-0', '12.50', '9007199254740993', '123456789012345678901234.5', '1e-25'),
  fc
    .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 }))
    .map(([m, s]) => new Decimal(m).div(new Decimal(10).pow(s)).toString()),
);

describe('CalcGraph.addFactFrom', () => {
  it('makes the node addFact makes', () => {
    const record = fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      entityId: fc.constantFrom('e1', 'e2'),
      periodId: fc.constantFrom('2025', '2025-01'),
      source: fc.constantFrom('meter', 'invoice'),
      evidence: fc.option(fc.constantFrom('scan.pdf', ''), { nil: undefined }),
      comment: fc.option(fc.constantFrom('estimated'), { nil: undefined }),
    });
    const prefix = fc.constantFrom('', 'dp:', 'act:', 'x'.repeat(300));
    fc.assert(
      fc.property(fc.array(fc.tuple(prefix, record, decimalText), { maxLength: 40 }), (facts) => {
        const bulk = new CalcGraph();
        const entry = new CalcGraph();
        const ids: string[] = [];
        for (const [p, r, v] of facts) {
          const id = p + r.id;
          if (entry.has(id)) {
            expect(() => bulk.addFactFrom(p, 'head', r, new Decimal(v), t)).toThrow(
              `duplicate node id ${id}`,
            );
            continue;
          }
          entry.addFact({ ...r, id, value: new Decimal(v), unit: t, labelHead: 'head', factId: r.id });
          bulk.addFactFrom(p, 'head', r, new Decimal(v), t);
          ids.push(id);
        }
        bulk.evaluate();
        entry.evaluate();
        for (const id of ids) {
          expect(bulk.spec(id)).toEqual(entry.spec(id));
          expect(shown(bulk, id)).toBe(shown(entry, id));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('CalcGraph.addWithInputs', () => {
  it('makes the node add() makes with the input ids, unknown ids included', () => {
    const ops: Formula['op'][] = ['sum', 'weighted-sum', 'product', 'difference', 'ratio'];
    const node = fc.record({
      op: fc.constantFrom(...ops),
      inputs: fc.array(fc.oneof(fc.nat(30), fc.constantFrom('nowhere', 'later')), {
        minLength: 0,
        maxLength: 4,
      }),
      byIndex: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(decimalText, { minLength: 1, maxLength: 8 }),
        fc.array(node, { maxLength: 12 }),
        (values, nodes) => {
          const a = new CalcGraph();
          const b = new CalcGraph();
          const ids: string[] = [];
          values.forEach((v, k) => {
            const spec: NodeSpec = {
              kind: 'constant',
              id: `f${k}`,
              label: `f${k}`,
              value: { kind: 'quantity', value: new Decimal(v), unit: t },
            };
            a.add(spec);
            b.add(spec);
            ids.push(spec.id);
          });
          nodes.forEach((n, k) => {
            // inputs: an earlier node by index (or by id), or an id not (yet) in the graph
            const given = n.inputs.map((x) => (typeof x === 'number' ? x % ids.length : x));
            const named = given.map((x) => (typeof x === 'number' ? (ids[x] as string) : x));
            // difference and ratio take two inputs: with fewer, the node is a sum
            const op = (n.op === 'difference' || n.op === 'ratio') && named.length < 2 ? 'sum' : n.op;
            const unit = op === 'ratio' ? undefined : 't';
            const formula = (
              op === 'weighted-sum'
                ? { op, inputs: named, weights: named.map((_, w) => (w % 2 ? '0.5' : '1')), unit }
                : op === 'difference' || op === 'ratio'
                  ? { op, inputs: named.slice(0, 2), ...(unit ? { unit } : {}) }
                  : { op, inputs: named, ...(unit ? { unit } : {}) }
            ) as Formula;
            const spec = { kind: 'derived' as const, id: `n${k}`, label: `node ${k}`, formula };
            const count = formula.inputs.length;
            a.add(spec);
            b.addWithInputs(
              { ...spec, formula: { ...formula, inputs: [] } as Formula },
              n.byIndex ? given.slice(0, count) : named.slice(0, count),
            );
            ids.push(spec.id);
          });
          if (ids.includes('later') === false) {
            a.add({
              kind: 'constant',
              id: 'later',
              label: 'later',
              value: { kind: 'quantity', value: new Decimal(2), unit: t },
            });
            b.add({
              kind: 'constant',
              id: 'later',
              label: 'later',
              value: { kind: 'quantity', value: new Decimal(2), unit: t },
            });
            ids.push('later');
          }
          a.evaluate();
          b.evaluate();
          for (const id of ids) {
            expect(b.spec(id)).toEqual(a.spec(id));
            expect(b.inputIds(id)).toEqual(a.inputIds(id));
            expect(shown(b, id)).toBe(shown(a, id));
            expect(explain(b, id)).toEqual(explain(a, id));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses an index that is not a node', () => {
    const g = new CalcGraph();
    g.add({
      kind: 'constant',
      id: 'f',
      label: 'f',
      value: { kind: 'quantity', value: new Decimal(1), unit: t },
    });
    const spec = {
      kind: 'derived' as const,
      id: 's',
      label: 's',
      formula: { op: 'sum' as const, inputs: [], unit: 't' },
    };
    expect(() => g.addWithInputs(spec, [1])).toThrow('s: no node with index 1');
    expect(() => g.addWithInputs(spec, [-1])).toThrow();
    expect(g.has('s')).toBe(false);
    g.addWithInputs(spec, [0, 0]);
    g.evaluate();
    expect(shown(g, 's')).toBe('+2 t');
  });
});
