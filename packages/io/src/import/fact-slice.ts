/**
 * A validated slice of an input file, in the shape the store's import consumes (core's
 * FactBatch). Rows are validated by core's
 * validateBundle against the organisation and catalogue already in the store.
 */
import { createHash } from 'node:crypto';
import {
  BUNDLE_FILES,
  type DataPoint,
  dataPointFactKey,
  type FactBatch,
  type Indicator,
  type RawDocument,
  type RawRow,
  standardCatalogue,
  validateBundle,
} from '@assay/core';
import type { ImportIssue } from './limits.js';

/** A batch as the store's import takes it (core's FactBatch), with io's issue shape. */
export type FactSlice = FactBatch<ImportIssue>;

/** What rows are checked against: the store's assay.yaml document and its catalogue additions. */
export type ImportContext = { readonly settings: RawDocument; readonly indicators?: RawDocument };

export type FactTableKind = 'dataPoints' | 'activityLines';

export function issueSlice(file: string, issues: readonly ImportIssue[]): FactSlice {
  return { file, dataPoints: [], dataPointLines: [], activityLines: [], activityLineLines: [], issues };
}

/** Header names tell the table apart: data points have "indicator", activity lines "activity". */
export function tableKind(header: readonly string[]): FactTableKind | undefined {
  if (header.includes('indicator')) return 'dataPoints';
  if (header.includes('activity')) return 'activityLines';
  return undefined;
}

/** The standard catalogue is built once per process, not once per batch (it parses every unit). */
let STANDARD: Indicator[] | undefined;
export const standardIndicators = (): Indicator[] => {
  STANDARD ??= standardCatalogue();
  return STANDARD;
};

export function validateSlice(
  ctx: ImportContext,
  kind: FactTableKind,
  file: string,
  header: readonly string[],
  rows: readonly RawRow[],
  /** A batch with bad rows also yields its valid rows (withValidRows): for a preview. */
  keepValidRows = false,
): FactSlice {
  const table = { file, header, rows };
  const v = validateBundle(
    {
      settings: ctx.settings,
      ...(ctx.indicators ? { indicators: ctx.indicators } : {}),
      [kind]: table,
    },
    standardIndicators(),
  );
  if (!v.ok) {
    // Problems in the store's own settings would be a bug; report them all the same.
    const issues = v.issues.map((i) =>
      i.file === BUNDLE_FILES.settings ? { ...i, reason: `store settings: ${i.reason}` } : i,
    );
    return keepValidRows ? withValidRows(ctx, kind, file, header, rows, issues) : issueSlice(file, issues);
  }
  const lines = rows.map((r) => r.line);
  const idAt = header.indexOf('id');
  const hasId = rows.map((r) => idAt >= 0 && (r.cells[idAt] ?? '').trim() !== '');
  const prefix = generatedIdPrefix(file);
  return kind === 'dataPoints'
    ? {
        ...issueSlice(file, []),
        dataPoints: v.bundle.dataPoints.map((d, k) => (hasId[k] ? d : { ...d, id: dataPointId(d) })),
        dataPointLines: lines,
      }
    : {
        ...issueSlice(file, []),
        activityLines: v.bundle.activityLines.map((a, k) =>
          hasId[k] ? a : { ...a, id: generatedLineId(prefix, lines[k] ?? 0) },
        ),
        activityLineLines: lines,
      };
}

/**
 * A batch with bad rows: its issues, and the rows that are valid without the bad ones (validated
 * again), so that a preview can show what the rest of the file would change (the API's import
 * asks for this; `assay import` does not, and a slice with issues then carries no rows, which
 * the store's duplicate naming relies on). Issues that are not about one row of this file (the
 * header, the settings) give the issues alone, as does a second validation that finds more (a
 * rule that is not row by row).
 */
function withValidRows(
  ctx: ImportContext,
  kind: FactTableKind,
  file: string,
  header: readonly string[],
  rows: readonly RawRow[],
  issues: readonly ImportIssue[],
): FactSlice {
  const bad = new Set<number>();
  for (const i of issues) {
    if (i.file !== file || i.row === undefined || i.row === 1) return issueSlice(file, issues);
    bad.add(i.row);
  }
  const good = rows.filter((r) => !bad.has(r.line));
  if (good.length === 0) return issueSlice(file, issues);
  const valid = validateSlice(ctx, kind, file, header, good);
  return valid.issues.length > 0 ? issueSlice(file, issues) : { ...valid, issues };
}

/**
 * The id of an activity line given without one: "al-<file name without extension>-<line>", the
 * line zero-padded to 7 digits (files hold at most 5,000,000 rows), so that one file's ids sort
 * in file order as text. That order also matters to the store: the primary-key B-tree then
 * grows at its right edge instead of everywhere (a million-row first import: 0.6–1.0 s faster,
 * about 1 s less PostgreSQL CPU; docs/performance.md).
 */
export function generatedLineId(prefix: string, line: number): string {
  return `${prefix}${String(line).padStart(7, '0')}`;
}

/** The part of generatedLineId that depends on the file: worked out once per file. */
export function generatedIdPrefix(file: string): string {
  return `al-${file.replace(/\.[^.]*$/, '')}-`;
}

/**
 * Rows without an id. Core numbers them by line ("dp-12"), which would collide between files in
 * the store. A data point gets an id derived from its key (same fact, same id, in any file); an
 * activity line, which has no natural key, gets one from the file name and line, so re-importing
 * the same file is a no-op while another file adds its own lines.
 */
export function dataPointId(d: DataPoint): string {
  return `dp-${createHash('sha256').update(dataPointFactKey(d)).digest('hex').slice(0, 16)}`;
}
