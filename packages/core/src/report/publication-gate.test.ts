/**
 * The publication gate (issue #19; docs/report.md, "Draft and final"), both ways: a report with
 * its units approved, no open error, no placeholder data and narrative bound to figures is
 * final; each blocker alone makes it a draft that names the blocker in both languages, and
 * several are all listed.
 */
import { describe, expect, it } from 'vitest';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import type { Bundle } from '../model/bundle.js';
import { reportTestBundle } from '../testing/report-bundle.js';
import { buildReport } from './build-report.js';
import type { ReportStatusInput } from './model.js';

const base = reportTestBundle();
const clean: Bundle = {
  ...base,
  narrative: [
    {
      id: 'emissions',
      title: { 'zh-Hant': '排放', en: 'Emissions' },
      body: {
        'zh-Hant':
          '2025年取水量為{{figure:water.withdrawal|unit}}（2024年：{{figure:water.withdrawal/2024}}）。',
        en: 'We withdrew {{figure:water.withdrawal|unit}} of water in 2025 ({{figure:water.withdrawal/2024}} in 2024).',
      },
    },
  ],
  registers: {
    ...base.registers,
    materialTopics: base.registers.materialTopics.map((m) => ({ ...m, isPlaceholder: false })),
  },
};
const { figures } = evaluateBundle(clean);
const approved: ReportStatusInput = { state: 'final', units: 4 };
const build = (bundle: Bundle, status: ReportStatusInput = approved, openErrors = 0) =>
  buildReport({ bundle, figures: evaluateBundle(bundle).figures, status, openErrors });
const narrative = (zh: string, en: string): Bundle => ({
  ...clean,
  narrative: [
    { id: 'emissions', title: { 'zh-Hant': '排放', en: 'Emissions' }, body: { 'zh-Hant': zh, en } },
  ],
});
const kinds = (m: ReturnType<typeof build>) =>
  m.status.state === 'draft' ? m.status.blockers.map((b) => b.kind) : [];

describe('publication gate', () => {
  it('is final when nothing blocks it, and the narrative prints the figure', () => {
    const m = build(clean);
    expect(m.status).toEqual({ state: 'final', units: 4 });
    // The placeholder prints the table's string: current year with its unit, prior year bare.
    const row = m.figureGroups.flatMap((g) => g.figures).find((f) => f.id === 'water.withdrawal@group/2025');
    const para = m.sections
      .flatMap(function all(s): typeof m.sections {
        return [s, ...s.sections.flatMap(all)];
      })
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === 'paragraph' && b.role === 'user');
    expect(row?.current?.text).toBeDefined();
    expect(para).toMatchObject({
      text: {
        'zh-Hant': `2025年取水量為${row?.current?.text}${row?.unit['zh-Hant']}（2024年：${row?.prior?.text}）。`,
        en: `We withdrew ${row?.current?.text} ${row?.unit.en} of water in 2025 (${row?.prior?.text} in 2024).`,
      },
    });
    expect(figures.some((f) => f.id === 'water.withdrawal@group/2024')).toBe(true);
  });

  it('each blocker alone makes a draft that names it in both languages', () => {
    const cases: [string, ReturnType<typeof build>][] = [
      ['unapproved', build(clean, { state: 'draft', units: 4, unapproved: 1 })],
      ['errors', build(clean, approved, 2)],
      ['unbound', narrative('2025年排放為12噸。', 'Emissions were 12 t in 2025.')],
      ['unresolved', narrative('排放為{{figure:ghg.nothing}}。', 'Emissions were {{figure:ghg.nothing}}.')],
      [
        'placeholder',
        build({
          ...clean,
          registers: {
            ...clean.registers,
            materialTopics: clean.registers.materialTopics.map((m, i) => ({ ...m, isPlaceholder: i === 0 })),
          },
        }),
      ],
    ].map(([k, m]) => [k as string, m instanceof Object && 'status' in m ? m : build(m as Bundle)]);
    for (const [kind, m] of cases) {
      expect(m.status.state, kind).toBe('draft');
      expect(kinds(m), kind).toEqual([kind]);
      if (m.status.state !== 'draft') continue;
      const b = m.status.blockers[0];
      expect(b?.count, kind).toBeGreaterThan(0);
      // Chinese text has no Latin words (the marker ⟦⟧ and digits aside).
      expect(b?.text['zh-Hant'], kind).not.toMatch(/[A-Za-z]/);
      expect(b?.text.en, kind).toMatch(/[a-z]/);
    }
  });

  it('lists every blocker at once, with the counts', () => {
    const m = build(
      narrative('排放為12噸，{{figure:ghg.nothing}}。', 'Emissions were 12 t, {{figure:ghg.nothing}}.'),
      { state: 'draft', units: 4, unapproved: 3 },
      5,
    );
    expect(kinds(m)).toEqual(['unapproved', 'errors', 'unresolved', 'unbound']);
    if (m.status.state === 'draft') {
      expect(m.status.blockers.map((b) => b.count)).toEqual([3, 5, 2, 2]);
      expect(m.status.note.en).toMatch(/^DRAFT: this report is not ready to publish/);
    }
  });
});
