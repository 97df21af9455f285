import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateApproval, validateResponse, validateSurvey } from '../bundle/validate-materiality.js';
import type { MaterialitySurvey, SurveyResponse } from '../model/materiality.js';
import { materialityMatrix, printFraction, requiredAspects, topicScores } from './materiality-matrix.js';

const t = (en: string) => ({ en, 'zh-Hant': `${en}（中）` });
const survey: MaterialitySurvey = {
  id: 's2025',
  title: t('Survey'),
  year: '2025',
  doubleMateriality: true,
  threshold: '3.5',
  groups: [
    { id: 'investors', name: t('Investors'), weight: '2' },
    { id: 'employees', name: t('Employees'), weight: '1' },
  ],
  topics: [
    { id: 'energy', name: t('Energy'), category: 'environmental', hkex: ['A2'] },
    { id: 'safety', name: t('Safety'), category: 'social', hkex: ['B2'] },
  ],
};
const resp = (id: string, groupId: string, e: [number, number], s: [number, number]): SurveyResponse => ({
  id,
  surveyId: 's2025',
  groupId,
  respondent: id,
  scores: [
    { topicId: 'energy', financial: e[0], impact: e[1] },
    { topicId: 'safety', financial: s[0], impact: s[1] },
  ],
});

describe('materiality matrix', () => {
  it('weights group means, not responses (hand count)', () => {
    // investors: one response, energy (5, 3); employees: three, energy financial 1,2,3 → mean 2,
    // impact 5,5,2 → mean 4. S_f = (2·5 + 1·2)/3 = 4; S_i = (2·3 + 1·4)/3 = 10/3 = 3.33.
    const rs = [
      resp('a', 'investors', [5, 3], [1, 1]),
      resp('b', 'employees', [1, 5], [2, 2]),
      resp('c', 'employees', [2, 5], [2, 2]),
      resp('d', 'employees', [3, 2], [2, 2]),
    ];
    const m = materialityMatrix(survey, rs, {
      surveyId: 's2025',
      topicIds: ['energy'],
      approvedBy: 'lead',
      approvedOn: '2026-01-10',
    });
    const energy = m.points[0];
    expect(energy?.financial).toBe('4.00');
    expect(energy?.impact).toBe('3.33');
    expect(energy?.exact).toEqual({ financial: '4/1', impact: '10/3' });
    expect(energy?.proposed).toBe(true); // 4 ≥ 3.5 on the financial axis
    expect(energy?.approved).toBe(true);
    // safety: S_f = (2·1 + 1·2)/3 = 4/3, S_i the same: below 3.5 on both.
    expect(m.points[1]?.financial).toBe('1.33');
    expect(m.points[1]?.proposed).toBe(false);
    expect(m.byGroup).toEqual([
      { groupId: 'investors', responses: 1 },
      { groupId: 'employees', responses: 3 },
    ]);
    // Single materiality: mean of the axes (4 + 10/3)/2 = 11/3 = 3.67 ≥ 3.5.
    expect(materialityMatrix({ ...survey, doubleMateriality: false }, rs).points[0]?.proposed).toBe(true);
    expect(
      materialityMatrix({ ...survey, doubleMateriality: false, threshold: '3.7' }, rs).points[0]?.proposed,
    ).toBe(false);
  });

  it('has no scores without responses and rounds half-up', () => {
    expect(materialityMatrix(survey, []).points[0]?.financial).toBeUndefined();
    expect(printFraction({ num: 1n, den: 8n }, 2)).toBe('0.13');
    expect(printFraction({ num: 5n, den: 1000n }, 2)).toBe('0.01');
    expect(printFraction({ num: 9n, den: 2n }, 0)).toBe('5');
  });

  it('names the HKEX aspects the approved topics require', () => {
    const a = {
      surveyId: 's2025',
      topicIds: ['safety', 'energy'],
      approvedBy: 'lead',
      approvedOn: '2026-01-10',
    };
    expect(requiredAspects(survey, a)).toEqual(['A2', 'B2']);
    expect(requiredAspects(survey, undefined)).toEqual([]);
  });

  const score = fc.integer({ min: 1, max: 5 });
  const response = fc.record({
    group: fc.constantFrom('investors', 'employees'),
    e: fc.tuple(score, score),
    s: fc.tuple(score, score),
  });
  const responses = fc
    .array(response, { minLength: 1, maxLength: 25 })
    .map((xs) => xs.map((x, i) => resp(`r${i}`, x.group, x.e, x.s)));

  it('does not depend on the order of the responses (property)', () => {
    fc.assert(
      fc.property(
        responses.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        ([rs, shuffled]) => {
          expect(materialityMatrix(survey, shuffled)).toEqual(materialityMatrix(survey, rs));
        },
      ),
    );
  });

  it('does not change when every weight is multiplied by the same number (property)', () => {
    fc.assert(
      fc.property(
        responses,
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 3 }),
        (rs, k, places) => {
          const factor = (n: number) => (BigInt(n) * BigInt(k)).toString();
          const scaled = (w: string) => {
            const v = factor(Number(w));
            return places === 0
              ? v
              : `${v.slice(0, -places) || '0'}.${v.padStart(places, '0').slice(-places)}`;
          };
          const other = { ...survey, groups: survey.groups.map((g) => ({ ...g, weight: scaled(g.weight) })) };
          expect(topicScores(other, rs)).toEqual(topicScores(survey, rs));
        },
      ),
    );
  });

  it('stays within 1..5 and equals the plain mean when every group has equal weight (property)', () => {
    const equal = { ...survey, groups: survey.groups.map((g) => ({ ...g, weight: '1' })) };
    fc.assert(
      fc.property(responses, (rs) => {
        for (const p of materialityMatrix(equal, rs).points) {
          const f = Number(p.financial);
          expect(f).toBeGreaterThanOrEqual(1);
          expect(f).toBeLessThanOrEqual(5);
        }
        const one = rs.map((r) => ({ ...r, groupId: 'investors' }));
        const mean = one.reduce((s, r) => s + (r.scores[0]?.financial ?? 0), 0) / one.length;
        expect(Number(materialityMatrix(equal, one).points[0]?.financial)).toBeCloseTo(mean, 2);
      }),
    );
  });
});

