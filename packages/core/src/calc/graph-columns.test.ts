/**
 * The graph's columnar storage: facts added with addFact (no object kept) read back as the
 * NodeSpec add() would hold, the id index (code units in a typed array, open addressing)
 * through growth and rehashing, duplicates refused without damage, reserve() as capacity only.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { q } from '../units/quantity.js';
import { unitOf } from '../units/unit.js';
import { CalcGraph } from './graph.js';
import { IdIndex } from './id-index.js';
import { explain } from './lineage.js';

const t = unitOf('t');
const show = (g: CalcGraph, id: string) => {
  const v = g.value(id);
  return v?.kind === 'quantity' ? `${v.value.toString()} ${v.unit.symbol}` : v?.code;
};

describe('id index', () => {
  it('finds every id after growth and rehashing, including non-ASCII and empty ids', () => {
    const x = new IdIndex();
    const ids = [
      '',
      '排放量@集团/2025',
      'a',
      'b',
      ...Array.from({ length: 20_000 }, (_, k) => `f:${k % 97}:${k}`),
    ];
    const added = ids.map((id) => x.add(id));
    expect(added).toEqual(ids.map((_, k) => k));
    expect(x.size).toBe(ids.length);
    expect(ids.map((id) => x.get(id))).toEqual(added);
    expect(added.map((k) => x.idAt(k))).toEqual(ids);
    expect(x.get('f:0:1')).toBe(-1);
    expect(x.add('a')).toBe(-1);
    expect(x.size).toBe(ids.length);
  });

  it('rebuilds ids longer than one String.fromCharCode chunk', () => {
    const x = new IdIndex();
    const long = `${'x'.repeat(10_000)}end`;
    x.add(long);
    expect(x.idAt(0)).toBe(long);
  });
});

describe('facts in columns', () => {
  it('reads back the spec add() would hold, and evaluates like it', () => {
    const g = new CalcGraph();
    g.addFact({ id: 'f1', value: '12.50', unit: t, entityId: 'e', periodId: '2025-01', source: 'meter' });
    g.addFact({
      id: 'f2',
      value: '123456789012345678901234.5', // does not fit a scaled integer: kept as a Decimal
      unit: t,
      label: 'second',
      factId: 'dp-2',
      entityId: 'e',
      periodId: '2025-02',
      source: 'invoice',
      evidence: 'sha256:ab',
      comment: 'estimated',
    });
    g.addFact({
      id: 'f3',
      value: new Decimal('-0'),
      unit: t,
      entityId: 'e',
      periodId: '2025-03',
      source: 'meter',
    });
    g.add({
      kind: 'derived',
      id: 'y',
      label: 'year',
      formula: { op: 'sum', inputs: ['f1', 'f2', 'f3'], unit: 't' },
    });
    expect(g.value('f1')).toBeUndefined(); // not evaluated yet, as for add()
    g.evaluate();
    expect(show(g, 'y')).toBe('123456789012345678901247 t'); // 12.5 + …234.5 + 0
    expect(g.spec('f1')).toEqual({
      kind: 'fact',
      id: 'f1',
      label: 'f1',
      value: { kind: 'quantity', value: new Decimal('12.5'), unit: t },
      fact: { factId: 'f1', entityId: 'e', periodId: '2025-01', source: 'meter' },
    });
    expect(g.spec('f2')).toMatchObject({
      label: 'second',
      fact: {
        factId: 'dp-2',
        periodId: '2025-02',
        source: 'invoice',
        evidence: 'sha256:ab',
        comment: 'estimated',
      },
    });
    const f3 = g.spec('f3');
    expect(f3?.kind === 'fact' && f3.value.value.isNegative() && f3.value.value.isZero()).toBe(true);
    expect(explain(g, 'y').children.map((c) => [c.id, c.kind, c.fact?.source])).toEqual([
      ['f1', 'fact', 'meter'],
      ['f2', 'fact', 'invoice'],
      ['f3', 'fact', 'meter'],
    ]);
    expect(g.inputIds('y')).toEqual(['f1', 'f2', 'f3']);
  });

  it('names the fact when its text is not a number, and adds nothing', () => {
    const g = new CalcGraph();
    expect(() =>
      g.addFact({ id: 'bad', value: '1,5', unit: t, entityId: 'e', periodId: '2025', source: 's' }),
    ).toThrow('fact bad: "1,5" is not a decimal number');
    expect(g.has('bad')).toBe(false);
    expect(g.size).toBe(0);
  });

  it('refuses a duplicate id and keeps the first node', () => {
    const g = new CalcGraph();
    g.addFact({ id: 'x', value: '1', unit: t, entityId: 'e', periodId: '2025', source: 's' });
    expect(() => g.add({ kind: 'constant', id: 'x', label: 'x', value: q('2 t') })).toThrow(
      'duplicate node id x',
    );
    expect(() =>
      g.addFact({ id: 'x', value: '3', unit: t, entityId: 'e', periodId: '2025', source: 's' }),
    ).toThrow('duplicate node id x');
    g.add({ kind: 'derived', id: 'y', label: 'y', formula: { op: 'sum', inputs: ['x'], unit: 't' } });
    g.evaluate();
    expect(g.size).toBe(2);
    expect(show(g, 'y')).toBe('1 t');
  });

  it('edits a columnar fact: spec shows the new value at once, value() after recalculate()', () => {
    const g = new CalcGraph();
    g.reserve(10, 10, 40); // capacity only
    g.addFact({ id: 'e', value: '1000', unit: unitOf('MWh'), entityId: 'e', periodId: '2025', source: 's' });
    g.add({ kind: 'derived', id: 'c', label: 'c', formula: { op: 'convert', inputs: ['e'], unit: 'MWh' } });
    g.evaluate();
    g.setFact('e', q('1 GWh'));
    const spec = g.spec('e');
    expect(spec?.kind === 'fact' && `${spec.value.value} ${spec.value.unit.symbol}`).toBe('1 GWh');
    expect(show(g, 'e')).toBe('1000 MWh');
    expect(g.recalculate()).toEqual(['e']); // 1 GWh = 1000 MWh: not a change
    expect(show(g, 'c')).toBe('1000 MWh');
    const after = g.spec('e');
    expect(after?.kind === 'fact' && `${after.value.value} ${after.value.unit.symbol}`).toBe('1 GWh');
    g.setFact('e', q('2 GWh'));
    expect(g.recalculate()).toEqual(['e', 'c']);
    expect(show(g, 'c')).toBe('2000 MWh');
  });
});
