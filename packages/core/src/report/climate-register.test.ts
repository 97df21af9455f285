/**
 * The climate register in core (issue #18; docs/registers.md "Climate risks and opportunities"):
 * rules naming every field, the screening → register gap rule with its threshold, the checker's
 * findings (screening gap, certificate expiry against the report date), the report's climate,
 * certifications and supplier-practice tables in both languages, and the B5.2 count derived from
 * the supplier register against a hand count.
 */
import { describe, expect, it } from 'vitest';
import {
  scaleSetIssues,
  screeningSetIssues,
  validateClimateRisk,
  validateClimateScale,
  validateHazardScreening,
} from '../bundle/validate-climate-register.js';
import { registersRule } from '../checks/rules/registers.js';
import { screeningGaps, screeningThreshold } from '../methods/climate-screening.js';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import type { Bundle } from '../model/bundle.js';
import type { ClimateScaleLevel, HazardScreening } from '../model/climate-register.js';
import type { ClimateRisk } from '../model/registers.js';
import { runRule } from '../testing/check-fixtures.js';
import { reportTestBundle } from '../testing/report-bundle.js';
import { isQuantity } from '../units/quantity.js';
import { buildReport } from './build-report.js';
import type { Block, Section } from './model.js';

const t = (zh: string, en: string) => ({ 'zh-Hant': zh, en });
const SCALES: ClimateScaleLevel[] = [
  { id: 'short', axis: 'horizon', name: t('短期', 'Short term'), fromYears: 0, toYears: 3 },
  { id: 'medium', axis: 'horizon', name: t('中期', 'Medium term'), fromYears: 3, toYears: 10 },
  { id: 'long', axis: 'horizon', name: t('長期', 'Long term'), fromYears: 10 },
  { id: 'l-2', axis: 'likelihood', rank: 2, name: t('有可能', 'Possible') },
  { id: 'l-3', axis: 'likelihood', rank: 3, name: t('很可能', 'Likely') },
  { id: 'i-3', axis: 'impact', rank: 3, name: t('重大', 'Major') },
  { id: 'h-1', axis: 'hazard-score', rank: 1, name: t('低', 'Low') },
  { id: 'h-2', axis: 'hazard-score', rank: 2, name: t('中', 'Medium') },
  { id: 'h-3', axis: 'hazard-score', rank: 3, name: t('高', 'High'), needsRisk: true },
];
const heat: ClimateRisk = {
  id: 'heat',
  kind: 'physical-chronic',
  hazard: 'extreme-heat',
  name: t('高溫', 'Heat'),
  description: t('夏季高溫影響作業', 'Summer heat slows work'),
  horizon: 'medium',
  likelihood: 'l-3',
  impact: 'i-3',
  entityIds: ['mine'],
  financialEffect: t('成本上升', 'Higher costs'),
  financialAmount: { value: '1234567.5', currency: 'CNY', basis: t('每年', 'a year') },
  response: t('調整班次', 'Shift changes'),
  scenarios: ['ssp2-4.5'],
  owner: 'HSE',
  isDemonstration: true,
};
const score = (
  id: string,
  entityId: string,
  hazard: HazardScreening['hazard'],
  s: number,
): HazardScreening => ({
  id,
  entityId,
  hazard,
  score: s,
});
const ctx = { entityIds: new Set(['group', 'smelter', 'mine']), scales: SCALES };

function withClimate(extra: Partial<Bundle['registers']> = {}): Bundle {
  const b = reportTestBundle();
  return { ...b, registers: { ...b.registers, climateRisks: [heat], climateScales: SCALES, ...extra } };
}

const all = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...all(s.sections)]);
function table(b: Bundle, id: string): Extract<Block, { kind: 'table' }> | undefined {
  const model = buildReport({
    bundle: b,
    figures: evaluateBundle(b).figures,
    status: { state: 'final', units: 1 },
  });
  for (const s of all(model.sections))
    for (const x of s.blocks) if (x.kind === 'table' && x.id === id) return x;
  return undefined;
}
const cellText = (c: unknown, lang: 'en' | 'zh-Hant') => {
  const x = c as { kind: string; text?: Record<string, string>; value?: { text: string } };
  return x.kind === 'text' ? x.text?.[lang] : x.value?.text;
};

