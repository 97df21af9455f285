/** Requirement ids by their printed names (requirement-text.ts), over a built bundle's catalogue. */
import { describe, expect, it } from 'vitest';
import * as builder from '../testing/bundle-builder.js';
import { requirementNamer } from './requirement-text.js';

describe('requirementNamer', () => {
  const name = requirementNamer(builder.bundle({ entities: [], frameworks: [] }));
  it('names indicators (with a breakdown), sections and register practices; keeps an unknown id', () => {
    expect(name('ghg.scope1')['zh-Hant']).not.toMatch(/[a-z]/);
    expect(name('employees.headcount[gender]')['zh-Hant']).toMatch(/（按性別）$/);
    expect(name('scope3')).toEqual({ 'zh-Hant': '範圍3排放', en: 'Scope 3 emissions' });
    expect(name('supplierPractices#B5.2')).toEqual({
      'zh-Hant': '供應商管理慣例 B5.2',
      en: 'supplier practices B5.2',
    });
    expect(name('employees.headcount[no-such-axis]')).toEqual({
      'zh-Hant': 'employees.headcount[no-such-axis]',
      en: 'employees.headcount[no-such-axis]',
    });
    expect(name('something-else')).toEqual({ 'zh-Hant': 'something-else', en: 'something-else' });
  });
});
