/**
 * The report's table of tailings facilities (GRI 14 Mining Sector Standard; SASB EM-MM-540a.1:
 * facility name, location, ownership status, operational status, consequence classification,
 * monitoring, emergency preparedness; docs/registers.md "Tailings facilities"), in the waste
 * section (the outline's `tailings` extra), one row per facility of the register in its order.
 * No table when the register is empty. Demonstration rows are marked as such.
 */
import type { Bundle } from '../model/bundle.js';
import type { TailingsConsequence, TailingsStatus } from '../model/site-registers.js';
import type { LocalisedText } from '../model/text.js';
import type { Block, Cell } from './model.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const text = (x: LocalisedText): Cell => ({ kind: 'text', text: x });

const STATUS: Readonly<Record<TailingsStatus, LocalisedText>> = {
  active: t('運行中', 'Active'),
  inactive: t('停用', 'Inactive'),
  closed: t('已閉庫', 'Closed'),
};
/**
 * GISTM 2020 consequence classes; China's tailings pond grades (GB 50863-2013 《尾礦設施設計規範》,
 * 尾礦庫等別). The Chinese texts name the standards in Chinese: the Chinese report prints no Latin
 * word outside its allow-list (cli report-localisation.test.ts; "GB" alone is not on it). The
 * English grades are Roman numerals and name the code in words, so both languages print the same
 * numbers (cli report.test.ts compares them).
 */
const CONSEQUENCE: Readonly<Record<TailingsConsequence, LocalisedText>> = {
  'gistm-low': t('全球尾礦管理行業標準：低', 'GISTM: low'),
  'gistm-significant': t('全球尾礦管理行業標準：顯著', 'GISTM: significant'),
  'gistm-high': t('全球尾礦管理行業標準：高', 'GISTM: high'),
  'gistm-very-high': t('全球尾礦管理行業標準：很高', 'GISTM: very high'),
  'gistm-extreme': t('全球尾礦管理行業標準：極端', 'GISTM: extreme'),
  'cn-class-1': t(
    '一等尾礦庫（《尾礦設施設計規範》）',
    'Grade I tailings pond (Chinese design code for tailings facilities)',
  ),
  'cn-class-2': t(
    '二等尾礦庫（《尾礦設施設計規範》）',
    'Grade II tailings pond (Chinese design code for tailings facilities)',
  ),
  'cn-class-3': t(
    '三等尾礦庫（《尾礦設施設計規範》）',
    'Grade III tailings pond (Chinese design code for tailings facilities)',
  ),
  'cn-class-4': t(
    '四等尾礦庫（《尾礦設施設計規範》）',
    'Grade IV tailings pond (Chinese design code for tailings facilities)',
  ),
  'cn-class-5': t(
    '五等尾礦庫（《尾礦設施設計規範》）',
    'Grade V tailings pond (Chinese design code for tailings facilities)',
  ),
};
const DEMO = t('（示範數據）', ' (demonstration data)');

export function tailingsBlocks(bundle: Bundle): Block[] {
  const rows = bundle.registers.tailingsFacilities ?? [];
  if (rows.length === 0) return [];
  const entity = new Map(bundle.organisation.entities.map((e) => [e.id, e.name]));
  return [
    {
      kind: 'table',
      id: 'tailings-facilities',
      caption: t('尾礦設施（GRI 14）', 'Tailings facilities (GRI 14; SASB EM-MM-540a.1)'),
      head: [
        t('設施', 'Facility'),
        t('所在地點', 'Site'),
        t('狀態', 'Status'),
        t('後果分級', 'Consequence classification'),
        t('監測', 'Monitoring'),
        t('應急預案', 'Emergency plan'),
        t('閉庫計劃', 'Closure plan'),
      ],
      rows: rows.map((f) => [
        text(
          // marked once: the demo bundle's names already say so in their own words
          f.isDemonstration && !f.name['zh-Hant'].includes('示範數據')
            ? { 'zh-Hant': `${f.name['zh-Hant']}${DEMO['zh-Hant']}`, en: `${f.name.en}${DEMO.en}` }
            : f.name,
        ),
        text(entity.get(f.entityId) ?? t(f.entityId, f.entityId)),
        text(STATUS[f.status]),
        text(CONSEQUENCE[f.consequence]),
        text(f.monitoring),
        text(f.emergencyPlan),
        text(f.closurePlan),
      ]),
    },
  ];
}
