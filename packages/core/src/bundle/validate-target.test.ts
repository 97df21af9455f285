import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../catalogue/catalogue.js';
import type { Target } from '../model/registers.js';
import { validateTarget } from './validate-target.js';

const ctx = {
  entityIds: new Set(['group', 'smelter']),
  catalogue: new Map(standardCatalogue().map((i) => [i.id, i])),
};
const good: Target = {
  id: 'scope1-cut',
  name: { en: 'Cut Scope 1', 'zh-Hant': '減少範圍一排放' },
  indicatorId: 'ghg.scope1',
  entityId: 'smelter',
  comparator: 'max',
  value: '60',
  unit: 'tCO2e',
  baseYear: '2020',
  baseValue: '100',
  targetYear: '2030',
  milestones: [{ year: '2025', value: '80' }],
};
const fields = (t: Target) => validateTarget(t, ctx).map((i) => i.field);

describe('validateTarget', () => {
  it('accepts a measured target, a stated one and a qualitative one', () => {
    expect(validateTarget(good, ctx)).toEqual([]);
    expect(fields({ id: 'q', name: good.name })).toEqual([]);
    expect(
      fields({ id: 's', name: good.name, comparator: 'min', value: '100', unit: '%', targetYear: '2025' }),
    ).toEqual([]);
  });

  it('names every problem by its field, all at once', () => {
    const bad: Target = {
      id: 'Bad Id',
      name: { en: ' ', 'zh-Hant': '' },
      indicatorId: 'no.such',
      entityId: 'mars',
      comparator: 'max',
      value: '1,000',
      unit: 'furlongs',
      baseYear: '20',
      baseValue: 'abc',
      targetYear: '2030',
      milestones: [
        { year: '2031', value: 'x' },
        { year: '2031', value: '1' },
      ],
    };
    expect(fields(bad)).toEqual([
      'id',
      'name.en',
      'name.zh-Hant',
      'entityId',
      'indicatorId',
      'value',
      'baseValue',
      'unit',
      'baseYear',
      'milestones.0.value',
      'milestones.0.year',
      'milestones.1.year',
      'milestones.1.year',
    ]);
  });

  it('needs value, unit, comparator and target year once measured; a base year with a base value', () => {
    expect(fields({ id: 'm', name: good.name, indicatorId: 'ghg.scope1' })).toEqual(['value', 'targetYear']);
    expect(fields({ id: 'm', name: good.name, baseValue: '3' })).toEqual([
      'value',
      'unit',
      'comparator',
      'baseYear',
    ]);
  });

  it('refuses a unit of another dimension than the indicator, and a target year not after the base', () => {
    expect(validateTarget({ ...good, unit: 'MWh' }, ctx)[0]?.field).toBe('unit');
    expect(fields({ ...good, targetYear: '2020', milestones: [] })).toEqual(['targetYear']);
    expect(fields({ ...good, milestones: [{ year: '2020', value: '1' }] })).toEqual(['milestones.0.year']);
  });

  it('property: every issue names a field of the target', () => {
    const known =
      /^(id|name\.en|name\.zh-Hant|entityId|indicatorId|comparator|value|baseValue|unit|baseYear|targetYear|milestones\.\d+(\.(year|value))?)$/;
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const text = fc.oneof(fc.string(), fc.constantFrom('2020', '2030', '12.5', 't', 'tCO2e', 'group'));
    fc.assert(
      fc.property(
        fc.record({
          id: text,
          en: text,
          zh: text,
          indicatorId: opt(fc.oneof(text, fc.constant('ghg.scope1'))),
          entityId: opt(text),
          value: opt(text),
          unit: opt(text),
          baseYear: opt(text),
          baseValue: opt(text),
          targetYear: opt(text),
          milestones: opt(fc.array(fc.record({ year: text, value: text }), { maxLength: 3 })),
        }),
        (r) => {
          const t = JSON.parse(
            JSON.stringify({
              ...r,
              name: { en: r.en, 'zh-Hant': r.zh },
              comparator: 'max',
              en: undefined,
              zh: undefined,
            }),
          ) as Target;
          for (const i of validateTarget(t, ctx)) {
            expect(i.field).toMatch(known);
            expect(i.reason.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
