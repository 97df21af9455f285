/**
 * The bundle as text tables and parsed documents, before validation. The io package reads
 * files into this shape; the core validates it into a Bundle and serialises a Bundle back.
 */
export type RawRow = { readonly line: number; readonly cells: readonly string[] };
export type RawTable = {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly RawRow[];
};
export type RawDocument = { readonly file: string; readonly data: unknown };

export type RawBundle = {
  readonly settings: RawDocument;
  readonly dataPoints?: RawTable;
  readonly activityLines?: RawTable;
  readonly published?: RawTable;
  readonly factors?: RawTable;
  readonly indicators?: RawDocument;
  readonly registers?: RawDocument;
  readonly narrative?: RawDocument;
};

/** One problem in a bundle, located as precisely as the source allows. */
export type BundleIssue = {
  readonly file: string;
  /** 1-based line in the file (the header is line 1). */
  readonly row?: number;
  /** Column name for tables, dotted field path for documents. */
  readonly column?: string;
  readonly reason: string;
};

export const BUNDLE_FILES = {
  settings: 'assay.yaml',
  dataPoints: 'data-points.csv',
  activityLines: 'activity-lines.csv',
  published: 'published.csv',
  factors: 'factors.csv',
  indicators: 'indicators.yaml',
  registers: 'registers.yaml',
  narrative: 'narrative.yaml',
} as const;
