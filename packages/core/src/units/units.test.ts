import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { add, convert, divide, multiply, q, quantity } from './quantity.js';
import { parseUnit, unitDimension, unitOf, unitsEqual } from './unit.js';
import { ATOMIC_UNITS } from './unit-table.js';

const value = (r: ReturnType<typeof convert>) => (r.kind === 'quantity' ? r.value.toString() : r.code);

describe('unit conversions are exact', () => {
  it.each([
    ['1 t', 'kg', '1000'],
    ['2.5 kt', 't', '2500'],
    ['1 Mt', 'kt', '1000'],
    ['1 MWh', 'kWh', '1000'],
    ['1 GWh', 'MWh', '1000'],
    ['1 MWh', 'GJ', '3.6'],
    ['1 TJ', 'GJ', '1000'],
    ['1 tce', 'GJ', '29.3076'],
    ['1 tce', 'MWh', '8.141'],
    ['1 萬千瓦時', 'MWh', '10'],
    ['1 10⁴ kWh', 'kWh', '10000'],
    ['3 萬立方米', 'm³', '30000'],
    ['1 10⁴ m³', 'm3', '10000'],
    ['1 ktCO2e', 'tCO2e', '1000'],
    ['205.22 千噸二氧化碳當量', 'tCO2e', '205220'],
    ['1 萬元', 'CNY', '10000'],
    ['1 億元', 'CNY million', '100'],
    ['2561.3 CNY million', '億元', '25.613'],
    ['1 CNY million', 'CNY', '1000000'],
    ['12.5 %', 'ratio', '0.125'],
    ['1 噸標準煤', 'kgce', '1000'],
    ['1 million hours', 'h', '1000000'],
  ])('%s → %s = %s', (from, to, expected) => {
    expect(value(convert(q(from), unitOf(to)))).toBe(expected);
  });

  it('electricity to tce at the calorific value is 0.1228… per MWh, not the rounded GB/T 0.1229', () => {
    const r = convert(q('1 MWh'), unitOf('tce'));
    expect(r.kind === 'quantity' && r.value.toDecimalPlaces(5).toString()).toBe('0.12284');
  });
});

describe('units parse from English and Chinese labels', () => {
  it.each([
    ['千噸二氧化碳當量', 'ktCO2e'],
    ['噸標準煤', 'tce'],
    ['兆瓦時', 'MWh'],
    ['萬立方米', '10⁴ m³'],
    ['萬千瓦時', '10⁴ kWh'],
    ['人民幣百萬元', 'CNY million'],
    ['億元', 'CNY 10⁸'],
    ["kWh in '000s", 'MWh'],
  ])('%s is %s', (label, symbol) => {
    const u = parseUnit(label);
    expect(u.ok && u.unit.symbol).toBe(symbol);
  });

  it('parses intensity units with their denominator and its scale', () => {
    const a = parseUnit('tCO2e/CNY million');
    const b = parseUnit('噸二氧化碳當量/百萬元');
    expect(a.ok && b.ok && unitsEqual(a.unit, b.unit)).toBe(true);
    expect(a.ok && unitDimension(a.unit)).toBe('co2e/currency');
    const c = parseUnit('tce per 10⁴ m³');
    expect(c.ok && unitDimension(c.unit)).toBe('energy/volume');
  });

  it('"per CNY" and "per CNY million" are different units, 10⁶ apart', () => {
    const perCny = parseUnit('tCO2e/CNY');
    const perMillion = parseUnit('tCO2e/CNY million');
    if (!perCny.ok || !perMillion.ok) throw new Error('parse failed');
    expect(unitsEqual(perCny.unit, perMillion.unit)).toBe(false);
    expect(unitDimension(perCny.unit)).toBe(unitDimension(perMillion.unit));
    const r = convert({ kind: 'quantity', value: new Decimal('42.9'), unit: perMillion.unit }, perCny.unit);
    expect(value(r)).toBe('0.0000429');
  });

  it('reads powers of ten written with superscripts or carets, not as digits', () => {
    const a = parseUnit('10⁵ t');
    const b = parseUnit('10^5 t');
    expect(a.ok && a.unit.scale.toString()).toBe('100000');
    expect(b.ok && b.unit.scale.toString()).toBe('100000');
    const c = parseUnit('10^4 m3');
    expect(c.ok && c.unit.symbol).toBe('10⁴ m³');
    const d = parseUnit('1,000 employees');
    expect(d.ok && d.unit.scale.toString()).toBe('1000');
  });

  it('refuses a zero multiplier and one above 10^15 (a unit of scale 0 or beyond any report)', () => {
    expect(parseUnit('0 t')).toEqual({ ok: false, reason: 'unknown unit "0 t"' });
    expect(parseUnit('10^16 t').ok).toBe(false);
    expect(parseUnit('10^99999999999999999999 t').ok).toBe(false);
    expect(parseUnit('10^15 t').ok).toBe(true);
  });

  it('reads a declared label that starts with "per" as itself, not as "1/…"', () => {
    const u = parseUnit('per mille');
    expect(u.ok && u.unit.symbol).toBe('‰');
    const c = parseUnit('tCO2e per MWh');
    expect(c.ok && unitDimension(c.unit)).toBe('co2e/energy');
  });

  it('names the unknown part of a label', () => {
    expect(parseUnit('furlongs')).toEqual({ ok: false, reason: 'unknown unit "furlongs"' });
    expect(parseUnit('tCO2e/fortnight')).toEqual({
      ok: false,
      reason: 'unknown unit "fortnight" in "tCO2e/fortnight"',
    });
    expect(parseUnit('  ').ok).toBe(false);
  });
});

