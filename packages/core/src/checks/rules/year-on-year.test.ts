import { describe, expect, it } from 'vitest';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { yearOnYearRule } from './year-on-year.js';

const haz = (period: string, printed: string) =>
  pub(`haz-${period}`, printed, '千噸', {
    indicator: 'waste.hazardous',
    period,
    figure: `waste.hazardous.total@group/${period}`,
  });

describe('rule 6: year on year', () => {
  it('warns about a swing beyond ±30% with no explanation', () => {
    const fs = runRule(yearOnYearRule, smallGroup([haz('2024', '0.08'), haz('2025', '2.80')]));
    expect(codes(fs)).toEqual(['warning:unexplained-change']);
    expect(fs[0]?.actual).toContain('+3400.0%');
  });

  it('accepts the swing once an explanation names the figure, and small changes', () => {
    const explained = smallGroup([haz('2024', '0.08'), haz('2025', '2.80')]);
    const registers = {
      ...explained.registers,
      explanations: [
        { subject: 'haz-2025', text: { 'zh-Hant': '新增危廢處置線', en: 'A new hazardous-waste line' } },
      ],
    };
    expect(runRule(yearOnYearRule, { ...explained, registers })).toEqual([]);
    expect(runRule(yearOnYearRule, smallGroup([haz('2024', '2.50'), haz('2025', '2.80')]))).toEqual([]);
  });
});
