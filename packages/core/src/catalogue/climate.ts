/**
 * Climate metrics of HKEX Part D and IFRS S2 §29(b)–(g): amounts exposed to risks and aligned with
 * opportunities, capital deployed, the internal carbon price and remuneration linked to climate.
 */
import { indicator } from './define.js';

export const CLIMATE_INDICATORS = [
  indicator({
    id: 'climate.financial-effect',
    zh: '氣候相關風險及機遇的財務影響',
    en: 'Financial effect of climate-related risks and opportunities',
    topic: 'climate',
    unit: 'CNY million',
    axes: ['category'],
    precision: 1,
    signed: true, // risks cost (negative), opportunities earn (positive)
  }),
  indicator({
    id: 'climate.assets-transition-risk',
    zh: '易受轉型風險影響的資產或業務活動',
    en: 'Assets or business activities vulnerable to transition risks',
    topic: 'climate',
    unit: 'CNY million',
    precision: 1,
  }),
  indicator({
    id: 'climate.assets-physical-risk',
    zh: '易受實體風險影響的資產或業務活動',
    en: 'Assets or business activities vulnerable to physical risks',
    topic: 'climate',
    unit: 'CNY million',
    precision: 1,
  }),
  indicator({
    id: 'climate.assets-opportunity',
    zh: '與氣候相關機遇一致的資產或業務活動',
    en: 'Assets or business activities aligned with climate-related opportunities',
    topic: 'climate',
    unit: 'CNY million',
    precision: 1,
  }),
  indicator({
    id: 'climate.capex',
    zh: '用於氣候相關風險及機遇的資本開支、融資或投資',
    en: 'Capital expenditure, financing or investment deployed towards climate-related risks and opportunities',
    topic: 'climate',
    unit: 'CNY million',
    precision: 1,
  }),
  indicator({
    id: 'climate.internal-carbon-price',
    zh: '內部碳價格',
    en: 'Internal carbon price',
    topic: 'climate',
    unit: 'CNY/tCO2e',
    aggregation: 'latest',
    precision: 2,
  }),
  indicator({
    id: 'climate.remuneration-share',
    zh: '與氣候相關考慮掛鈎的高級管理人員薪酬百分比',
    en: 'Share of executive remuneration linked to climate-related considerations',
    topic: 'climate',
    unit: '%',
    aggregation: 'latest',
    precision: 1,
  }),
];
