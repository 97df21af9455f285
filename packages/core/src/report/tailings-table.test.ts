/**
 * The report's tailings facilities table (tailings-table.ts): in the waste section, one row per
 * facility with its site, status and consequence class in both languages; none without rows.
 */
import { describe, expect, it } from 'vitest';
import { evaluateBundle } from '../methods/evaluate-bundle.js';
import type { Bundle } from '../model/bundle.js';
import { reportTestBundle } from '../testing/report-bundle.js';
import { buildReport } from './build-report.js';
import type { Block, Section } from './model.js';

const all = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...all(s.sections)]);
const tablesOf = (b: Bundle) =>
  all(
    buildReport({ bundle: b, figures: evaluateBundle(b).figures, status: { state: 'final', units: 1 } })
      .sections,
  )
    .flatMap((s) => s.blocks.map((x) => [s.id, x] as const))
    .filter(
      (e): e is readonly [string, Extract<Block, { kind: 'table' }>] =>
        e[1].kind === 'table' && e[1].id === 'tailings-facilities',
    );

describe('tailings facilities in the report', () => {
  const base = reportTestBundle();
  const site = base.organisation.entities[base.organisation.entities.length - 1];
  if (!site) throw new Error('the fixture has entities');
  const bundle: Bundle = {
    ...base,
    registers: {
      ...base.registers,
      tailingsFacilities: [
        {
          id: 'tsf-1',
          name: { en: 'North pond', 'zh-Hant': '北尾礦庫' },
          entityId: site.id,
          status: 'active',
          consequence: 'cn-class-3',
          monitoring: { en: 'Piezometers', 'zh-Hant': '滲壓計' },
          emergencyPlan: { en: 'Drilled yearly', 'zh-Hant': '每年演練' },
          closurePlan: { en: 'Revegetate', 'zh-Hant': '覆土復墾' },
          isDemonstration: true,
        },
      ],
    },
  };

  it('is a table in the waste section, in both languages', () => {
    const found = tablesOf(bundle);
    expect(found.map(([s]) => s)).toEqual(['waste']);
    const rows = found[0]?.[1].rows ?? [];
    const texts = (lang: 'en' | 'zh-Hant') =>
      rows.map((r) => r.map((c) => (c.kind === 'text' ? c.text[lang] : '?')));
    expect(texts('en')).toEqual([
      [
        'North pond (demonstration data)',
        site.name.en,
        'Active',
        'Grade III tailings pond (Chinese design code for tailings facilities)',
        'Piezometers',
        'Drilled yearly',
        'Revegetate',
      ],
    ]);
    expect(texts('zh-Hant')).toEqual([
      [
        '北尾礦庫（示範數據）',
        site.name['zh-Hant'],
        '運行中',
        '三等尾礦庫（《尾礦設施設計規範》）',
        '滲壓計',
        '每年演練',
        '覆土復墾',
      ],
    ]);
    expect(found[0]?.[1].head.map((h) => h['zh-Hant']).join('')).not.toMatch(/[A-Za-z]/);
  });

  it('marks a demonstration row once, also when its name says so already', () => {
    const named = (bundle.registers.tailingsFacilities ?? []).map((f) => ({
      ...f,
      name: { en: 'South pond (demonstration data)', 'zh-Hant': '南尾礦庫（示範數據）' },
    }));
    const rows = tablesOf({
      ...bundle,
      registers: { ...bundle.registers, tailingsFacilities: named },
    })[0]?.[1].rows;
    const first = rows?.[0]?.[0];
    expect(first?.kind === 'text' && first.text).toEqual({
      en: 'South pond (demonstration data)',
      'zh-Hant': '南尾礦庫（示範數據）',
    });
  });

  it('is left out when the register is empty', () => {
    expect(tablesOf(base)).toEqual([]);
  });
});
