/**
 * A provision's requirement (framework.ts `Requirement.id`) by its printed name, for the
 * completeness finding's Chinese text (issue #19: no codes in the zh-Hant outputs). An id is an
 * indicator id, optionally with a breakdown (`employees.headcount[gender]`), named from the
 * bundle's catalogue; or a report section or register, named from the table below; a `#B5.2`
 * suffix (one practice of a register) is kept as a code. An id in neither is printed as is.
 */
import { bundleCatalogue } from '../catalogue/bundle-catalogue.js';
import { AXIS_TERMS } from '../model/axis-labels.js';
import type { Bundle } from '../model/bundle.js';
import type { LocalisedText } from '../model/text.js';

const SECTIONS: Readonly<Record<string, LocalisedText>> = {
  'board-statement': { 'zh-Hant': '董事會聲明', en: 'board statement' },
  'about-report': { 'zh-Hant': '關於本報告', en: 'about this report' },
  materiality: { 'zh-Hant': '重要性評估', en: 'materiality assessment' },
  materialTopics: { 'zh-Hant': '重要議題', en: 'material topics' },
  stakeholders: { 'zh-Hant': '持份者參與', en: 'stakeholder engagement' },
  emissions: { 'zh-Hant': '排放物', en: 'emissions' },
  targets: { 'zh-Hant': '目標', en: 'targets' },
  waste: { 'zh-Hant': '廢棄物', en: 'waste' },
  energy: { 'zh-Hant': '能源', en: 'energy' },
  water: { 'zh-Hant': '水資源', en: 'water' },
  'climate-risk-management': { 'zh-Hant': '氣候風險管理', en: 'climate risk management' },
  'climate-strategy': { 'zh-Hant': '氣候策略', en: 'climate strategy' },
  climateRisks: { 'zh-Hant': '氣候風險登記冊', en: 'climate risks register' },
  employment: { 'zh-Hant': '僱傭', en: 'employment' },
  'health-safety': { 'zh-Hant': '健康與安全', en: 'health and safety' },
  training: { 'zh-Hant': '發展及培訓', en: 'development and training' },
  'labour-standards': { 'zh-Hant': '勞工準則', en: 'labour standards' },
  'supply-chain': { 'zh-Hant': '供應鏈管理', en: 'supply chain management' },
  supplierPractices: { 'zh-Hant': '供應商管理慣例', en: 'supplier practices' },
  'product-responsibility': { 'zh-Hant': '產品責任', en: 'product responsibility' },
  'anti-corruption': { 'zh-Hant': '反貪污', en: 'anti-corruption' },
  community: { 'zh-Hant': '社區投資', en: 'community investment' },
  'climate-governance': { 'zh-Hant': '氣候管治', en: 'climate governance' },
  'climate-scenario-analysis': { 'zh-Hant': '氣候情景分析', en: 'climate scenario analysis' },
  'climate-metrics-targets': { 'zh-Hant': '氣候指標與目標', en: 'climate metrics and targets' },
  'external-assurance': { 'zh-Hant': '外部鑒證', en: 'external assurance' },
  'esg-governance': { 'zh-Hant': '環境、社會及管治架構', en: 'ESG governance' },
  policies: { 'zh-Hant': '政策', en: 'policies' },
  scope1: { 'zh-Hant': '範圍1排放', en: 'Scope 1 emissions' },
  scope2: { 'zh-Hant': '範圍2排放', en: 'Scope 2 emissions' },
  scope3: { 'zh-Hant': '範圍3排放', en: 'Scope 3 emissions' },
};

/** `name(requirementId)` for one bundle (the catalogue is built once). */
export function requirementNamer(bundle: Bundle): (id: string) => LocalisedText {
  const catalogue = bundleCatalogue(bundle);
  return (id) => {
    const [head = id, practice] = id.split('#');
    const m = /^([^[]+)(?:\[([^\]]+)\])?$/.exec(head);
    const base = m?.[1] ?? head;
    const axis = m?.[2] ? AXIS_TERMS[m[2]] : undefined;
    const named = catalogue.get(base)?.name ?? SECTIONS[base];
    if (!named || (m?.[2] && !axis)) return { 'zh-Hant': id, en: id };
    const by = axis
      ? { 'zh-Hant': `（按${axis['zh-Hant']}）`, en: ` by ${axis.en.toLowerCase()}` }
      : undefined;
    const suffix = practice ? ` ${practice}` : '';
    return {
      'zh-Hant': `${named['zh-Hant']}${by?.['zh-Hant'] ?? ''}${suffix}`,
      en: `${named.en}${by?.en ?? ''}${suffix}`,
    };
  };
}
