/**
 * Names of the catalogue's topic codes (core/src/catalogue/*.ts) for notifications and e-mail,
 * in both languages. The web app keeps its own copy (web/src/pages/catalogue-topics.ts: the web
 * imports no workspace package); keep the two in step. A topic not listed is shown by its code.
 */
import type { NoticeLanguage } from './notice-text.js';

const TOPICS: Readonly<Record<string, Readonly<Record<NoticeLanguage, string>>>> = {
  economic: { 'zh-Hant': '經濟', en: 'Economic' },
  emissions: { 'zh-Hant': '排放', en: 'Emissions' },
  air: { 'zh-Hant': '廢氣排放', en: 'Air emissions' },
  energy: { 'zh-Hant': '能源', en: 'Energy' },
  water: { 'zh-Hant': '水資源', en: 'Water' },
  waste: { 'zh-Hant': '廢棄物', en: 'Waste' },
  materials: { 'zh-Hant': '物料', en: 'Materials' },
  packaging: { 'zh-Hant': '包裝材料', en: 'Packaging' },
  environment: { 'zh-Hant': '環境管理', en: 'Environmental management' },
  climate: { 'zh-Hant': '氣候變化', en: 'Climate change' },
  employment: { 'zh-Hant': '僱傭', en: 'Employment' },
  safety: { 'zh-Hant': '健康與安全', en: 'Health and safety' },
  training: { 'zh-Hant': '發展及培訓', en: 'Development and training' },
  'supply-chain': { 'zh-Hant': '供應鏈管理', en: 'Supply chain management' },
  product: { 'zh-Hant': '產品責任', en: 'Product responsibility' },
  innovation: { 'zh-Hant': '創新', en: 'Innovation' },
  'anti-corruption': { 'zh-Hant': '反貪污', en: 'Anti-corruption' },
  community: { 'zh-Hant': '社區投資', en: 'Community investment' },
  governance: { 'zh-Hant': '管治', en: 'Governance' },
};

export function topicName(code: string, lang: NoticeLanguage): string {
  return TOPICS[code]?.[lang] ?? code;
}
