/** Finding ids: stable over values and messages, different by place, rule or code. */
import { describe, expect, it } from 'vitest';
import { checkBundle } from './check-bundle.js';
import type { Finding } from './finding.js';
import { findingId } from './finding-id.js';

const base: Finding = {
  ruleId: 'rounding',
  code: 'truncated',
  severity: 'warning',
  where: { entityId: 'smelter', periodId: '2025', indicatorId: 'ghg.scope1' },
  expected: '12.35',
  actual: '12.3',
  message: { 'zh-Hant': '截斷', en: 'truncated' },
};

describe('findingId', () => {
  it('depends on rule, code and place only', () => {
    const id = findingId(base);
    expect(id).toMatch(/^f-[0-9a-f]{16}$/);
    const otherValues: Finding = {
      ...base,
      expected: '99',
      actual: '98',
      message: { 'zh-Hant': '', en: '' },
    };
    expect(findingId(otherValues)).toBe(id);
    expect(findingId({ ...base, code: 'rounded-down' })).not.toBe(id);
    expect(findingId({ ...base, ruleId: 'recompute' })).not.toBe(id);
    expect(findingId({ ...base, where: { ...base.where, entityId: 'mine' } })).not.toBe(id);
    expect(findingId({ ...base, where: { entityId: 'smelter', indicatorId: 'ghg.scope1' } })).not.toBe(id);
    // A pinned value (FNV-1a 64 of the key), so ids never change between releases unnoticed.
    expect(findingId({ ruleId: 'units', code: 'x', where: {} })).toBe('f-d4565194ebc1fc56');
  });

  it('is the same across runs of the checker over the same bundle', async () => {
    const { reportTestBundle } = await import('../testing/index.js');
    const once = checkBundle(reportTestBundle()).findings.map(findingId);
    const twice = checkBundle(reportTestBundle()).findings.map(findingId);
    expect(once.length).toBeGreaterThan(0);
    expect(twice).toEqual(once);
  });
});
