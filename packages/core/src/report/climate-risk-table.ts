/**
 * The climate section's tables built from the climate register (issue #18; IFRS S2 §10, HKEX
 * C2 Part D; docs/registers.md "Climate risks and opportunities"):
 * - risks and opportunities: type, the risk with its sites, horizon (with the company's years
 *   when its scales define them), likelihood and impact (the company's level names), financial
 *   effect (the qualitative text, then the amount where quantified, exact decimal half-up to
 *   whole units with thousands separators, in the currency's name), response;
 * - the per-site physical-hazard screening: one row per site and hazard scored, with the score
 *   and its level name (absent when nothing is screened).
 * Demonstration rows are marked as such. No table when the register is empty.
 */
import { Decimal, parseDecimal } from '../decimal.js';
import { CLIMATE_RISK_KIND_LABEL, PHYSICAL_HAZARD_LABEL } from '../model/climate-labels.js';
import type { ClimateFinancialAmount, ClimateHorizon, ClimateScaleLevel } from '../model/climate-register.js';
import type { Entity } from '../model/organisation.js';
import type { ClimateRisk, Registers } from '../model/registers.js';
import type { LocalisedText } from '../model/text.js';
import { formatNumber } from './format-number.js';
import type { Block, Cell } from './model.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const text = (x: LocalisedText): Cell => ({ kind: 'text', text: x });
const DEMO = t('（示範數據）', ' (demonstration data)');
const HORIZON: Readonly<Record<ClimateHorizon, LocalisedText>> = {
  short: t('短期', 'Short term'),
  medium: t('中期', 'Medium term'),
  long: t('長期', 'Long term'),
};
/** Currencies by name, so the Chinese report prints no Latin code; another code prints as given. */
const CURRENCY: Readonly<Record<string, LocalisedText>> = {
  CNY: t('人民幣', 'CNY'),
  HKD: t('港元', 'HKD'),
  USD: t('美元', 'USD'),
  EUR: t('歐元', 'EUR'),
};
const NOT_ASSESSED = t('未評估', 'Not assessed');

/** "Medium term (3–10 years)" from the horizon level's years; the bare term without a level. */
export function horizonText(h: ClimateHorizon, scales: readonly ClimateScaleLevel[]): LocalisedText {
  const l = scales.find((s) => s.axis === 'horizon' && s.id === h);
  const base = HORIZON[h];
  if (l?.fromYears === undefined) return base;
  const span =
    l.toYears === undefined
      ? { zh: `${l.fromYears}年以上`, en: `${l.fromYears}+ years` }
      : { zh: `${l.fromYears}至${l.toYears}年`, en: `${l.fromYears}–${l.toYears} years` };
  return { 'zh-Hant': `${base['zh-Hant']}（${span.zh}）`, en: `${base.en} (${span.en})` };
}

function amountText(a: ClimateFinancialAmount): LocalisedText | undefined {
  const d = parseDecimal(a.value);
  if (!d.ok) return undefined;
  const n = formatNumber(d.value, 0).text;
  const c = CURRENCY[a.currency] ?? t(a.currency, a.currency);
  const basis = a.basis;
  return {
    'zh-Hant': `約${c['zh-Hant']}${n}元${basis ? `（${basis['zh-Hant']}）` : ''}`,
    en: `About ${c.en} ${n}${basis ? ` (${basis.en})` : ''}`,
  };
}

const levelName = (id: string | undefined, scales: readonly ClimateScaleLevel[]) =>
  (id === undefined ? undefined : scales.find((s) => s.id === id)?.name) ?? NOT_ASSESSED;

function riskCell(c: ClimateRisk, entities: ReadonlyMap<string, Entity>): LocalisedText {
  const sites = (c.entityIds ?? []).map((id) => entities.get(id)?.name ?? t(id, id));
  const demo = c.isDemonstration ? DEMO : t('', '');
  return {
    'zh-Hant': `${c.name['zh-Hant']}：${c.description['zh-Hant']}${sites.length ? `（涉及：${sites.map((s) => s['zh-Hant']).join('、')}）` : ''}${demo['zh-Hant']}`,
    en: `${c.name.en}: ${c.description.en}${sites.length ? ` (sites: ${sites.map((s) => s.en).join(', ')})` : ''}${demo.en}`,
  };
}

export function climateRiskTable(r: Registers, entityList: readonly Entity[]): Block[] {
  if (r.climateRisks.length === 0) return [];
  const scales = r.climateScales ?? [];
  const entities = new Map(entityList.map((e) => [e.id, e] as const));
  const blocks: Block[] = [
    {
      kind: 'table',
      id: 'climate-risks',
      caption: t('氣候相關風險及機遇', 'Climate-related risks and opportunities'),
      head: [
        t('類型', 'Type'),
        t('風險或機遇', 'Risk or opportunity'),
        t('時間範圍', 'Horizon'),
        t('可能性／影響程度', 'Likelihood / impact'),
        t('財務影響', 'Financial effect'),
        t('應對措施', 'Response'),
      ],
      rows: r.climateRisks.map((c) => {
        const l = levelName(c.likelihood, scales);
        const i = levelName(c.impact, scales);
        const amount = c.financialAmount ? amountText(c.financialAmount) : undefined;
        return [
          text(CLIMATE_RISK_KIND_LABEL[c.kind]),
          text(riskCell(c, entities)),
          text(horizonText(c.horizon, scales)),
          text({ 'zh-Hant': `${l['zh-Hant']}／${i['zh-Hant']}`, en: `${l.en} / ${i.en}` }),
          text(
            amount
              ? {
                  'zh-Hant': `${c.financialEffect['zh-Hant']}${amount['zh-Hant']}。`,
                  en: `${c.financialEffect.en} ${amount.en}.`,
                }
              : c.financialEffect,
          ),
          text(c.response),
        ];
      }),
    },
  ];
  const screening = r.hazardScreening ?? [];
  if (screening.length > 0)
    blocks.push({
      kind: 'table',
      id: 'climate-hazard-screening',
      caption: t('各場所實體氣候風險篩查', 'Physical climate hazard screening by site'),
      head: [t('場所', 'Site'), t('災害', 'Hazard'), t('評分', 'Score'), t('等級', 'Level')],
      rows: screening.map((h) => {
        const site = entities.get(h.entityId)?.name ?? t(h.entityId, h.entityId);
        const level = scales.find((s) => s.axis === 'hazard-score' && s.rank === h.score)?.name;
        const hazard = PHYSICAL_HAZARD_LABEL[h.hazard];
        return [
          text(
            h.isDemonstration
              ? { 'zh-Hant': `${site['zh-Hant']}${DEMO['zh-Hant']}`, en: `${site.en}${DEMO.en}` }
              : site,
          ),
          text(hazard),
          { kind: 'number', value: formatNumber(new Decimal(String(h.score)), 0) },
          text(level ?? NOT_ASSESSED),
        ];
      }),
    });
  return blocks;
}