describe('climate register rules', () => {
  it('accepts a full row and names every bad field at once', () => {
    expect(validateClimateRisk(heat, ctx)).toEqual([]);
    const bad = {
      ...heat,
      kind: 'transition-market',
      likelihood: 'l-9',
      impact: 'i-3',
      entityIds: ['mine', 'nowhere', 'mine'],
      financialAmount: { value: '1,000', currency: 'yuan' },
      scenarios: ['SSP 2'],
      name: t('', 'Heat'),
    } as ClimateRisk;
    expect(validateClimateRisk(bad, ctx).map((i) => i.field)).toEqual([
      'name.zh-Hant',
      'likelihood',
      'entityIds',
      'entityIds',
      'hazard',
      'financialAmount.value',
      'financialAmount.currency',
      'scenarios',
    ]);
    expect(validateClimateRisk({ ...heat, likelihood: 'x' }, { ...ctx, scales: [] })[0]?.reason).toMatch(
      /no likelihood scale/,
    );
  });

  it('checks scale levels and screening scores against the scales', () => {
    for (const s of SCALES) expect(validateClimateScale(s)).toEqual([]);
    expect(
      validateClimateScale({
        id: 'medium',
        axis: 'horizon',
        name: t('中期', 'Medium'),
        fromYears: 5,
        toYears: 3,
      }).map((i) => i.field),
    ).toEqual(['toYears']);
    expect(
      validateClimateScale({ id: 'soon', axis: 'horizon', name: t('近', 'Soon'), fromYears: 0 }).map(
        (i) => i.field,
      ),
    ).toEqual(['id', 'toYears']);
    expect(
      validateClimateScale({ id: 'x', axis: 'likelihood', name: t('甲', 'A'), needsRisk: true }).map(
        (i) => i.field,
      ),
    ).toEqual(['rank', 'needsRisk']);
    expect(validateHazardScreening(score('s', 'mine', 'flood', 3), ctx)).toEqual([]);
    expect(
      validateHazardScreening(score('s', 'mars', 'meteor' as never, 7), ctx).map((i) => i.field),
    ).toEqual(['entityId', 'hazard', 'score']);
  });

  it('validates registers.yaml: a second score for one site and hazard, overlapping horizons', () => {
    const b = withClimate({
      climateScales: [
        ...SCALES.filter((s) => s.id !== 'medium'),
        { ...(SCALES[1] as ClimateScaleLevel), fromYears: 2 },
      ],
      hazardScreening: [score('a', 'mine', 'flood', 2), score('b', 'mine', 'flood', 3)],
    });
    expect(scaleSetIssues(b.registers.climateScales ?? []).map((x) => `${x.id}.${x.issue.field}`)).toEqual([
      'medium.fromYears',
    ]);
    expect(
      screeningSetIssues(b.registers.hazardScreening ?? []).map((x) => `${x.id}.${x.issue.field}`),
    ).toEqual(['b.hazard']);
  });
});

describe('screening → register', () => {
  it('flags a hazard at or above the threshold without a physical risk for its site', () => {
    expect(screeningThreshold(SCALES)).toBe(3);
    const b = withClimate({
      hazardScreening: [
        score('mine.heat', 'mine', 'extreme-heat', 3), // covered by "heat"
        score('smelter.heat', 'smelter', 'extreme-heat', 3), // not: heat names the mine only
        score('mine.flood', 'mine', 'flood', 2), // below the threshold
        score('mine.dust', 'mine', 'dust-storm', 3), // no risk for dust
      ],
    });
    expect(screeningGaps(b.registers).map((g) => g.screening.id)).toEqual(['smelter.heat', 'mine.dust']);
    // a group-wide risk (no sites) covers every site; a transition risk covers none
    const { entityIds: _drop, ...wideRow }: ClimateRisk = { ...heat, id: 'dust', hazard: 'dust-storm' };
    expect(
      screeningGaps({ ...b.registers, climateRisks: [heat, wideRow as ClimateRisk] }).map(
        (g) => g.screening.id,
      ),
    ).toEqual(['smelter.heat']);
    expect(
      screeningGaps({ ...b.registers, climateScales: SCALES.map(({ needsRisk: _n, ...s }) => s) }),
    ).toEqual([]);
    const findings = runRule(registersRule, b).filter((f) => f.code === 'screening-without-risk');
    expect(findings.map((f) => [f.severity, f.where.entityId, f.lineage])).toEqual([
      ['warning', 'smelter', ['register:hazardScreening/smelter.heat']],
      ['warning', 'mine', ['register:hazardScreening/mine.dust']],
    ]);
    expect(findings[0]?.message['zh-Hant']).toContain('示例冶煉廠的極端高溫篩查評分為3');
  });

  it('warns of certificates expired or expiring by the report date (31 December unless given)', () => {
    const cert = (id: string, expiresOn: string) => ({
      id,
      standard: 'iso-14001' as const,
      entityId: 'mine',
      scope: t('採礦', 'Mining'),
      issuer: '認證中心',
      certificateNumber: 'N-1',
      issuedOn: '2022-01-01',
      expiresOn,
    });
    const b = withClimate({
      certifications: [cert('old', '2025-12-30'), cert('soon', '2026-03-31'), cert('later', '2026-04-01')],
    });
    // 2025-12-31 → 2026-03-31 is 90 days (inclusive window), → 2026-04-01 is 91
    expect(
      runRule(registersRule, b)
        .filter((f) => f.code.startsWith('certificate'))
        .map((f) => [f.code, f.severity, f.lineage?.[0]]),
    ).toEqual([
      ['certificate-expired', 'warning', 'register:certifications/old'],
      ['certificate-expiring', 'info', 'register:certifications/soon'],
    ]);
  });
});

