/**
 * Which totals a section table prints once (curated-rows.ts): a total that refines another
 * (its id extends it, or a `by-…` split beside it) with the same exact value is the same number
 * and folds into it; two unrelated totals that happen to be equal are two facts and both print.
 * (The first version folded any equal totals of one id family: 2,800 t of hazardous and
 * 2,800 t of non-hazardous waste printed as one row.)
 */
import { describe, expect, it } from 'vitest';
import { curateRows } from './curated-rows.js';
import type { ReportFigure } from './model.js';

const row = (
  indicatorId: string,
  exact: string,
  disaggregation: Record<string, string> = {},
): ReportFigure => ({
  id: `${indicatorId}@group/2025`,
  indicatorId,
  sectionId: 's',
  label: { en: indicatorId, 'zh-Hant': indicatorId },
  unit: { en: 't', 'zh-Hant': '噸' },
  entityId: 'group',
  entity: { en: 'Group', 'zh-Hant': '集團' },
  periodId: '2025',
  disaggregation,
  precision: 2,
  exact,
  current: null,
  priorId: null,
  prior: null,
  priors: [],
  change: null,
});

const ids = (rows: ReturnType<typeof curateRows>) => rows.map((r) => `${r.level}:${r.row.indicatorId}`);

describe('curated section rows', () => {
  it('keeps two unrelated totals with the same value', () => {
    const out = curateRows([row('waste.hazardous.total', '2800'), row('waste.non-hazardous.total', '2800')]);
    expect(ids(out)).toEqual(['0:waste.hazardous.total', '0:waste.non-hazardous.total']);
  });

  it('folds a refining total of the same value into the total, with its breakdown under it', () => {
    const out = curateRows([
      row('ghg.scope1', '100'),
      row('ghg.scope1.combustion', '100'),
      row('ghg.scope1.by-fuel', '100'),
      row('ghg.scope1.by-fuel', '60', { fuel: 'diesel' }),
      row('ghg.scope1.by-fuel', '40', { fuel: 'coke' }),
      row('energy.total', '5'),
      row('energy.by-carrier', '5'),
      row('energy.intensity', '5'),
      row('water.total', '7'),
      row('water.withdrawal', '7'),
    ]);
    expect(ids(out)).toEqual([
      '0:ghg.scope1',
      '1:ghg.scope1.by-fuel',
      '1:ghg.scope1.by-fuel',
      '0:energy.total',
      '0:energy.intensity',
      '0:water.total',
    ]);
  });

  it('prints a refining total that differs (part of Scope 1 is process emissions)', () => {
    const out = curateRows([row('ghg.scope1', '100'), row('ghg.scope1.combustion', '80')]);
    expect(ids(out)).toEqual(['0:ghg.scope1', '0:ghg.scope1.combustion']);
  });
});
