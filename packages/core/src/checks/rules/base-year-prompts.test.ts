/** The checker warns of an entity acquired during the reporting year, naming it and the policy. */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../decimal.js';
import { bundle, sub } from '../../testing/bundle-builder.js';
import { checkBundle } from '../check-bundle.js';

describe('base-year prompt (master data)', () => {
  it('one warning per entity acquired or disposed of in the year; none otherwise', () => {
    const b = bundle({ entities: [sub('smelter'), sub('mine')] });
    const org = {
      ...b.organisation,
      baseYear: {
        year: '2020',
        thresholdPercent: new Decimal('5'),
        triggers: ['structural-change' as const],
      },
      entities: b.organisation.entities.map((e) =>
        e.id === 'mine' ? { ...e, acquiredOn: '2025-07-01' } : e,
      ),
    };
    const found = checkBundle({ ...b, organisation: org }).findings.filter((f) =>
      f.code.startsWith('base-year'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ruleId: 'master-data',
      code: 'base-year-acquisition',
      severity: 'warning',
      where: { entityId: 'mine', periodId: '2025' },
      actual: '2025-07-01',
    });
    expect(found[0]?.message.en).toMatch(/^mine was acquired on 2025-07-01.*base year 2020/);
    expect(checkBundle(b).findings.filter((f) => f.code.startsWith('base-year'))).toEqual([]);
  });
});
