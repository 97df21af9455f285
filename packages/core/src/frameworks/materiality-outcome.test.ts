import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../checks/check-bundle.js';
import { MATERIALITY_SEED_TOPICS, type MaterialitySurvey } from '../model/materiality.js';
import type { IssuerType } from '../model/organisation.js';
import { bundle, explanation, fig, section } from '../testing/bundle-builder.js';
import { assessCompleteness, type CompletenessReport } from './assess-completeness.js';
import { buildContentIndex } from './content-index.js';
import { type MaterialityOutcome, materialityOutcome, provisionAspect } from './materiality-outcome.js';

const survey = (topics = MATERIALITY_SEED_TOPICS): MaterialitySurvey => ({
  id: 's-2025',
  title: { 'zh-Hant': '問卷', en: 'Survey' },
  year: '2025',
  doubleMateriality: true,
  threshold: '3.5',
  groups: [{ id: 'g', name: { 'zh-Hant': '員工', en: 'Employees' }, weight: '1' }],
  topics,
});
/** The seed topics (A1..B8) assessed; `approved` the material ones by aspect. */
const approve = (approved: readonly string[], s = survey()): MaterialityOutcome => {
  const o = materialityOutcome(s, {
    surveyId: s.id,
    topicIds: s.topics.filter((t) => t.hkex?.some((a) => approved.includes(a))).map((t) => t.id),
    approvedBy: 'Ann Lee',
    approvedOn: '2026-01-20',
  });
  if (!o) throw new Error('no outcome');
  return o;
};
const scope12 = [fig('ghg.scope1', '1200 tCO2e'), fig('ghg.scope2.location', '800 tCO2e')];
const row = (r: CompletenessReport, code: string) => {
  const a = r.provisions.find((p) => p.provision.code === code);
  if (!a) throw new Error(`no ${code}`);
  return a;
};