describe('unit symbols are case-sensitive (issue #14, item 6)', () => {
  const reason = (label: string) => {
    const r = parseUnit(label);
    return r.ok ? `parsed as ${r.unit.symbol} (scale ${r.unit.scale.toString()})` : r.reason;
  };

  it('refuses "MT" and "mt": metric ton or megatonne, 10⁶ apart', () => {
    for (const label of ['MT', 'mt', 'mt.', 'MT.'])
      expect(reason(label)).toBe(
        `unit "${label}" is ambiguous (metric ton or megatonne): write "t" for tonnes or "Mt" for million tonnes`,
      );
    expect(parseUnit('Mt').ok && unitOf('Mt').scale.toString()).toBe('1000000');
  });

  it('refuses a case change that alters a prefix (m/M, g/G, t/T) and suggests the declared spelling', () => {
    expect(reason('mWh')).toBe('unknown unit "mWh": did you mean "MWh"?');
    expect(reason('mwh')).toBe('unknown unit "mwh": did you mean "MWh"?');
    expect(reason('gwh')).toBe('unknown unit "gwh": did you mean "GWh"?');
    expect(reason('Tco2e')).toBe('unknown unit "Tco2e": did you mean "tCO2e"?');
    expect(reason('KG')).toBe('unknown unit "KG": did you mean "kg"?');
    expect(reason('tCO2e/mwh')).toBe('unknown unit "mwh" in "tCO2e/mwh": did you mean "MWh"?');
    expect(reason('10^4 T')).toBe('unknown unit "10^4 T": did you mean "10⁴ t"?');
    expect(reason('1,000 T')).toBe('unknown unit "1,000 T": did you mean "1,000 t"?');
    expect(reason('1,000 MT')).toBe(
      'unit "1,000 MT" is ambiguous (metric ton or megatonne): write "t" for tonnes or "Mt" for million tonnes',
    );
  });

  it('accepts the declared case variants that keep the scale (kWh written kwh, KWh or KWH)', () => {
    const cases: [string, string][] = [
      ['kwh', 'kWh'],
      ['KWh', 'kWh'],
      ['KWH', 'kWh'],
      ['MWH', 'MWh'],
      ['GWH', 'GWh'],
    ];
    for (const [label, symbol] of cases)
      expect([label, reason(label)]).toEqual([label, `parsed as ${symbol} (scale ${unitOf(symbol).scale})`]);
  });

  it('has no two declared labels that differ only by case and name different units', () => {
    const byLower = new Map<string, string>();
    for (const spec of ATOMIC_UNITS)
      for (const label of [spec.symbol, spec.zh, ...spec.aliases]) {
        const key = label.normalize('NFKC').toLowerCase();
        const seen = byLower.get(key);
        expect([label, seen ?? spec.symbol]).toEqual([label, spec.symbol]);
        byLower.set(key, spec.symbol);
      }
  });
});

