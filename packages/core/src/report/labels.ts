/** Fixed labels of the report (table heads, index titles), in both languages. */
import { editionFor, FRAMEWORKS } from '../frameworks/registry.js';
import type { LocalisedText } from '../model/text.js';
import type { ReportIndexRow, ReportLabels } from './model.js';

export const REPORT_LABELS: ReportLabels = {
  contents: { 'zh-Hant': '目錄', en: 'Contents' },
  indicator: { 'zh-Hant': '指標', en: 'Indicator' },
  unit: { 'zh-Hant': '單位', en: 'Unit' },
  entity: { 'zh-Hant': '實體', en: 'Entity' },
  change: { 'zh-Hant': '變動（%）', en: 'Change (%)' },
  section: { 'zh-Hant': '章節', en: 'Section' },
  page: { 'zh-Hant': '頁碼', en: 'Page' },
  code: { 'zh-Hant': '條文', en: 'Code' },
  provision: { 'zh-Hant': '披露要求', en: 'Provision' },
  status: { 'zh-Hant': '狀態', en: 'Status' },
  placeholder: { 'zh-Hant': '（示意位置，非實測評分）', en: '(illustrative position, not a measured score)' },
  draftForReview: { 'zh-Hant': '簡體中文草稿，待審閱', en: 'draft for review' },
  // The mark on every page of a report with unapproved workflow units (model.ts ReportStatus).
  draft: { 'zh-Hant': '草稿', en: 'DRAFT' },
  notCalculated: { 'zh-Hant': '未能計算', en: 'not calculated' },
  hkexIndex: { 'zh-Hant': '香港聯合交易所ESG守則內容索引', en: 'HKEX ESG Code content index' },
  griIndex: { 'zh-Hant': 'GRI內容索引', en: 'GRI content index' },
  sasacIndex: { 'zh-Hant': '國資委ESG參考指標索引', en: 'SASAC ESG reference indicators index' },
  // Completeness statuses as printed in the content indices (frameworks/assess-completeness.ts).
  statusDisclosed: { 'zh-Hant': '已披露', en: 'Disclosed' },
  statusPartlyDisclosed: { 'zh-Hant': '部分披露', en: 'Partly disclosed' },
  statusExplained: { 'zh-Hant': '已解釋', en: 'Explained' },
  statusMissing: { 'zh-Hant': '未披露', en: 'Not disclosed' },
};

/** The label key of a content-index status. */
export const STATUS_LABEL = {
  disclosed: 'statusDisclosed',
  'partly-disclosed': 'statusPartlyDisclosed',
  explained: 'statusExplained',
  missing: 'statusMissing',
} as const satisfies Record<NonNullable<ReportIndexRow['status']>, keyof ReportLabels>;

/**
 * The HKEX content index's title for a financial year: the Code's (hkexIndex) from FY2025, the
 * older edition's own name before (FY2021–FY2024: the 2019 ESG Reporting Guide).
 */
export function hkexIndexTitle(year: string): LocalisedText {
  const ed = editionFor('hkex', Number(year));
  if (!ed?.citedAs || ed === FRAMEWORKS.hkex) return REPORT_LABELS.hkexIndex;
  return {
    'zh-Hant': `香港聯合交易所${ed.citedAs['zh-Hant']}內容索引`,
    en: `HKEX ${ed.citedAs.en} content index`,
  };
}
