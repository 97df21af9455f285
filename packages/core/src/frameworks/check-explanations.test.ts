/** Explanation subjects must name a provision in force or a figure (issue #14, item 12). */
import { describe, expect, it } from 'vitest';
import type { RawBundle } from '../bundle/raw.js';
import { bundleCatalogue } from '../catalogue/bundle-catalogue.js';
import { issuesOf, rawSettings, rawTable } from '../testing/raw-bundle.js';
import { validateBundle } from '../validate/validate-bundle.js';
import { explanationContextOf, explanationSubjectProblem } from './check-explanations.js';

describe('explanation subjects (issue #14, item 12)', () => {
  const text = { 'zh-Hant': '說明', en: 'Reason' };
  const withExplanations = (subjects: string[], extra: Record<string, unknown> = {}): RawBundle => ({
    settings: { file: 'assay.yaml', data: { ...rawSettings(), frameworks: ['hkex'], ...extra } },
    registers: {
      file: 'registers.yaml',
      data: { explanations: subjects.map((subject) => ({ subject, text })) },
    },
    published: rawTable(
      'published.csv',
      ['id', 'section', 'label_zh', 'entity', 'period', 'printed', 'unit'],
      [['haz-2025', '環境', '有害廢棄物', 'group', '2025', '2.80', '噸']],
    ),
  });

  it('accepts provisions in force, figure ids and published figure ids', () => {
    const subjects = [
      'hkex:D.MT.GHG.e',
      'hkex:KPI A1.1',
      'hkex:B1.1',
      'ghg.scope1@group/2025',
      'employees.headcount[gender=female]@smelter/2024',
      'haz-2025',
    ];
    expect(issuesOf(withExplanations(subjects))).toEqual([]);
  });

  it('refuses a subject that names no provision of the frameworks in force, naming file and field', () => {
    const issues = issuesOf(
      withExplanations([
        'hkex:A9.9',
        'gri:305-1',
        'hkex:A1.2',
        'hkex:A1',
        'D.MT.GHG.e',
        'HKEX:A1.1',
        'ghg.scope9@group/2025',
        'ghg.scope1@atlantis/2025',
        'ghg.scope1@group/2025-13',
        'hkex:D.MT.GHG.e',
        'hkex:D.MT.GHG.e',
      ]),
    );
    expect(issues.map((i) => [i.file, i.column, i.reason])).toEqual([
      ['registers.yaml', 'explanations.0.subject', '"hkex:A9.9" is not a provision of hkex'],
      [
        'registers.yaml',
        'explanations.1.subject',
        '"gri:305-1" cites gri, which the bundle does not report against (assay.yaml frameworks: hkex)',
      ],
      [
        'registers.yaml',
        'explanations.2.subject',
        '"hkex:A1.2" is not in force for main-board issuers in 2025 (withdrawn)',
      ],
      [
        'registers.yaml',
        'explanations.3.subject',
        '"hkex:A1" is an aspect, not a provision: explain one of its provisions (hkex:A1.GD, hkex:A1.1, hkex:A1.3, …)',
      ],
      [
        'registers.yaml',
        'explanations.4.subject',
        '"D.MT.GHG.e" names no provision ("hkex:A1.1"), figure ("ghg.scope1@group/2025") or published figure: did you mean "hkex:D.MT.GHG.e"?',
      ],
      [
        'registers.yaml',
        'explanations.5.subject',
        '"HKEX:A1.1" names no provision ("hkex:A1.1"), figure ("ghg.scope1@group/2025") or published figure: did you mean "hkex:A1.1"?',
      ],
      [
        'registers.yaml',
        'explanations.6.subject',
        '"ghg.scope9@group/2025" names an unknown indicator "ghg.scope9"',
      ],
      [
        'registers.yaml',
        'explanations.7.subject',
        '"ghg.scope1@atlantis/2025" names an unknown entity "atlantis"',
      ],
      [
        'registers.yaml',
        'explanations.8.subject',
        '"ghg.scope1@group/2025-13" names "2025-13", which is not a period of the reporting years 2025, 2024',
      ],
      [
        'registers.yaml',
        'explanations.10.subject',
        'a second explanation for "hkex:D.MT.GHG.e" (the first is explanations.9)',
      ],
    ]);
  });

  it('checks a subject against the edition in force for the reporting year (issue #24)', () => {
    const reasons = (current: string, subjects: string[]) => {
      const s = { ...rawSettings(), reporting: { current, prior: [] }, frameworks: ['hkex'] };
      const { registers } = withExplanations(subjects);
      const issues = issuesOf({
        settings: { file: 'assay.yaml', data: s },
        ...(registers ? { registers } : {}),
      });
      return issues.map((i) => i.reason);
    };
    // FY2024: the 2019 Guide, where A1.2 and A4 are still in force and Part D does not exist.
    expect(reasons('2024', ['hkex:A1.1', 'hkex:A1.2', 'hkex:A4.1', 'hkex:D.MT.GHG.e'])).toEqual([
      '"hkex:D.MT.GHG.e" is not a provision of hkex (its 2019 edition, in force for FY2024)',
    ]);
    expect(reasons('2019', ['hkex:A1.1'])).toEqual([
      '"hkex:A1.1" cites hkex, which has no edition loaded for FY2019 (editions: 2019 Environmental, Social and Governance Reporting Guide (FY2021–FY2024), 2025 Environmental, Social and Governance Code (FY2025 onwards))',
    ]);
  });
});

describe('explanation subjects of a validated bundle (for writers such as the API)', () => {
  it('answers the same for one subject as validation does for the file', () => {
    const r = validateBundle({ settings: { file: 'assay.yaml', data: rawSettings() } });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const ctx = explanationContextOf(r.bundle, bundleCatalogue(r.bundle));
    expect(explanationSubjectProblem('hkex:A1.1', ctx)).toBeUndefined();
    expect(explanationSubjectProblem('hkex:A1.2', ctx)).toBe(
      '"hkex:A1.2" is not in force for main-board issuers in 2025 (withdrawn)',
    );
  });
});
