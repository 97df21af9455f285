import { describe, expect, it } from 'vitest';
import { codes, runRule, smallGroup } from '../../testing/check-fixtures.js';
import { pub } from '../testing/published.js';
import { unitsRule } from './units.js';

const intensity = 'ghg.scope1.intensity.revenue@group/2025';

describe('rule 1: units and dimensions', () => {
  it('flags an intensity printed per CNY when its label means per CNY million', () => {
    const p = pub('s1-int', '0.03', '千噸二氧化碳當量/CNY', {
      figure: intensity,
      label: '每百萬營收直接溫室氣體排放',
    });
    const fs = runRule(unitsRule, smallGroup([p]));
    expect(codes(fs)).toEqual(['error:intensity-denominator']);
    expect(fs[0]?.message.en).toContain('1000000');
  });

  it('flags an energy label printed in an emissions unit', () => {
    const p = pub('sdg', '205.22', '千噸二氧化碳當量', { label: '綜合能源消費總量' });
    expect(codes(runRule(unitsRule, smallGroup([p])))).toEqual(['error:energy-emissions-swap']);
  });

  it('accepts units that fit, with the denominator named at its scale', () => {
    const ps = [
      pub('a', '30.12', '噸二氧化碳當量/百萬元', { figure: intensity, label: '每百萬營收直接溫室氣體排放' }),
      pub('b', '1,000.00', '兆瓦時', { figure: 'energy.indirect@group/2025', label: '間接能源消耗' }),
      pub('c', '88.85%', '', { figure: 'training.coverage@group/2025', label: '員工培訓覆蓋率' }),
    ];
    expect(runRule(unitsRule, smallGroup(ps))).toEqual([]);
  });

  it('writes units and dimensions in Chinese in the zh-Hant message (issue #19)', () => {
    const ps = [
      pub('s1-int', '0.03', '千噸二氧化碳當量/CNY', {
        figure: intensity,
        label: '每百萬營收直接溫室氣體排放',
      }),
      pub('kt', '12.5', '千噸', { figure: 'ghg.total.location@group/2025', label: '溫室氣體排放總量' }),
      pub('w', '90', '噸', { figure: 'water.recycled@group/2025', label: '循環用水量' }),
    ];
    const fs = runRule(unitsRule, smallGroup(ps));
    expect(codes(fs)).toEqual([
      'error:intensity-denominator',
      'warning:co2e-as-mass',
      'error:dimension-mismatch',
    ]);
    // no Latin-script word outside the printed label itself (quoted as printed, in 「」)
    const zh = fs.map((f) => f.message['zh-Hant'].replace(/「[^」]*」/g, ''));
    expect(zh.join(' ').match(/[A-Za-z]+/g)).toBeNull();
    expect(zh[0]).toContain('標籤所指分母為 百萬元');
    expect(zh[1]).toContain('此處按 千噸二氧化碳當量 理解');
    expect(zh[2]).toContain('量綱為質量，但該數據應以 立方米（體積）表示');
  });
});