describe('materiality validation', () => {
  it('names every problem of a survey', () => {
    const issues = validateSurvey({
      ...survey,
      year: '25',
      threshold: '6',
      groups: [{ id: 'A', name: t(''), weight: '0' }],
      topics: [survey.topics[0], { ...survey.topics[0], hkex: ['Z9'] }] as MaterialitySurvey['topics'],
    });
    expect(issues.map((i) => i.field)).toEqual([
      'year',
      'threshold',
      'groups.0.id',
      'groups.0.name.en',
      'groups.0.weight',
      'topics.1.id',
      'topics.1.hkex',
    ]);
  });

  it('names every problem of a response and an approval', () => {
    const r = {
      ...resp('x', 'nobody', [0, 3], [2, 2.5]),
      scores: [
        { topicId: 'energy', financial: 0, impact: 3 },
        { topicId: 'ghost', financial: 1, impact: 1 },
      ],
    };
    expect(validateResponse(r, survey).map((i) => i.field)).toEqual([
      'groupId',
      'scores.energy.financial',
      'scores.ghost',
      'scores.safety',
    ]);
    expect(
      validateApproval(
        { surveyId: 's2025', topicIds: ['energy', 'energy', 'x'], approvedBy: '', approvedOn: '2026-02-30' },
        survey,
      ).map((i) => i.field),
    ).toEqual(['topicIds.1', 'topicIds.2', 'approvedBy', 'approvedOn']);
    expect(validateSurvey(survey)).toEqual([]);
    expect(validateResponse(resp('ok', 'investors', [1, 5], [3, 3]), survey)).toEqual([]);
  });
});
