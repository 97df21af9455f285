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

  it('gives expected and actual in both languages: the same numbers, words and units in Chinese', () => {
    const [f] = runRule(yearOnYearRule, smallGroup([haz('2024', '0.08'), haz('2025', '2.80')]));
    expect(f?.expectedText).toEqual({ en: f?.expected, 'zh-Hant': '變動不超過 ±30%，或已記錄解釋' });
    expect(f?.actualText?.en).toBe(f?.actual);
    expect(f?.actualText?.['zh-Hant']).toBe('0.08 → 2.8 千噸（+3400.0%）');
    expect(f?.message['zh-Hant']).toContain('2.8 千噸（+3400.0%）');
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

  it('compares the intervals printed values stand for: 10 → 13.4 may be +28%, 10 → 13.6 cannot be within 30%', () => {
    // 10 stands for [9.5, 10.5], 13.4 for [13.35, 13.45]: 13.45 / 10.5 = 1.281 is within ±30%
    expect(runRule(yearOnYearRule, smallGroup([haz('2024', '10'), haz('2025', '13.4')]))).toEqual([]);
    // 13.95 / 10.5 = 1.329: every reading is beyond +30%
    const fs = runRule(yearOnYearRule, smallGroup([haz('2024', '10'), haz('2025', '13.9')]));
    expect(codes(fs)).toEqual(['warning:unexplained-change']);
  });

  it('compares a number tied to no figure with last year’s number of the same label and unit', () => {
    const said = (period: string, t: string, label = '全年節約用電') =>
      pub(`s-${period}-${label}`, t, '兆瓦時', { label, period });
    const fs = runRule(yearOnYearRule, smallGroup([said('2024', '16.0'), said('2025', '86.0')]));
    expect(codes(fs)).toEqual(['warning:unexplained-change']);
    expect(fs[0]?.message.en).toContain('against s-2024-全年節約用電');
    expect(runRule(yearOnYearRule, smallGroup([said('2024', '16.0'), said('2025', '17.6')]))).toEqual([]);
    // another label is another number
    expect(
      runRule(yearOnYearRule, smallGroup([said('2024', '16.0', '節約用水'), said('2025', '86.0')])),
    ).toEqual([]);
  });
});
