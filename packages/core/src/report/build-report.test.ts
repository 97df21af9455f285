import { describe, expect, it } from 'vitest';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import { HOSTILE_TEXT, reportTestBundle } from '../testing/report-bundle.js';
import { buildReport } from './build-report.js';
import type { Block, Section } from './model.js';

const bundle = reportTestBundle();
const figures = evaluateBundle(bundle).figures;
const model = buildReport({ bundle, figures, status: { state: 'draft', units: 4, unapproved: 3 } });
const all = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...all(s.sections)]);
const blocks = (id: string): readonly Block[] => all(model.sections).find((s) => s.id === id)?.blocks ?? [];

describe('report model', () => {
  it('follows the HKEX order: about, board, governance, stakeholders, environment, social, data, indices', () => {
    expect(model.sections.map((s) => `${s.number} ${s.id}`)).toEqual([
      '1 about',
      '2 board',
      '3 governance',
      '4 stakeholders',
      '5 environment',
      '6 social',
      '7 economic',
      '8 data-tables',
      '9 hkex-index',
      '10 gri-index',
      '11 sasac-index',
    ]);
    expect(all(model.sections).find((s) => s.id === 'water')?.number).toBe('5.4');
  });

  it('formats numbers once, in the catalogue unit, with the prior year and the change', () => {
    const water = model.figureGroups
      .flatMap((g) => g.figures)
      .find((f) => f.indicatorId === 'water.withdrawal');
    // 12.3456 × 10⁴ m³ = 123,456 m³ (precision 0); prior 110,000 m³; change +12.2 %.
    expect(water).toMatchObject({
      current: { text: '123,456' },
      prior: { text: '110,000' },
      change: { text: '+12.2' },
      unit: { en: 'm³', 'zh-Hant': '立方米' },
    });
    const revenue = model.figureGroups.flatMap((g) => g.figures).find((f) => f.indicatorId === 'revenue');
    expect(revenue?.exact).toBe('1234.567');
  });

  it('leaves the change empty when the prior year is zero', () => {
    const waste = model.figureGroups
      .flatMap((g) => g.figures)
      .find((f) => f.indicatorId === 'waste.hazardous');
    expect(waste?.change).toBeNull();
    expect(waste?.current?.text).toBe('2,500.13');
  });

  it('keeps user narrative as text for the renderers to escape, and marks missing narrative', () => {
    const emissions = blocks('emissions').find((b) => b.kind === 'paragraph');
    expect(emissions).toMatchObject({ role: 'user', text: { en: `Emission management. ${HOSTILE_TEXT}` } });
    expect(blocks('water')[0]).toMatchObject({ kind: 'paragraph', role: 'placeholder' });
  });

  it('carries the status the app decided: a draft with its count in both languages, or final', () => {
    // Publishable but for its units: no placeholder score, no narrative number, no open error.
    const clean = {
      ...bundle,
      narrative: [],
      registers: {
        ...bundle.registers,
        materialTopics: bundle.registers.materialTopics.map((m) => ({ ...m, isPlaceholder: false })),
      },
    };
    const units = buildReport({
      bundle: clean,
      figures,
      status: { state: 'draft', units: 4, unapproved: 3 },
      openErrors: 0,
    });
    expect(units.status).toMatchObject({
      state: 'draft',
      units: 4,
      unapproved: 3,
      note: {
        'zh-Hant': '草稿：2025年度4個工作單元（實體 × 期間 × 議題）中有3個尚未批准，數據仍可能變更。',
        en: 'DRAFT: 3 of 4 workflow units (entity × period × topic) of 2025 are not approved; figures may still change.',
      },
    });
    expect(model.labels.draft).toEqual({ 'zh-Hant': '草稿', en: 'DRAFT' });
    expect(
      buildReport({ bundle: clean, figures, status: { state: 'final', units: 4 }, openErrors: 0 }).status,
    ).toEqual({ state: 'final', units: 4 });
    // A draft with nothing unapproved, or more unapproved than units, is a caller's mistake.
    expect(() =>
      buildReport({ bundle, figures, status: { state: 'draft', units: 4, unapproved: 0 } }),
    ).toThrow(/status.unapproved/);
    expect(() =>
      buildReport({ bundle, figures, status: { state: 'draft', units: 2, unapproved: 3 } }),
    ).toThrow(/status.unapproved/);
  });

  it('draws the materiality matrix from the register and flags placeholder scores', () => {
    const matrix = blocks('materiality').find((b) => b.kind === 'chart');
    expect(matrix).toMatchObject({ chart: 'matrix' });
    if (matrix?.kind === 'chart' && matrix.chart === 'matrix')
      expect(matrix.points.map((p) => [p.x.text, p.y.text, p.isPlaceholder])).toEqual([
        ['4.0', '4.5', false],
        ['4.6', '4.8', true],
      ]);
    expect(blocks('materiality').some((b) => b.kind === 'note')).toBe(true);
  });

  it('lists HKEX provisions in code order with the sections that answer them', () => {
    const hkex = model.contentIndex.filter((r) => r.framework === 'hkex');
    const labels = hkex.map((r) => r.label);
    expect(labels.indexOf('MDR.GOV')).toBeLessThan(labels.indexOf('A1.GD'));
    expect(labels.indexOf('A1.GD')).toBeLessThan(labels.indexOf('KPI A1.1'));
    expect(labels.indexOf('KPI A2.5')).toBeLessThan(labels.indexOf('B1.GD'));
    expect(labels.at(-1)?.startsWith('D.MT')).toBe(true);
    expect(hkex.find((r) => r.code === 'A2.2')?.sectionIds).toEqual(['water']);
  });

  it('merges provisions from the framework module, keeping unanswered ones with their explanation', () => {
    const m = buildReport({
      bundle,
      figures: [],
      status: { state: 'final', units: 0 },
      provisions: [
        { framework: 'hkex', code: 'A1.1', label: 'KPI A1.1', status: 'missing' },
        {
          framework: 'hkex',
          code: 'D.MT.CAP.a',
          status: 'explained',
          explanation: { 'zh-Hant': '不適用', en: 'n/a' },
        },
        { framework: 'sasac', code: 'E.3.1', label: 'E.3.1', narrativeIds: ['climate-strategy'] },
      ],
    });
    expect(m.contentIndex.find((r) => r.code === 'A1.1')?.status).toBe('missing');
    expect(m.contentIndex.find((r) => r.code === 'D.MT.CAP.a')).toMatchObject({
      sectionIds: [],
      status: 'explained',
    });
    expect(m.contentIndex.filter((r) => r.framework === 'sasac')).toMatchObject([
      { code: 'E.3.1', sectionIds: ['climate'] },
    ]);
  });
});

