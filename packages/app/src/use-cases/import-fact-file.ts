/**
 * Import a CSV (data-points.csv or activity-lines.csv columns) or a filled XLSX template into the
 * store, all or nothing (`assay import <file>`): io reads and validates the rows against the
 * organisation and catalogue in the store, the store appends them in one transaction.
 *
 * The id of a data-point row without an id, the same rule as the API's import
 * (import-data-points.ts; docs/storage.md): the row is the fact with its key (entity × period ×
 * indicator × disaggregation). When a current fact of that key is stored, the row keeps that
 * fact's id; otherwise io gives it `dp-` + the first 16 hex digits of the SHA-256 of the key
 * (fact-slice.ts dataPointId). Either way the id depends on the key alone, not on the file, the
 * line or the time, so importing the file again (or through the API) gives the same ids.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { type DataPoint, dataPointFactKey } from '@assay/core';
import { dataPointId, type FactSlice, type ImportIssue, readFactsCsv, readFactsXlsx } from '@assay/io';
import { type ImportResult, importContext, importFacts, type Store } from '@assay/store';

export type FactFileImport = {
  readonly path: string;
  /** XLSX only: a workbook that is not the template names its entity and period here. */
  readonly entity?: string | undefined;
  readonly period?: string | undefined;
  readonly author: string;
  readonly reason: string;
  /** ISO-8601, from the front door's clock. */
  readonly at: string;
  /** Import a file whose bytes were imported before (by SHA-256) all the same. */
  readonly asNewData: boolean;
};

export type FactFileOutcome =
  | { readonly ok: false; readonly reason: 'empty-store' }
  | { readonly ok: true; readonly result: ImportResult<ImportIssue>; readonly sha256: string };

export async function importFactFile(store: Store, i: FactFileImport): Promise<FactFileOutcome> {
  const ctx = await importContext(store);
  if (!ctx) return { ok: false, reason: 'empty-store' };
  // Read once more for its digest: 0.25–0.28 s per 100 MB (docs/cli.md), against seconds for the import.
  const sha256 = await fileSha256(i.path);
  // Read before the import's transaction; a fact another writer adds meanwhile is matched by the
  // store on its key all the same (its id then becomes the derived one).
  const storedIds = await currentDataPointIds(store);
  const slices = () =>
    extname(i.path).toLowerCase() === '.xlsx'
      ? readFactsXlsx(i.path, ctx, { entity: i.entity, period: i.period })
      : readFactsCsv(i.path, ctx);
  const result = await importFacts(store, () => keepingStoredIds(slices(), storedIds), {
    subject: i.path,
    author: i.author,
    reason: i.reason,
    at: i.at,
    file: { sha256, asNewData: i.asNewData },
  });
  return { ok: true, result, sha256 };
}

/** Current (not retracted) data points: key → id. */
async function currentDataPointIds(store: Store): Promise<ReadonlyMap<string, string>> {
  const rows = await store.query<{ fact_key: string; fact_id: string }>(
    'select fact_key, fact_id from data_point_current',
  );
  return new Map(rows.map((r) => [r.fact_key, r.fact_id]));
}

/** A row given without an id (its id is the derived one) takes the id of the stored fact of its key. */
export function storedIdOf(d: DataPoint, storedIds: ReadonlyMap<string, string>): DataPoint {
  if (d.id !== dataPointId(d)) return d;
  const stored = storedIds.get(dataPointFactKey(d));
  return stored === undefined || stored === d.id ? d : { ...d, id: stored };
}

async function* keepingStoredIds(
  slices: AsyncIterable<FactSlice>,
  storedIds: ReadonlyMap<string, string>,
): AsyncGenerator<FactSlice> {
  for await (const s of slices)
    yield s.dataPoints.length === 0
      ? s
      : { ...s, dataPoints: s.dataPoints.map((d) => storedIdOf(d, storedIds)) };
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