describe('mixing dimensions gives an error value', () => {
  it('adding energy to CO2e', () => {
    const r = add(q('1 MWh'), q('1 tCO2e'), 'test');
    expect(r).toMatchObject({ kind: 'error', code: 'unit-mismatch', origin: 'test' });
  });
  it('converting mass to CO2e mass (tonnes of coal are not tonnes of CO2e)', () => {
    expect(convert(q('1 t'), unitOf('tCO2e'))).toMatchObject({ kind: 'error', code: 'unit-mismatch' });
  });
  it('adds compatible units in the unit of the left operand', () => {
    expect(value(add(q('1 MWh'), q('500 kWh')))).toBe('1.5');
  });
  it('multiplies and divides into compound units', () => {
    const ef = q('3.0959 tCO2e/t');
    const m = multiply(q('100 t'), ef);
    expect(unitDimension(m.unit)).toBe('co2e');
    expect(value(convert(m, unitOf('tCO2e')))).toBe('309.59');
    const i = divide(q('109820 tCO2e'), q('2561.3 CNY million'));
    expect(i.kind === 'quantity' && unitDimension(i.unit)).toBe('co2e/currency');
    expect(divide(q('1 t'), q('0 t'))).toMatchObject({ kind: 'error', code: 'division-by-zero' });
  });
});

describe('units as reports print them (issue #24)', () => {
  const scaleOf = (label: string) => {
    const r = parseUnit(label);
    return r.ok ? `${unitDimension(r.unit)} ${r.unit.scale.toString()}` : r.reason;
  };

  it('reads the spellings of HK and mainland reports, each to its exact scale', () => {
    expect(scaleOf('metric tons')).toBe('mass 1');
    expect(scaleOf('metric tonnes')).toBe('mass 1');
    expect(scaleOf('thousand tons')).toBe('mass 1000');
    expect(scaleOf("'000 tons")).toBe('mass 1000');
    expect(scaleOf('萬噸')).toBe('mass 10000');
    expect(scaleOf("RMB'000")).toBe('currency 1000');
    expect(scaleOf("RMB'000000")).toBe('currency 1000000');
    expect(scaleOf('RMB million')).toBe('currency 1000000');
    expect(scaleOf('RMB billion')).toBe('currency 1000000000');
    expect(scaleOf('kgce/t')).toBe('energy/mass 0.0293076');
    expect(scaleOf('tce/10⁴ CNY')).toBe('energy/currency 0.00293076');
    expect(scaleOf('litres')).toBe('volume 0.001');
    expect(scaleOf('person-times')).toBe('count 1');
    expect(scaleOf('‰')).toBe('ratio 0.001');
  });

  it('keeps Hong Kong dollars apart from renminbi: no conversion without a dated rate', () => {
    expect(scaleOf('HK$')).toBe('hkd 1');
    expect(scaleOf("HK$'000")).toBe('hkd 1000');
    expect(scaleOf('HK$ million')).toBe('hkd 1000000');
    expect(scaleOf('港元')).toBe('hkd 1');
    const hk = quantity('1', 'HK$ million');
    expect(convert(hk, unitOf('CNY million')).kind).toBe('error');
  });

  it('names the nearest known spellings of an unknown unit', () => {
    expect(scaleOf('tonns')).toBe('unknown unit "tonns"; nearest known: "tonne", "tonnes", "tons"');
    expect(scaleOf('RMB milion')).toBe(
      'unknown unit "RMB milion"; nearest known: "RMB million", "RMB billion", "RMB millions"',
    );
    expect(scaleOf('tCO2e/kilowat hours')).toMatch(/^unknown unit "kilowat hours" in "tCO2e\/kilowat hours"/);
    expect(scaleOf('furlongs')).toBe('unknown unit "furlongs"');
  });
});
