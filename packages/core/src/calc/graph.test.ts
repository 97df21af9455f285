import { describe, expect, it } from 'vitest';
import { q } from '../units/quantity.js';
import { CalcGraph } from './graph.js';
import { explain } from './lineage.js';
import type { NodeSpec } from './node.js';

const fact = (id: string, text: string): NodeSpec => ({
  kind: 'fact',
  id,
  label: id,
  value: q(text),
  fact: { factId: id, entityId: 'e', periodId: '2025', source: `meter ${id}` },
});
const show = (g: CalcGraph, id: string) => {
  const v = g.value(id);
  return v?.kind === 'quantity' ? `${v.value.toString()} ${v.unit.symbol}` : v?.code;
};

function smallGraph(): CalcGraph {
  const g = new CalcGraph();
  g.add(fact('diesel', '100 t'));
  g.add({ kind: 'constant', id: 'ef', label: 'EF diesel', value: q('3.0959 tCO2e/t') });
  g.add({
    kind: 'derived',
    id: 'diesel.co2',
    label: 'diesel CO2',
    formula: { op: 'product', inputs: ['diesel', 'ef'], unit: 'tCO2e' },
  });
  g.add(fact('elec', '1000 MWh'));
  g.add({ kind: 'constant', id: 'grid', label: 'grid', value: q('0.6021 tCO2e/MWh') });
  g.add({
    kind: 'derived',
    id: 's2',
    label: 'scope 2',
    formula: { op: 'product', inputs: ['elec', 'grid'], unit: 'tCO2e' },
  });
  g.add({
    kind: 'derived',
    id: 'total',
    label: 'total',
    formula: { op: 'sum', inputs: ['diesel.co2', 's2'], unit: 'tCO2e' },
  });
  g.add(fact('rev', '10 CNY million'));
  g.add({
    kind: 'derived',
    id: 'intensity',
    label: 'intensity',
    formula: { op: 'ratio', inputs: ['total', 'rev'], unit: 'tCO2e/CNY million' },
  });
  return g;
}

describe('calculation graph', () => {
  it('evaluates in topological order (arithmetic written out)', () => {
    const g = smallGraph();
    g.evaluate();
    // 100 t × 3.0959 tCO2e/t = 309.59 tCO2e; 1000 MWh × 0.6021 = 602.1 tCO2e
    expect(show(g, 'diesel.co2')).toBe('309.59 tCO2e');
    expect(show(g, 's2')).toBe('602.1 tCO2e');
    // 309.59 + 602.1 = 911.69; ÷ 10 CNY million = 91.169 tCO2e/CNY million
    expect(show(g, 'total')).toBe('911.69 tCO2e');
    expect(show(g, 'intensity')).toBe('91.169 tCO2e/CNY million');
  });

  it('recalculates only dependents of a changed fact and returns what changed', () => {
    const g = smallGraph();
    g.evaluate();
    g.setFact('elec', q('2000 MWh'));
    expect(g.recalculate()).toEqual(['elec', 's2', 'total', 'intensity']);
    expect(show(g, 'diesel.co2')).toBe('309.59 tCO2e');
    expect(show(g, 'total')).toBe('1513.79 tCO2e');
  });

  it('stops where a value did not change', () => {
    const g = smallGraph();
    g.evaluate();
    g.setFact('elec', q('1 GWh')); // same energy, different unit: s2 is unchanged
    expect(g.recalculate()).toEqual(['elec']);
  });

  it('turns every node on a cycle into an error naming the cycle, and dependents into upstream errors', () => {
    const g = new CalcGraph();
    g.add(fact('x', '1 t'));
    g.add({ kind: 'derived', id: 'a', label: 'a', formula: { op: 'sum', inputs: ['x', 'c'], unit: 't' } });
    g.add({ kind: 'derived', id: 'b', label: 'b', formula: { op: 'sum', inputs: ['a'], unit: 't' } });
    g.add({ kind: 'derived', id: 'c', label: 'c', formula: { op: 'sum', inputs: ['b'], unit: 't' } });
    g.add({ kind: 'derived', id: 'd', label: 'd', formula: { op: 'sum', inputs: ['c', 'x'], unit: 't' } });
    g.evaluate();
    for (const id of ['a', 'b', 'c']) {
      expect(g.value(id)).toMatchObject({
        kind: 'error',
        code: 'cycle',
        message: expect.stringMatching(/a → c → b → a|c → b → a → c|b → a → c → b/),
      });
    }
    expect(g.value('d')).toMatchObject({ kind: 'error', code: 'upstream', cause: { code: 'cycle' } });
    expect(show(g, 'x')).toBe('1 t');
  });

  it('propagates missing inputs and unit mismatches with their origin', () => {
    const g = new CalcGraph();
    g.add(fact('coal', '5 t'));
    g.add({
      kind: 'derived',
      id: 'co2',
      label: 'co2',
      formula: { op: 'product', inputs: ['coal', 'ef.coal'], unit: 'tCO2e' },
    });
    g.add({
      kind: 'derived',
      id: 'bad',
      label: 'bad',
      formula: { op: 'sum', inputs: ['coal', 'elec'], unit: 't' },
    });
    g.add(fact('elec', '1 MWh'));
    g.add({
      kind: 'derived',
      id: 'total',
      label: 'total',
      formula: { op: 'sum', inputs: ['co2'], unit: 'tCO2e' },
    });
    g.evaluate();
    expect(g.value('co2')).toMatchObject({
      code: 'upstream',
      cause: { code: 'missing-input', origin: 'ef.coal' },
    });
    expect(g.value('total')).toMatchObject({
      code: 'upstream',
      cause: { code: 'missing-input', origin: 'ef.coal' },
    });
    expect(g.value('bad')).toMatchObject({ code: 'unit-mismatch', origin: 'bad' });
  });

  it('explains a figure down to facts with their source', () => {
    const g = smallGraph();
    g.evaluate();
    const t = explain(g, 'intensity');
    expect(t.op).toBe('ratio');
    expect(t.children.map((c) => c.id)).toEqual(['total', 'rev']);
    expect(t.children[0]?.children[0]?.children.map((c) => [c.kind, c.id])).toEqual([
      ['fact', 'diesel'],
      ['constant', 'ef'],
    ]);
    expect(t.children[1]?.fact?.source).toBe('meter rev');
  });
});
