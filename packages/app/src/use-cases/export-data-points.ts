/**
 * CSV out: the current data points (bundle layout) and an entry template. Text cells that a
 * spreadsheet would run as a formula get a leading apostrophe by io's neutralise, the one rule
 * the CLI export uses too (OWASP CSV injection, full-width forms included); numbers stay numbers.
 */
import {
  BUNDLE_FILES,
  type Bundle,
  bundleCatalogue,
  columnOrder,
  DATA_POINT_COLUMNS,
  serializeBundle,
} from '@assay/core';
import { neutralise, tableToCsv } from '@assay/io';

export function exportDataPoints(bundle: Bundle): string {
  const t = serializeBundle(bundle).dataPoints;
  if (!t) return `${columnOrder(DATA_POINT_COLUMNS).join(',')}\n`;
  return tableToCsv({ ...t, rows: t.rows.map((r) => ({ ...r, cells: r.cells.map(neutralise) })) });
}

/** One row per entity × input indicator (no disaggregation) for the current year, value blank. */
export function entryTemplate(bundle: Bundle): string {
  const header = columnOrder(DATA_POINT_COLUMNS);
  const inputs = [...bundleCatalogue(bundle).values()].filter((i) => i.kind === 'input');
  const rows = bundle.organisation.entities.flatMap((e) =>
    inputs.map((ind) => {
      const cell: Record<string, string> = {
        entity: e.id,
        period: bundle.reporting.current,
        indicator: ind.id,
        unit: ind.unit,
      };
      return header.map((h) => cell[h] ?? '');
    }),
  );
  return tableToCsv({
    file: BUNDLE_FILES.dataPoints,
    header,
    rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  });
}
