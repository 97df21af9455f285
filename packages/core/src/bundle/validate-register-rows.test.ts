import { describe, expect, it } from 'vitest';
import type { Hazard, SavingProject, Supplier } from '../model/register-rows.js';
import { validateHazard, validateProject, validateSupplier } from './validate-register-rows.js';

const ctx = { entityIds: new Set(['group', 'a', 'b']) };
const fields = (issues: readonly { field: string }[]) => issues.map((i) => i.field).sort();

const supplier: Supplier = {
  id: 's1',
  name: { en: 'Steel Co', 'zh-Hant': '鋼鐵公司' },
  creditCode: '91650100MA7XK2L1C8',
  entityId: 'a',
  region: 'xinjiang',
  category: 'raw-materials',
  esgResult: 'pass',
  esgAssessedOn: '2025-06-30',
  status: 'approved',
};

describe('supplier rules', () => {
  it('a good supplier has no issue', () => expect(validateSupplier(supplier, ctx)).toEqual([]));
  it('names every problem at once', () => {
    const bad = {
      ...supplier,
      id: 'S 1',
      name: { en: '', 'zh-Hant': '' },
      creditCode: '91650100MA7XK2L1C9',
      entityId: 'nowhere',
      region: 'Xin Jiang',
      status: 'gone',
      esgAssessedOn: '2025-02-30',
    } as unknown as Supplier;
    expect(fields(validateSupplier(bad, ctx))).toEqual(
      ['creditCode', 'entityId', 'esgAssessedOn', 'id', 'name.en', 'name.zh-Hant', 'region', 'status'].sort(),
    );
  });
  it('a result without a date and a date without a result', () => {
    const { esgAssessedOn: _d, ...noDate } = supplier;
    expect(fields(validateSupplier(noDate, ctx))).toEqual(['esgAssessedOn']);
    const { esgResult: _r, ...noResult } = supplier;
    expect(fields(validateSupplier(noResult, ctx))).toEqual(['esgResult']);
  });
});

const hazard: Hazard = {
  id: 'h1',
  foundOn: '2025-03-01',
  entityId: 'b',
  grade: 'general',
  description: { en: 'Guard missing on a conveyor', 'zh-Hant': '輸送帶缺少防護罩' },
  owner: 'Wang',
  dueOn: '2025-03-15',
  rectifiedOn: '2025-03-10',
  evidence: 'photo-0310.jpg',
};

describe('hazard rules', () => {
  it('a good hazard has no issue', () => expect(validateHazard(hazard, ctx)).toEqual([]));
  it('dates out of order, a rectification without evidence, an empty owner', () => {
    const bad: Hazard = {
      ...hazard,
      dueOn: '2025-02-01',
      rectifiedOn: '2025-02-20',
      evidence: ' ',
      owner: '',
    };
    expect(fields(validateHazard(bad, ctx))).toEqual(['dueOn', 'evidence', 'owner', 'rectifiedOn']);
  });
  it('a grade outside general and major', () => {
    expect(fields(validateHazard({ ...hazard, grade: 'minor' } as unknown as Hazard, ctx))).toEqual([
      'grade',
    ]);
  });
});

const project: SavingProject = {
  id: 'p1',
  name: { en: 'Kiln heat recovery', 'zh-Hant': '窯爐餘熱回收' },
  entityId: 'a',
  measure: { en: 'Waste-heat boiler', 'zh-Hant': '餘熱鍋爐' },
  status: 'completed',
  estimated: { tce: '120.5', tCO2e: '310' },
  verified: { tce: '118.25', MWh: '0', tCO2e: '305.1' },
};

describe('project rules', () => {
  it('a good project has no issue', () => expect(validateProject(project, ctx)).toEqual([]));
  it('verified savings before completion, a negative and a non-number saving', () => {
    const bad: SavingProject = { ...project, status: 'in-progress', estimated: { tce: '-1', MWh: '1,000' } };
    expect(fields(validateProject(bad, ctx))).toEqual(['estimated.MWh', 'estimated.tce', 'verified']);
  });
});
