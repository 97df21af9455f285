/**
 * The sheets of the climate register, its scales, the site hazard screening and the HKEX
 * B5.2–B5.4 practice texts (issue #18; docs/registers.md), over row-sheet.ts: bilingual headers
 * whose last line is the column key, every cell text. Lists (a risk's sites and scenarios) are
 * one cell, items separated by ";". Whole numbers (ranks, years, scores) are read from their
 * text; anything else is passed on as typed for core's rules to name. A rule's field is its
 * column's key ("financialAmount.basis.en"). Sheet names:
 * "climate-risks", "climate-scales", "hazard-screening", "supplier-practices".
 */
import {
  type ClimateRisk,
  type ClimateRulesContext,
  type ClimateScaleLevel,
  type HazardScreening,
  type SupplierPractice,
  validateClimateRisk,
  validateClimateScale,
  validateHazardScreening,
  validateSupplierPractice,
} from '@assay/core';
import type { RowSheetSpec } from './row-sheet.js';
import type { TemplateColumn } from './template-layout.js';

/** JSON round trip drops undefined optionals (exactOptionalPropertyTypes). */
const clean = <T>(r: Record<string, unknown>): T => JSON.parse(JSON.stringify(r)) as T;
const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(';')
        .map((x) => x.trim())
        .filter((x) => x !== '');
/** A whole number from its text; other text passed on (core's rules name it). */
const whole = (v: string | undefined): number | undefined =>
  v === undefined ? undefined : /^-?\d+$/.test(v) ? Number(v) : (v as never);
const yes = (v: string | undefined) => (v === 'yes' ? true : undefined);
const texts = (key: string, zh: string, en: string, width = 30): TemplateColumn[] => [
  { key: `${key}.en`, zh: `${zh}（英文）`, en: `${en} (English)`, width },
  { key: `${key}.zh-Hant`, zh: `${zh}（中文）`, en: `${en} (Chinese)`, width },
];
const textCells = (key: string, t: { en: string; 'zh-Hant': string } | undefined) => ({
  [`${key}.en`]: t?.en ?? '',
  [`${key}.zh-Hant`]: t?.['zh-Hant'] ?? '',
});
type Opt = (key: string) => string | undefined;
const textOf = (o: Opt, key: string) => ({ en: o(`${key}.en`) ?? '', 'zh-Hant': o(`${key}.zh-Hant`) ?? '' });
const DEMO: TemplateColumn = {
  key: 'isDemonstration',
  zh: '示範數據 (yes)',
  en: 'Demonstration data',
  width: 10,
};

export function climateRisksSheet(rules: ClimateRulesContext): RowSheetSpec<ClimateRisk> {
  return {
    sheet: 'climate-risks',
    columns: [
      { key: 'id', zh: '編號', en: 'Id', width: 20 },
      { key: 'kind', zh: '類型', en: 'Type', width: 20 },
      { key: 'hazard', zh: '實體災害（實體風險）', en: 'Physical hazard', width: 16 },
      ...texts('name', '名稱', 'Name'),
      ...texts('description', '描述', 'Description', 40),
      { key: 'horizon', zh: '時間範圍 (short/medium/long)', en: 'Horizon', width: 10 },
      { key: 'likelihood', zh: '可能性等級', en: 'Likelihood level', width: 14 },
      { key: 'impact', zh: '影響程度等級', en: 'Impact level', width: 14 },
      { key: 'entityIds', zh: '涉及場所（以 ; 分隔）', en: 'Sites (separated by ;)', width: 24 },
      ...texts('financialEffect', '財務影響', 'Financial effect', 36),
      { key: 'financialAmount.value', zh: '量化金額', en: 'Amount', width: 14 },
      { key: 'financialAmount.currency', zh: '貨幣', en: 'Currency', width: 8 },
      ...texts('financialAmount.basis', '金額說明', 'Amount basis', 24),
      ...texts('response', '應對措施', 'Response', 40),
      { key: 'scenarios', zh: '情景（以 ; 分隔）', en: 'Scenarios (separated by ;)', width: 20 },
      { key: 'owner', zh: '負責人', en: 'Owner', width: 16 },
      { key: 'source', zh: '來源', en: 'Source', width: 24 },
      DEMO,
    ],
    required: ['id', 'kind', 'name.en', 'name.zh-Hant', 'horizon'],
    cellsOf: (r) => ({
      id: r.id,
      kind: r.kind,
      hazard: r.hazard ?? '',
      ...textCells('name', r.name),
      ...textCells('description', r.description),
      horizon: r.horizon,
      likelihood: r.likelihood ?? '',
      impact: r.impact ?? '',
      entityIds: (r.entityIds ?? []).join('; '),
      ...textCells('financialEffect', r.financialEffect),
      'financialAmount.value': r.financialAmount?.value ?? '',
      'financialAmount.currency': r.financialAmount?.currency ?? '',
      ...textCells('financialAmount.basis', r.financialAmount?.basis),
      ...textCells('response', r.response),
      scenarios: (r.scenarios ?? []).join('; '),
      owner: r.owner ?? '',
      source: r.source ?? '',
      isDemonstration: r.isDemonstration ? 'yes' : '',
    }),
    fromCells: (o) => {
      const value = o('financialAmount.value');
      const currency = o('financialAmount.currency');
      const basis = textOf(o, 'financialAmount.basis');
      const hasBasis = basis.en !== '' || basis['zh-Hant'] !== '';
      return clean({
        id: o('id') ?? '',
        kind: o('kind') ?? '',
        hazard: o('hazard'),
        name: textOf(o, 'name'),
        description: textOf(o, 'description'),
        horizon: o('horizon') ?? '',
        likelihood: o('likelihood'),
        impact: o('impact'),
        entityIds: list(o('entityIds')),
        financialEffect: textOf(o, 'financialEffect'),
        financialAmount:
          value === undefined && currency === undefined && !hasBasis
            ? undefined
            : { value: value ?? '', currency: currency ?? '', ...(hasBasis ? { basis } : {}) },
        response: textOf(o, 'response'),
        scenarios: list(o('scenarios')),
        owner: o('owner'),
        source: o('source'),
        isDemonstration: yes(o('isDemonstration')),
      });
    },
    validate: (r) => validateClimateRisk(r, rules),
  };
}

