/**
 * The data-entry workbook layout, shared by the generator and the reader. Row 1 of each topic
 * sheet holds bilingual headers whose last line is the column key; the hidden sheet "_assay"
 * holds the entity and period the workbook was made for.
 */
export const META_SHEET = '_assay';
export const TEMPLATE_SCHEMA = 'assay-xlsx-template-1';

export type TemplateColumn = {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly width: number;
};

/** "name" and "default-unit" are shown for guidance only; the reader ignores them. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { key: 'indicator', zh: '指標代碼', en: 'Indicator id', width: 28 },
  { key: 'name', zh: '指標名稱', en: 'Indicator', width: 36 },
  { key: 'disaggregation', zh: '分項', en: 'Disaggregation', width: 22 },
  { key: 'value', zh: '數值', en: 'Value', width: 16 },
  { key: 'unit', zh: '單位', en: 'Unit', width: 14 },
  { key: 'source', zh: '數據來源', en: 'Source', width: 28 },
  { key: 'evidence', zh: '證據', en: 'Evidence', width: 20 },
  { key: 'comment', zh: '備註', en: 'Comment', width: 30 },
];

export const DISPLAY_ONLY = new Set(['name']);

export function headerText(c: TemplateColumn): string {
  return `${c.zh} ${c.en}\n${c.key}`;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(topic: string): string {
  return topic.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}
