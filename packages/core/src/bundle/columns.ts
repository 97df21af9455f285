/** Column layouts of the bundle's CSV tables. Required columns must be present; unknown ones are errors. */
export type TableSpec = { readonly required: readonly string[]; readonly optional: readonly string[] };

export const DATA_POINT_COLUMNS: TableSpec = {
  required: ['entity', 'period', 'indicator', 'value', 'unit', 'source'],
  optional: ['id', 'disaggregation', 'evidence', 'comment'],
};

export const ACTIVITY_LINE_COLUMNS: TableSpec = {
  required: ['entity', 'period', 'activity', 'subject', 'amount', 'unit', 'source'],
  optional: ['id', 'use', 'attributes', 'evidence', 'comment'],
};

export const PUBLISHED_COLUMNS: TableSpec = {
  required: ['id', 'section', 'label_zh', 'entity', 'period', 'printed', 'unit'],
  optional: ['table', 'label_en', 'indicator', 'disaggregation', 'figure', 'note'],
};

export const FACTOR_COLUMNS: TableSpec = {
  required: ['id', 'kind', 'method', 'value', 'unit', 'vintage', 'document', 'status'],
  optional: ['keys', 'calibre', 'published_at', 'note', 'price_year', 'geography'],
};

export function columnOrder(spec: TableSpec): string[] {
  return [...spec.required, ...spec.optional];
}