describe('the approved materiality assessment in completeness', () => {
  it('maps HKEX provisions to their aspect: Part C by prefix, Part D to A4, Part B and other frameworks to none', () => {
    expect(provisionAspect('hkex', 'B5.2')).toBe('B5');
    expect(provisionAspect('hkex', 'A2.GD')).toBe('A2');
    expect(provisionAspect('hkex', 'D.MT.GHG.e')).toBe('A4');
    expect(provisionAspect('hkex', 'MDR.RP.MAT')).toBeUndefined();
    expect(provisionAspect('gri', '305-1')).toBeUndefined();
  });

  it('explains a missing comply-or-explain provision of an aspect found not material, in both languages', () => {
    const b = bundle({});
    const before = assessCompleteness({ bundle: b, figures: scope12, framework: 'hkex' });
    const after = assessCompleteness({
      bundle: b,
      figures: scope12,
      framework: 'hkex',
      materiality: approve(['A1', 'A2']),
    });
    expect(row(before, 'B8.1').status).toBe('missing');
    const b81 = row(after, 'B8.1');
    expect(b81.status).toBe('explained');
    expect(b81.explanation).toEqual({
      subject: 'hkex:B8.1',
      text: {
        en: 'Not material under the materiality assessment approved on 2026-01-20: aspect B8 is not among the approved material topics, so it is not reported.',
        'zh-Hant': '根據於2026-01-20審批的重要性評估，層面B8不屬經審批的重要議題，故不作匯報。',
      },
    });
    const zh = buildContentIndex(after, 'zh-Hant').rows.find((r) => r.code === 'B8.1');
    expect(zh).toMatchObject({ status: 'explained', explanation: expect.stringContaining('2026-01-20') });
    expect(
      after.findings.filter((f) => f.code === 'material-missing').map((f) => 'provision' in f && f.provision),
    ).not.toContain('hkex:B8.1');
  });

  it('keeps a material aspect’s missing provision missing, with a finding naming the approved topics', () => {
    const r = assessCompleteness({
      bundle: bundle({}),
      figures: scope12,
      framework: 'hkex',
      materiality: approve(['A2']),
    });
    expect(row(r, 'A2.5').status).toBe('missing');
    expect(row(r, 'A2.5').explanation).toBeUndefined();
    expect(r.findings).toContainEqual({
      severity: 'warning',
      code: 'material-missing',
      provision: 'hkex:A2.5',
      aspect: 'A2',
      topics: { en: 'Use of resources', 'zh-Hant': '資源使用' },
      approvedOn: '2026-01-20',
      message:
        'hkex:A2.5 is required by the topic list approved on 2026-01-20 (material: Use of resources) and is not disclosed or explained',
    });
  });

  it('never explains a mandatory provision away: Scope 1/2 (FY2025) and LargeCap Part D (FY2026)', () => {
    const notClimate = approve(['A1']);
    const y25 = assessCompleteness({
      bundle: bundle({}),
      figures: [],
      framework: 'hkex',
      materiality: notClimate,
    });
    expect(row(y25, 'D.MT.GHG.b')).toMatchObject({ obligation: 'mandatory', status: 'missing' });
    expect(row(y25, 'D.MT.GHG.b').explanation).toBeUndefined();
    // GHG (a): Scope 1/2 mandatory, Scope 3 comply-or-explain: a mandatory element missing keeps it missing
    expect(row(y25, 'D.MT.GHG.a').status).toBe('missing');
    expect(y25.findings).toContainEqual(
      expect.objectContaining({ code: 'mandatory-missing', provision: 'hkex:D.MT.GHG.a' }),
    );
    expect(y25.findings.map((f) => f.code)).not.toContain('mandatory-explained');
    // the comply-or-explain rest of Part D is explained for a Main Board issuer in FY2025
    expect(row(y25, 'D.MT.CAP.b').status).toBe('explained');
    const y26 = assessCompleteness({
      bundle: bundle({ issuerType: 'largecap', reporting: { current: '2026', prior: [] } }),
      figures: [],
      framework: 'hkex',
      materiality: notClimate,
    });
    expect(row(y26, 'D.MT.CAP.b')).toMatchObject({ obligation: 'mandatory', status: 'missing' });
    expect(y26.findings.map((f) => f.code)).not.toContain('mandatory-explained');
  });

  it('leaves an aspect the survey did not assess, a stated explanation and a partly disclosed provision alone', () => {
    const onlyA = survey(MATERIALITY_SEED_TOPICS.filter((t) => t.hkex?.[0]?.startsWith('A')));
    const o = approve(['A1'], onlyA);
    const r = assessCompleteness({
      bundle: bundle({ registers: { explanations: [explanation('hkex:A2.5', 'No packaging is used.')] } }),
      figures: scope12,
      framework: 'hkex',
      materiality: o,
    });
    expect(row(r, 'B8.1').status).toBe('missing'); // B8 not assessed: the assessment says nothing
    expect(row(r, 'A2.5').explanation?.text.en).toBe('No packaging is used.');
    expect(row(r, 'A3.1').status).toBe('explained'); // A3 assessed, not approved
    // A2.1 partly disclosed (energy figure only): stays so, with no explanation attached
    const partly = assessCompleteness({
      bundle: bundle({}),
      figures: [...scope12, fig('energy.total', '10 MWh')],
      framework: 'hkex',
      materiality: o,
    });
    const before = assessCompleteness({
      bundle: bundle({}),
      figures: [...scope12, fig('energy.total', '10 MWh')],
      framework: 'hkex',
    });
    expect(row(partly, 'A2.1')).toEqual(row(before, 'A2.1'));
  });

  it('an approval of another survey, or none, changes nothing', () => {
    const s = survey();
    expect(materialityOutcome(s, undefined)).toBeUndefined();
    expect(
      materialityOutcome(s, { surveyId: 'other', topicIds: [], approvedBy: 'x', approvedOn: '2026-01-01' }),
    ).toBeUndefined();
  });

  it('the checker: the approval removes the not-material warnings and says which approved topic requires the rest', () => {
    const b = bundle({ narrative: [section('community')] });
    const warnings = (o?: MaterialityOutcome) =>
      checkBundle(b, o ? { materiality: o } : undefined)
        .findings.filter((f) => f.ruleId === 'completeness' && f.code === 'comply-or-explain-missing')
        .map((f) => [f.where.section, f.message.en] as const);
    const before = new Map(warnings());
    const after = new Map(warnings(approve(['A2'])));
    expect(before.has('hkex:B5.1')).toBe(true);
    expect(after.has('hkex:B5.1')).toBe(false);
    expect(after.get('hkex:A2.5')).toBe(
      'hkex:A2.5 is required by the material topics approved on 2026-01-20 (Use of resources) and is not disclosed (packaging.used).',
    );
    // with an approval the warnings are a subset of those without: same ids, fewer
    for (const k of after.keys()) expect(before.has(k)).toBe(true);
  });
});

