/** Finding ids: stable over values and messages, different by place, rule or code. */
import { describe, expect, it } from 'vitest';
import { checkBundle } from './check-bundle.js';
import type { Finding } from './finding.js';
import { findingId, findingInputsDigest } from './finding-id.js';

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

  it('does not depend on the order of the data, nor on an edit that moves no finding', async () => {
    const { reportTestBundle } = await import('../testing/index.js');
    const b = reportTestBundle();
    const before = new Map(checkBundle(b).findings.map((f) => [findingId(f), findingInputsDigest([f])]));
    // The same facts in reverse order, every data point's source reworded: nothing a rule reads.
    const edited = {
      ...b,
      dataPoints: [...b.dataPoints].reverse().map((d) => ({ ...d, source: `${d.source ?? ''} (re-keyed)` })),
      published: [...b.published].reverse(),
    };
    const after = new Map(checkBundle(edited).findings.map((f) => [findingId(f), findingInputsDigest([f])]));
    expect(before.size).toBeGreaterThan(0);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [id, digest] of before) expect(after.get(id), id).toBe(digest);
  });
});

describe('findingInputsDigest', () => {
  it('changes with the values compared, not with the message, severity or order', () => {
    const d = findingInputsDigest([base]);
    expect(d).toMatch(/^d-[0-9a-f]{16}$/);
    const reworded: Finding = { ...base, message: { 'zh-Hant': '另', en: 'other words' }, severity: 'error' };
    expect(findingInputsDigest([reworded])).toBe(d);
    expect(findingInputsDigest([{ ...base, actual: '12.4' }])).not.toBe(d);
    expect(findingInputsDigest([{ ...base, lineage: ['fact a = 1 t'] }])).not.toBe(d);
    // A fact's source is not an input; its value is.
    expect(findingInputsDigest([{ ...base, lineage: ['fact a = 1 t (ERP)'] }])).toBe(
      findingInputsDigest([{ ...base, lineage: ['fact a = 1 t (HR system, re-keyed)'] }]),
    );
    expect(findingInputsDigest([{ ...base, lineage: ['fact a = 1 t (ERP)'] }])).not.toBe(
      findingInputsDigest([{ ...base, lineage: ['fact a = 2 t (ERP)'] }]),
    );
    const two = { ...base, expected: '1', actual: '2', lineage: ['b', 'a'] };
    expect(findingInputsDigest([base, two])).toBe(
      findingInputsDigest([{ ...two, lineage: ['a', 'b'] }, base]),
    );
  });
});
