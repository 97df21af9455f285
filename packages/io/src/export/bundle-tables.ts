/** A bundle's CSV tables (data points, activity lines, published, factors) as text tables for export. */
import { type Bundle, serializeBundle } from '@assay/core';
import type { TextTable } from './table-files.js';

export const EXPORT_TABLES = ['data-points', 'activity-lines', 'published', 'factors'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export function bundleTables(bundle: Bundle): Record<ExportTableName, TextTable> {
  const raw = serializeBundle(bundle);
  const t = (name: string, table: typeof raw.dataPoints): TextTable => ({
    name,
    header: table?.header ?? [],
    rows: (table?.rows ?? []).map((r) => r.cells),
  });
  return {
    'data-points': t('data-points', raw.dataPoints),
    'activity-lines': t('activity-lines', raw.activityLines),
    published: t('published', raw.published),
    factors: t('factors', raw.factors),
  };
}