describe('the report tables', () => {
  it('prints the climate register with horizon years, levels and the amount in both languages', () => {
    const x = table(withClimate(), 'climate-risks');
    const row = x?.rows[0] ?? [];
    expect(row.map((c) => cellText(c, 'en'))).toEqual([
      'Chronic physical risk',
      'Heat: Summer heat slows work (sites: Demo Mining) (demonstration data)',
      'Medium term (3–10 years)',
      'Likely / Major',
      'Higher costs About CNY 1,234,568 (a year).',
      'Shift changes',
    ]);
    expect(row.map((c) => cellText(c, 'zh-Hant'))).toEqual([
      '慢性實體風險',
      '高溫：夏季高溫影響作業（涉及：示例礦業）（示範數據）',
      '中期（3至10年）',
      '很可能／重大',
      '成本上升約人民幣1,234,568元（每年）。',
      '調整班次',
    ]);
    const bare = table(reportTestBundle(), 'climate-risks');
    expect(bare?.rows[0]?.map((c) => cellText(c, 'en')).slice(2, 4)).toEqual([
      'Long term',
      'Not assessed / Not assessed',
    ]);
  });

  it('prints the screening, the certificates and the B5 practices; none when empty', () => {
    const b = withClimate({
      hazardScreening: [score('mine.heat', 'mine', 'extreme-heat', 3)],
      certifications: [
        {
          id: 'c1',
          standard: 'iso-45001',
          entityId: 'smelter',
          scope: t('冶煉', 'Smelting'),
          issuer: '認證中心',
          certificateNumber: 'N-2',
          issuedOn: '2024-01-01',
          expiresOn: '2027-01-01',
        },
      ],
      supplierPractices: [
        { id: 'p4', provision: 'B5.4', text: t('綠色採購', 'Green buying') },
        { id: 'p2', provision: 'B5.2', text: t('年度評估', 'Yearly assessment') },
      ],
    });
    expect(
      table(b, 'climate-hazard-screening')?.rows.map((r) => r.map((c) => cellText(c, 'zh-Hant'))),
    ).toEqual([['示例礦業', '極端高溫', '3', '高']]);
    expect(table(b, 'certifications')?.rows.map((r) => r.map((c) => cellText(c, 'en')))).toEqual([
      ['Demo Smelter', 'ISO 45001 occupational health and safety', 'Smelting', '認證中心', '2027-01-01'],
    ]);
    expect(table(b, 'certifications')?.rows[0]?.map((c) => cellText(c, 'zh-Hant'))[1]).toBe(
      '職業健康安全管理體系（國際標準45001）',
    );
    expect(table(b, 'supplier-practices')?.rows.map((r) => cellText(r[1], 'en'))).toEqual([
      'Yearly assessment',
      'Green buying',
    ]);
    const empty = reportTestBundle();
    expect(table(empty, 'certifications')).toBeUndefined();
    expect(table(empty, 'supplier-practices')).toBeUndefined();
    expect(table(empty, 'climate-hazard-screening')).toBeUndefined();
  });
});

describe('HKEX B5.2 derived from the supplier register', () => {
  it('counts suppliers with an ESG assessment on file, one per credit code, blacklisted left out', () => {
    const b = reportTestBundle();
    const s = (id: string, entityId: string, code: string, extra: object) => ({
      id,
      name: t(id, id),
      creditCode: code,
      entityId,
      region: 'xinjiang',
      category: 'reagents',
      status: 'approved' as const,
      ...extra,
    });
    const assessed = { esgResult: 'pass', esgAssessedOn: '2025-03-01' };
    const bundle: Bundle = {
      ...b,
      registers: {
        ...b.registers,
        suppliers: [
          s('a-smelter', 'smelter', 'A', assessed), // counted
          s('a-mine', 'mine', 'A', assessed), // the same code: once at the group
          s('b', 'mine', 'B', { ...assessed, esgResult: 'conditional' }), // counted
          s('c', 'mine', 'C', {}), // no assessment
          s('d', 'mine', 'D', { ...assessed, status: 'blacklisted' }), // left out
          s('e', 'smelter', 'E', { ...assessed, status: 'suspended' }), // counted
        ] as never,
      },
    };
    const figs = evaluateBundle(bundle).figures.filter(
      (f) => f.indicatorId === 'suppliers.assessed' && f.periodId === bundle.reporting.current,
    );
    const value = (e: string) => {
      const f = figs.find((x) => x.entityId === e);
      return f && isQuantity(f.value) ? f.value.value.toString() : undefined;
    };
    // hand count: group {A, B, E} = 3; smelter {A, E} = 2; mine {A, B} = 2
    expect([value('group'), value('smelter'), value('mine')]).toEqual(['3', '2', '2']);
  });
});