export function climateScalesSheet(): RowSheetSpec<ClimateScaleLevel> {
  return {
    sheet: 'climate-scales',
    columns: [
      { key: 'id', zh: '編號', en: 'Id', width: 16 },
      { key: 'axis', zh: '尺度 (horizon/likelihood/impact/hazard-score)', en: 'Axis', width: 16 },
      ...texts('name', '名稱', 'Name', 20),
      ...texts('description', '說明', 'Description', 36),
      { key: 'rank', zh: '等級（1 為最低）', en: 'Rank (1 lowest)', width: 10 },
      { key: 'fromYears', zh: '起始年數', en: 'From (years)', width: 10 },
      { key: 'toYears', zh: '結束年數', en: 'To (years)', width: 10 },
      { key: 'needsRisk', zh: '須登記風險 (yes)', en: 'Needs a register row', width: 12 },
      DEMO,
    ],
    required: ['id', 'axis', 'name.en', 'name.zh-Hant'],
    cellsOf: (s) => ({
      id: s.id,
      axis: s.axis,
      ...textCells('name', s.name),
      ...textCells('description', s.description),
      rank: s.rank === undefined ? '' : String(s.rank),
      fromYears: s.fromYears === undefined ? '' : String(s.fromYears),
      toYears: s.toYears === undefined ? '' : String(s.toYears),
      needsRisk: s.needsRisk ? 'yes' : '',
      isDemonstration: s.isDemonstration ? 'yes' : '',
    }),
    fromCells: (o) => {
      const description = textOf(o, 'description');
      return clean({
        id: o('id') ?? '',
        axis: o('axis') ?? '',
        name: textOf(o, 'name'),
        description: description.en === '' && description['zh-Hant'] === '' ? undefined : description,
        rank: whole(o('rank')),
        fromYears: whole(o('fromYears')),
        toYears: whole(o('toYears')),
        needsRisk: yes(o('needsRisk')),
        isDemonstration: yes(o('isDemonstration')),
      });
    },
    validate: (s) => validateClimateScale(s),
  };
}

export function hazardScreeningSheet(rules: ClimateRulesContext): RowSheetSpec<HazardScreening> {
  return {
    sheet: 'hazard-screening',
    columns: [
      { key: 'id', zh: '編號', en: 'Id', width: 24 },
      { key: 'entityId', zh: '場所', en: 'Site', width: 16 },
      { key: 'hazard', zh: '實體災害', en: 'Hazard', width: 18 },
      { key: 'score', zh: '評分', en: 'Score', width: 8 },
      { key: 'scenario', zh: '情景', en: 'Scenario', width: 14 },
      { key: 'source', zh: '來源', en: 'Source', width: 30 },
      DEMO,
    ],
    required: ['id', 'entityId', 'hazard', 'score'],
    cellsOf: (h) => ({
      id: h.id,
      entityId: h.entityId,
      hazard: h.hazard,
      score: String(h.score),
      scenario: h.scenario ?? '',
      source: h.source ?? '',
      isDemonstration: h.isDemonstration ? 'yes' : '',
    }),
    fromCells: (o) =>
      clean({
        id: o('id') ?? '',
        entityId: o('entityId') ?? '',
        hazard: o('hazard') ?? '',
        score: whole(o('score')) ?? ('' as never),
        scenario: o('scenario'),
        source: o('source'),
        isDemonstration: yes(o('isDemonstration')),
      }),
    validate: (h) => validateHazardScreening(h, rules),
  };
}

export function supplierPracticesSheet(): RowSheetSpec<SupplierPractice> {
  return {
    sheet: 'supplier-practices',
    columns: [
      { key: 'id', zh: '編號', en: 'Id', width: 20 },
      { key: 'provision', zh: '關鍵績效指標 (B5.2/B5.3/B5.4)', en: 'KPI', width: 10 },
      ...texts('text', '做法', 'Practice', 50),
      { key: 'source', zh: '來源', en: 'Source', width: 24 },
      DEMO,
    ],
    required: ['id', 'provision', 'text.en', 'text.zh-Hant'],
    cellsOf: (p) => ({
      id: p.id,
      provision: p.provision,
      ...textCells('text', p.text),
      source: p.source ?? '',
      isDemonstration: p.isDemonstration ? 'yes' : '',
    }),
    fromCells: (o) =>
      clean({
        id: o('id') ?? '',
        provision: o('provision') ?? '',
        text: textOf(o, 'text'),
        source: o('source'),
        isDemonstration: yes(o('isDemonstration')),
      }),
    validate: (p) => validateSupplierPractice(p),
  };
}