describe('basis of preparation', () => {
  const paragraphs = (b: typeof bundle) =>
    all(buildReport({ bundle: b, figures, status: { state: 'final', units: 4 } }).sections)
      .find((s) => s.id === 'about')
      ?.blocks.flatMap((x) => (x.kind === 'paragraph' ? [x.text] : [])) ?? [];
  const basis = (frameworks: readonly string[]) =>
    paragraphs({ ...bundle, frameworks: { ...bundle.frameworks, frameworks } }).find((p) =>
      p.en.startsWith('This report is prepared'),
    );

  it('names the other frameworks in each language, not by their ids, and the HKEX Code once', () => {
    const p = basis(['hkex', 'gri', 'ifrs-s2', 'sasac']);
    expect(p?.['zh-Hant']).toContain('並參考GRI標準、IFRS S2、國資委參考指標；');
    expect(p?.['zh-Hant']).not.toMatch(/HKEX|SASAC/);
    expect(p?.en).toContain(
      'with reference to the GRI Standards, IFRS S2 and the SASAC reference indicators;',
    );
    expect(p?.en.match(/HKEX/g)).toHaveLength(1);
  });

  it('says nothing about other frameworks when the HKEX Code is the only one', () => {
    const p = basis(['hkex']);
    expect(p?.['zh-Hant']).toMatch(/守則》編製；/);
    expect(p?.en).not.toContain('with reference to');
  });
});
