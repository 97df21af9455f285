/**
 * The base-year rules with hand-computed figures: the significance test on the GHG Protocol
 * test vector of ../shared/reference/phase2-domain.md §1.1 (base 150,000 t; threshold 5 %),
 * the threshold's edge decided exactly, a zero base, and the acquisition prompt.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import type { Organisation } from '../model/organisation.js';
import { bundle, sub } from '../testing/bundle-builder.js';
import { baseYearPrompts, percentText, scope12FigureId, significance } from './base-year.js';

const d = (s: string) => new Decimal(s);
const FIVE = d('5');

describe('significance: |Δ base-year Scope 1+2| / base-year Scope 1+2 ≥ threshold', () => {
  it('acquiring S, which emitted 12,000 t in the 2020 base year of 150,000 t: 8.0 %, significant; base → 162,000', () => {
    const s = significance({ before: d('150000'), after: d('162000'), thresholdPercent: FIVE });
    expect(s.delta.toFixed()).toBe('12000');
    expect(s.percent?.toFixed()).toBe('8');
    expect(s.alone).toBe(true);
    expect(s.significant).toBe(true);
  });

  it('divesting B (50,000 t of 162,000 t): a decrease counts by its size, 30.864… %', () => {
    const s = significance({ before: d('162000'), after: d('112000'), thresholdPercent: FIVE });
    expect(s.delta.toFixed()).toBe('-50000');
    expect(s.percent && percentText(s.percent)).toBe('30.9');
    expect(s.significant).toBe(true);
  });

  it('a 3 % factor revision is below the threshold: no recalculation asked for', () => {
    const s = significance({ before: d('150000'), after: d('154500'), thresholdPercent: FIVE });
    expect(s.percent?.toFixed()).toBe('3');
    expect(s).toMatchObject({ alone: false, significant: false });
  });

  it('acquisitions of 2.0 % + 1.5 % + 2.0 % are 5.5 % together: significant cumulatively, not alone', () => {
    const s = significance({
      before: d('150000'),
      after: d('153000'), // the third: 3,000 t = 2.0 %
      earlier: [d('3000'), d('-2250')], // 2.0 % and 1.5 % (a decrease counts by its size)
      thresholdPercent: FIVE,
    });
    expect(s.percent?.toFixed()).toBe('2');
    expect(s.cumulativePercent?.toFixed()).toBe('5.5');
    expect(s).toMatchObject({ alone: false, significant: true });
  });

  it('exactly at the threshold is significant, one kilogram below is not (no rounding decides)', () => {
    expect(
      significance({ before: d('150000'), after: d('157500'), thresholdPercent: FIVE }).significant,
    ).toBe(true);
    expect(
      significance({ before: d('150000'), after: d('157499.999'), thresholdPercent: FIVE }).significant,
    ).toBe(false);
    // 0.5 % of 200 t is 1 t: 1 t reaches it, 0.999 t does not.
    expect(significance({ before: d('200'), after: d('201'), thresholdPercent: d('0.5') }).significant).toBe(
      true,
    );
    expect(
      significance({ before: d('200'), after: d('199.001'), thresholdPercent: d('0.5') }).significant,
    ).toBe(false);
  });

  it('a zero base: any change is significant and no per cent is printed', () => {
    const s = significance({ before: d('0'), after: d('10'), thresholdPercent: FIVE });
    expect(s).toMatchObject({ percent: null, cumulativePercent: null, significant: true });
    expect(significance({ before: d('0'), after: d('0'), thresholdPercent: FIVE }).significant).toBe(false);
  });
});

describe('the base-year figure and the acquisition prompt', () => {
  const policy = { year: '2020', thresholdPercent: FIVE, triggers: ['structural-change' as const] };
  const org = (p: Organisation['baseYear'] | undefined, dates: Record<string, string>): Organisation => {
    const b = bundle({
      entities: [sub('smelter'), sub('mine', { name: { 'zh-Hant': '示例礦業', en: 'Demo Mining' } })],
    });
    return {
      ...b.organisation,
      ...(p ? { baseYear: p } : {}),
      entities: b.organisation.entities.map((e) =>
        e.id === 'mine'
          ? {
              ...e,
              ...(dates.acquired ? { acquiredOn: dates.acquired } : {}),
              ...(dates.disposed ? { disposedOn: dates.disposed } : {}),
            }
          : e,
      ),
    };
  };

  it('weighs the group Scope 1 + 2 (location-based) of the base year', () => {
    expect(scope12FigureId(org(policy, {}), '2020')).toBe('ghg.total.location@group/2020');
  });

  it('an entity acquired during the reporting year prompts the recalculation the policy asks for, naming both', () => {
    const [p, ...rest] = baseYearPrompts(org(policy, { acquired: '2025-07-01' }), '2025');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      kind: 'acquisition',
      entityId: 'mine',
      date: '2025-07-01',
      reportingYear: '2025',
    });
    expect(p?.message.en).toContain('Demo Mining was acquired on 2025-07-01, during the reporting year 2025');
    expect(p?.message.en).toContain(
      'base year 2020; recalculate when a change moves base-year Scope 1 and 2 by 5 % or more',
    );
    expect(p?.message['zh-Hant']).toContain('示例礦業於2025-07-01收購（2025報告年度內）');
    expect(p?.message['zh-Hant']).toContain('基準年2020年');
  });

  it('a disposal in the year prompts too; dates in other years do not; no base year asks to set one', () => {
    expect(baseYearPrompts(org(policy, { disposed: '2025-12-31' }), '2025').map((p) => p.kind)).toEqual([
      'disposal',
    ]);
    expect(baseYearPrompts(org(policy, { acquired: '2024-12-31' }), '2025')).toEqual([]);
    const none = baseYearPrompts(org(undefined, { acquired: '2025-01-01' }), '2025');
    expect(none[0]?.message.en).toContain('No base year is set');
  });

  it('a policy that leaves structural changes out asks for nothing', () => {
    const p = { ...policy, triggers: ['error-correction' as const] };
    expect(baseYearPrompts(org(p, { acquired: '2025-07-01' }), '2025')).toEqual([]);
  });
});
