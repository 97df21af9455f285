/** Narrative placeholders and the unbound-number rule (narrative-refs.ts). */
import { describe, expect, it } from 'vitest';
import { narrativeRefs, refFigureId, unboundNumbers } from './narrative-refs.js';

describe('placeholders', () => {
  it('default to the group and the current year; axes are sorted; |unit is read', () => {
    expect(refFigureId('ghg.scope1', 'group', '2025')).toBe('ghg.scope1@group/2025');
    expect(refFigureId('x[b=2;a=1]@mine/2024', 'group', '2025')).toBe('x[a=1;b=2]@mine/2024');
    expect(refFigureId('x/2024', 'group', '2025')).toBe('x@group/2024');
    expect(refFigureId('x[a]', 'group', '2025')).toBeUndefined();
    const refs = narrativeRefs(
      'a {{figure:ghg.scope1|unit}} b {{figure:y|precision=0}} {{ figure: }}',
      'g',
      '2025',
    );
    expect(refs.map((r) => [r.figureId, r.withUnit])).toEqual([
      ['ghg.scope1@g/2025', true],
      [undefined, false], // an unknown option is unreadable, not ignored
      [undefined, false],
    ]);
  });
});

describe('unbound numbers', () => {
  it('reports typed quantities, in both scripts, grouped or decimal', () => {
    expect(unboundNumbers('排放合計205.22千噸，員工1,839人，用水４７２萬')).toEqual([
      '205.22',
      '1,839',
      '４７２',
    ]);
    expect(unboundNumbers('We held 187 drills and 10⁴ m³')).toEqual(['187', '10']);
  });

  it('exempts years, dates, codes, scopes and ordinals, and bound placeholders', () => {
    const exempt = [
      '本報告涵蓋2025曆年，於2026年3月31日審批',
      'approved in March 2026, on 2026-03-31',
      '附錄C2、KPI A1.1、IFRS S2、GRI 2-4、GRI 305-1、ISO 14001、GB/T 2589-2020',
      'Scope 1 and 2, Scope 1+2, 範圍1及2, 範圍3, 第3章',
      'the 1st and 2nd',
      '排放{{figure:ghg.scope1|unit}}，去年{{figure:ghg.scope1/2024}}',
    ];
    for (const t of exempt) expect(unboundNumbers(t), t).toEqual([]);
  });
});
