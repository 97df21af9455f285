/**
 * Import data points from CSV (data-points.csv layout) or the XLSX entry template: preview what would change
 * (added, changed, unchanged rows, and every row error), then apply all of it or nothing.
 * A row matches an existing fact by id, else by entity × period × indicator × disaggregation.
 */
import { randomUUID } from 'node:crypto';
import { type DataPoint, formatPairs } from '@assay/core';
import type { ImportIssue } from '@assay/io';
import { failure, type Result, success } from '../http/api-error.js';
import type { DataPointChange, Workspace } from '../workspace/workspace.js';
import { factKey } from './parse-data-point-rows.js';
import { type ImportSource, readImportFile } from './read-import-file.js';

export type ImportRow = {
  line: number;
  sheet: string | null;
  action: 'add' | 'change' | 'unchanged';
  id: string;
  entity: string;
  period: string;
  indicator: string;
  disaggregation: string;
  before: { value: string; unit: string; version: number } | null;
  after: { value: string; unit: string };
};

export type ImportPreview = {
  workspaceVersion: number;
  rows: ImportRow[];
  issues: readonly ImportIssue[];
  summary: { add: number; change: number; unchanged: number; errors: number };
  changes: DataPointChange[];
};

const same = (a: DataPoint, b: DataPoint) =>
  a.quantity.value.eq(b.quantity.value) &&
  a.quantity.unit.symbol === b.quantity.unit.symbol &&
  a.source === b.source &&
  (a.evidence ?? '') === (b.evidence ?? '') &&
  (a.comment ?? '') === (b.comment ?? '');

export async function previewImport(ws: Workspace, source: ImportSource): Promise<Result<ImportPreview>> {
  const s = ws.snapshot();
  const read = await readImportFile(s.bundle, source);
  if (!read.ok) return read;
  const parsed = read.value;
  const byId = new Map(s.bundle.dataPoints.map((d) => [d.id, d]));
  const byKey = new Map(s.bundle.dataPoints.map((d) => [factKey(d), d]));
  const rows: ImportRow[] = [];
  const changes: DataPointChange[] = [];
  for (const { line, sheet, dataPoint, hasId } of parsed.rows) {
    const existing = (hasId ? byId.get(dataPoint.id) : undefined) ?? byKey.get(factKey(dataPoint));
    const id = existing?.id ?? (byId.has(dataPoint.id) ? `dp-${randomUUID()}` : dataPoint.id);
    const d = { ...dataPoint, id };
    const version = existing ? (s.versionOf(existing.id) ?? 1) : undefined;
    const action = !existing ? 'add' : same(existing, d) ? 'unchanged' : 'change';
    rows.push({
      line,
      sheet: sheet ?? null,
      action,
      id,
      entity: d.entityId,
      period: d.periodId,
      indicator: d.indicatorId,
      disaggregation: formatPairs(d.disaggregation),
      before:
        existing && version !== undefined
          ? { value: existing.quantity.value.toString(), unit: existing.quantity.unit.symbol, version }
          : null,
      after: { value: d.quantity.value.toString(), unit: d.quantity.unit.symbol },
    });
    if (action !== 'unchanged') changes.push({ dataPoint: d, expectedVersion: version });
  }
  const count = (a: ImportRow['action']) => rows.filter((r) => r.action === a).length;
  const errors = new Set(parsed.issues.map((i) => `${i.sheet ?? ''}:${i.row ?? ''}`)).size;
  return success({
    workspaceVersion: s.version,
    rows,
    issues: parsed.issues,
    summary: { add: count('add'), change: count('change'), unchanged: count('unchanged'), errors },
    changes,
  });
}

export type ApplyInput = {
  ws: Workspace;
  source: ImportSource;
  version: number;
  reason: string;
  author: string;
};

/** Apply an import seen in preview at `version`; any row error, or a change since, rejects all. */
export async function applyImport(i: ApplyInput): Promise<Result<ImportPreview>> {
  const preview = await previewImport(i.ws, i.source);
  if (!preview.ok) return preview;
  const p = preview.value;
  if (p.issues.length > 0)
    return failure('invalid-data', `${p.summary.errors} row(s) have errors; nothing was imported`, {
      field: 'csv',
      issues: p.issues,
    });
  if (p.workspaceVersion !== i.version)
    return failure(
      'stale-version',
      `data changed since the preview (version ${p.workspaceVersion}, not ${i.version})`,
      {
        field: 'version',
      },
    );
  if (p.changes.length === 0) return success(p);
  const out = await i.ws.writeDataPoints(p.changes, i.reason, i.author);
  if (!out.ok) return failure('stale-version', `data point "${out.id}" changed meanwhile; preview again`);
  return success({ ...p, workspaceVersion: out.workspaceVersion });
}
