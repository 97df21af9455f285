import { describe, expect, it } from 'vitest';
import { runRule, smallGroup } from '../../testing/check-fixtures.js';
import { completenessRule } from './completeness.js';

describe('rule 8: completeness', () => {
  it('reports missing mandatory provisions as errors and withdrawn citations as warnings', () => {
    const b = smallGroup();
    const registers = {
      ...b.registers,
      explanations: [{ subject: 'hkex:A1.2', text: { 'zh-Hant': '不適用', en: 'Not applicable' } }],
    };
    const fs = runRule(completenessRule, { ...b, frameworks: { frameworks: ['hkex'] }, registers });
    expect(fs.some((f) => f.code === 'mandatory-missing' && f.severity === 'error')).toBe(true);
    expect(fs.some((f) => f.code === 'comply-or-explain-missing' && f.severity === 'warning')).toBe(true);
    expect(fs.find((f) => f.code === 'deprecated-provision')?.actual).toBe('hkex:A1.2');
  });

  it('has nothing to say when the bundle reports against no framework', () => {
    expect(runRule(completenessRule, smallGroup())).toEqual([]);
  });
});
