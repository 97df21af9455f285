/**
 * Issuer sections (issuer-sections.ts): the chairman's statement and the company profile with its
 * highlights open the report, the case studies follow the topics, the board statement prints its
 * approval date; KPI tiles print their figure's table string; an empty slot prints nothing and,
 * when the caller requires the slots, is a publication-gate item named in both languages.
 */
import { describe, expect, it } from 'vitest';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import type { Bundle } from '../model/bundle.js';
import type { NarrativeSection } from '../model/registers.js';
import { reportTestBundle } from '../testing/report-bundle.js';
import { buildReport } from './build-report.js';
import type { ReportModel, Section } from './model.js';

const base = reportTestBundle();
const lt = (zh: string, en: string) => ({ 'zh-Hant': zh, en });
// 1×1 PNG
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const firstFigure = (() => {
  const m = buildReport({
    bundle: base,
    figures: evaluateBundle(base).figures,
    status: { state: 'final', units: 0 },
  });
  const f = m.figureGroups.flatMap((g) => g.figures).find((x) => x.current && x.entityId === 'group');
  if (!f?.current) throw new Error('the test bundle has no group figure');
  return f;
})();

const SLOTS: NarrativeSection[] = [
  {
    id: 'chairman-statement',
    title: lt('主席致辭', "Chairman's statement"),
    body: lt('我們穩步前行。', 'We moved steadily.'),
  },
  {
    id: 'company-profile',
    title: lt('公司概覽', 'Company profile'),
    body: lt('本公司經營礦山。', 'We run mines.'),
  },
  {
    id: 'highlights',
    title: lt('年度摘要', 'Highlights'),
    body: lt('主要數據。', 'Main figures.'),
    tiles: [{ figure: firstFigure.id, label: lt('主要指標', 'Main indicator') }],
  },
  {
    id: 'case-study-one',
    title: lt('案例', 'Case study'),
    body: lt('我們改用天然氣。', 'We switched to gas.'),
    image: { dataUri: PNG, alt: lt('新鍋爐房', 'The new boiler house') },
  },
  {
    id: 'board-statement',
    title: lt('董事會聲明', 'Board statement'),
    body: lt('董事會負責。', 'The board is responsible.'),
    approvedOn: '2026-03-27',
  },
];

const withSlots = (slots: NarrativeSection[]): Bundle => ({
  ...base,
  narrative: [...base.narrative, ...slots],
});
const build = (bundle: Bundle, requireIssuerSections = true): ReportModel =>
  buildReport({
    bundle,
    figures: evaluateBundle(bundle).figures,
    status: { state: 'final', units: 0 },
    openErrors: 0,
    requireIssuerSections,
  });
const flat = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...flat(s.sections)]);
const issuer = (m: ReportModel) =>
  m.status.state === 'draft' ? m.status.blockers.find((b) => b.kind === 'issuer') : undefined;

describe('issuer sections', () => {
  it('open with the chairman and the profile, tiles print the table string, case studies and approval date follow', () => {
    const m = build(withSlots(SLOTS));
    expect(m.sections.slice(0, 2).map((s) => [s.id, s.number])).toEqual([
      ['chairman', '1'],
      ['profile', '2'],
    ]);
    expect(m.sections[2]?.number).toBe('3');
    const tiles = m.sections[1]?.blocks.find((b) => b.kind === 'kpi-tiles');
    expect(tiles?.kind === 'kpi-tiles' && tiles.tiles[0]).toMatchObject({
      figureId: firstFigure.id,
      value: firstFigure.current,
      unit: firstFigure.unit,
    });
    const cases = m.sections.find((s) => s.id === 'case-studies');
    expect(cases?.sections[0]?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'image']);
    // after the topics, before the appendix and the indices
    const ids = m.sections.map((s) => s.id);
    expect(ids.indexOf('case-studies')).toBeLessThan(ids.indexOf('data-tables'));
    const notes = flat(m.sections).flatMap((s) => s.blocks.filter((b) => b.kind === 'note'));
    expect(notes.map((n) => (n.kind === 'note' ? n.text.en : ''))).toContain(
      'The board reviewed and approved this report on 2026-03-27.',
    );
    expect(notes.map((n) => (n.kind === 'note' ? n.text['zh-Hant'] : ''))).toContain(
      '董事會已於2026-03-27審議並批准本報告。',
    );
    // nothing else blocks this bundle but its placeholder materiality score and narrative numbers
    expect(issuer(m)).toBeUndefined();
  });

  it('an empty slot prints nothing and is a gate item naming it, in both languages', () => {
    const cases: [string, string, string][] = [
      ['chairman-statement', '主席報告', "chairman's statement"],
      ['company-profile', '公司概覽', 'company profile'],
      ['highlights', '年度摘要（關鍵績效指標）', 'highlights (KPI tiles)'],
      ['case-study-one', '案例分享', 'case studies'],
      ['board-statement', '董事會聲明', 'board statement'],
    ];
    for (const [id, zh, en] of cases) {
      const m = build(withSlots(SLOTS.filter((s) => s.id !== id)));
      const b = issuer(m);
      expect(b?.count, id).toBe(1);
      expect(b?.text['zh-Hant'], id).toBe(`發行人章節尚缺：${zh}。`);
      expect(b?.text.en, id).toBe(`issuer sections missing: ${en}.`);
      expect(m.status.state).toBe('draft');
    }
    const noDate = build(
      withSlots(
        SLOTS.map((s) =>
          s.id === 'board-statement' ? { ...s, approvedOn: undefined } : s,
        ) as NarrativeSection[],
      ),
    );
    expect(issuer(noDate)?.text.en).toBe("issuer sections missing: the board's approval date.");
    const none = build(base);
    expect(issuer(none)?.count).toBe(5);
    expect(none.sections.some((s) => ['chairman', 'profile', 'case-studies'].includes(s.id))).toBe(false);
  });

  it('demonstration text counts; without the requirement nothing is counted', () => {
    const demo = build(
      withSlots(SLOTS.map((s) => (s.id === 'chairman-statement' ? { ...s, isDemonstration: true } : s))),
    );
    expect(issuer(demo)?.text.en).toBe('1 narrative section(s) are demonstration text.');
    expect(issuer(demo)?.text['zh-Hant']).toBe('1節敘述為示範文字。');
    expect(issuer(build(base, false))).toBeUndefined();
  });
});
