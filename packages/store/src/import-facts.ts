/**
 * Use case: import fact slices read from a file (CSV or XLSX, parsed and validated by io) into
 * the store, all-or-nothing and idempotent (see import-run.ts). `importContext` gives io what
 * rows are checked against: the organisation and catalogue additions already in the store.
 */
import { BUNDLE_FILES, type BundleIssue, type RawDocument } from '@assay/core/forms';
import { type FactBatches, type ImportResult, runImport } from './import-run.js';
import { readSettingsDocument } from './organisation-rows.js';
import type { Sql, Store } from './store.js';

export type ImportContextDocs = { readonly settings: RawDocument; readonly indicators: RawDocument };

export async function importContext(sql: Sql): Promise<ImportContextDocs | undefined> {
  const settings = await readSettingsDocument(sql);
  if (!settings) return undefined;
  const indicators = await sql.query<{ definition: unknown }>(
    'select distinct on (id) definition from catalogue_entry order by id, rev desc',
  );
  return {
    settings,
    indicators: { file: BUNDLE_FILES.indicators, data: { indicators: indicators.map((i) => i.definition) } },
  };
}

export function importFacts<I extends BundleIssue>(
  store: Store,
  /** Called once, and again only to name duplicate lines: each call must read the input afresh. */
  batches: FactBatches<I>,
  opts: {
    readonly subject: string;
    readonly author: string;
    readonly reason: string;
    readonly at?: string;
    /** The file's SHA-256 (hex): a file imported before adds nothing unless `asNewData`. */
    readonly file?: { readonly sha256: string; readonly asNewData?: boolean };
  },
): Promise<ImportResult<I>> {
  return runImport(store, {
    subject: opts.subject,
    meta: { author: opts.author, reason: opts.reason, at: opts.at ?? new Date().toISOString() },
    batches,
    ...(opts.file ? { file: opts.file } : {}),
  });
}