const ASPECTS = MATERIALITY_SEED_TOPICS.flatMap((t) => t.hkex ?? []);
const FIGURES: [string, string][] = [
  ['ghg.scope1', '1 tCO2e'],
  ['ghg.scope2.location', '1 tCO2e'],
  ['ghg.scope3', '1 tCO2e'],
  ['packaging.used', '1 t'],
  ['energy.total', '1 MWh'],
  ['water.total', '1 m3'],
  ['employees.headcount', '1 person'],
];
const SECTIONS = ['community', 'supply-chain', 'emissions', 'climate-governance', 'anti-corruption'] as const;

describe('property: an approval only turns missing comply-or-explain provisions of not-material aspects into explained', () => {
  it('holds for random approvals, assessed aspects, data, issuer types and years', () => {
    fc.assert(
      fc.property(
        fc.subarray(ASPECTS, { minLength: 1 }),
        fc.subarray(ASPECTS),
        fc.subarray(FIGURES),
        fc.subarray([...SECTIONS]),
        fc.constantFrom<IssuerType>('main-board', 'largecap', 'gem'),
        fc.constantFrom('2024', '2025', '2026'),
        (assessed, approved, figures, sections, issuerType, year) => {
          const s = survey(MATERIALITY_SEED_TOPICS.filter((t) => assessed.includes(t.hkex?.[0] ?? '')));
          const o = approve(approved, s);
          const b = bundle({
            issuerType,
            reporting: { current: year, prior: [] },
            narrative: sections.map((id) => section(id)),
          });
          const figs = figures.map(([id, v]) => fig(id, v, {}, year));
          const plain = assessCompleteness({ bundle: b, figures: figs, framework: 'hkex' });
          // an approval of an assessment that assessed no HKEX aspect: exactly the result without one
          const nothingAssessed = approve(
            approved,
            survey(MATERIALITY_SEED_TOPICS.map(({ hkex: _, ...t }) => t)),
          );
          expect(
            assessCompleteness({ bundle: b, figures: figs, framework: 'hkex', materiality: nothingAssessed }),
          ).toEqual(plain);
          const withApproval = assessCompleteness({
            bundle: b,
            figures: figs,
            framework: 'hkex',
            materiality: o,
          });
          expect(withApproval.provisions.length).toBe(plain.provisions.length);
          plain.provisions.forEach((p, i) => {
            const q = withApproval.provisions[i];
            if (!q) throw new Error('lost a provision');
            if (q.status === p.status) {
              expect(q).toEqual(p);
              return;
            }
            const aspect = provisionAspect('hkex', p.provision.code) ?? '';
            expect([p.status, q.status]).toEqual(['missing', 'explained']);
            expect(p.obligation).toBe('comply-or-explain');
            expect(assessed).toContain(aspect);
            expect(approved).not.toContain(aspect);
          });
          // errors never change; the only findings added are material-missing warnings
          const errors = (r: CompletenessReport) => r.findings.filter((f) => f.severity === 'error');
          expect(errors(withApproval)).toEqual(errors(plain));
          const added = withApproval.findings.filter((f) => !plain.findings.includes(f));
          for (const f of added)
            expect(f.code === 'material-missing' || plain.findings.some((g) => g.message === f.message)).toBe(
              true,
            );
        },
      ),
      { numRuns: 60 },
    );
  });
});
