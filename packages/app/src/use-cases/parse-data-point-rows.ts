/**
 * Check data-point rows with the core's own bundle validation (no second set of rules): the
 * rows are validated as the data-points table of a bundle that has the workspace's settings
 * and catalogue. Rows with issues are reported by line and column; the rest become facts.
 * Used for one data point written through the API (write-data-point.ts), which names its id.
 * Files are not read here: CSV and XLSX imports go through io's readers (read-import-file.ts),
 * whose id rule for rows without an id is not core's line number.
 */
import {
  BUNDLE_FILES,
  type Bundle,
  type BundleIssue,
  bundleCatalogue,
  type DataPoint,
  dataPointFactKey,
  type Indicator,
  loadDataPoints,
  type RawTable,
  serializeBundle,
  validateBundle,
} from '@assay/core';

export type ParsedRows = {
  /** Valid rows, each with the file line it came from. */
  readonly rows: readonly { line: number; dataPoint: DataPoint }[];
  readonly issues: readonly BundleIssue[];
};

/** The key of a data point (core's, the one the store uses). */
export const factKey = dataPointFactKey;

function validateTable(bundle: Bundle, table: RawTable) {
  const raw = serializeBundle(bundle);
  return validateBundle({
    settings: raw.settings,
    ...(raw.indicators ? { indicators: raw.indicators } : {}),
    dataPoints: { ...table, file: BUNDLE_FILES.dataPoints },
  });
}

export function parseDataPointRows(bundle: Bundle, table: RawTable, file = table.file): ParsedRows {
  const first = validateTable(bundle, table);
  const issues = first.ok ? [] : first.issues.map((i) => ({ ...i, file }));
  const headerBad = issues.some((i) => i.row === 1 || i.row === undefined);
  if (headerBad) return { rows: [], issues };
  const badLines = new Set(issues.map((i) => i.row));
  const good = { ...table, rows: table.rows.filter((r) => !badLines.has(r.line)) };
  const second = good.rows.length === 0 ? undefined : validateTable(bundle, good);
  if (second && !second.ok)
    throw new Error('rows valid one by one failed together (validation is not row-local)');
  const valid = second?.ok ? second.bundle.dataPoints : [];
  // loadDataPoints keeps row order, so the i-th fact is the i-th good row.
  const rows = valid.map((dataPoint, i) => ({ line: good.rows[i]?.line ?? 0, dataPoint }));
  return { rows, issues };
}

/** The catalogue per `bundle.indicators` array (the same array along a chain of fact edits). */
const catalogues = new WeakMap<readonly Indicator[], ReadonlyMap<string, Indicator>>();

/**
 * The rows checked against only what they touch, by the same core row rules
 * (loadDataPoints): the entities and reporting years of the bundle's organisation settings and
 * its catalogue (the standard one with the bundle's indicators), without serializing the
 * settings and validating them again as parseDataPointRows does (that cost grew with the
 * number of entities: docs/performance.md, "Edit through the API"). For a bundle whose settings
 * and catalogue are valid (every workspace's) it gives the same rows and issues as
 * parseDataPointRows; parse-data-point-rows.test.ts compares the two on random rows, good and bad.
 */
export function checkDataPointRows(bundle: Bundle, table: RawTable, file = table.file): ParsedRows {
  let catalogue = catalogues.get(bundle.indicators);
  if (!catalogue) {
    catalogue = bundleCatalogue(bundle);
    catalogues.set(bundle.indicators, catalogue);
  }
  const found: BundleIssue[] = [];
  const dataPoints = loadDataPoints(
    { ...table, file: BUNDLE_FILES.dataPoints },
    { organisation: bundle.organisation, reporting: bundle.reporting, catalogue },
    found,
  );
  const issues = found.map((i) => ({ ...i, file }));
  if (issues.some((i) => i.row === 1 || i.row === undefined)) return { rows: [], issues };
  const badLines = new Set(issues.map((i) => i.row));
  // loadDataPoints keeps every row without an issue, in row order.
  const lines = table.rows.filter((r) => !badLines.has(r.line)).map((r) => r.line);
  return { rows: dataPoints.map((dataPoint, i) => ({ line: lines[i] ?? 0, dataPoint })), issues };
}
