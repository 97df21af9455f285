/**
 * Import data points from CSV (data-points.csv layout) or the XLSX entry template: preview what would change
 * (added, changed, unchanged rows, and every row error), then apply all of it or nothing.
 * A row with an id matches the fact of that id. A row without one is the fact with its key
 * (entity × period × indicator × disaggregation): a current fact of that key keeps its id,
 * otherwise the row's id is io's dataPointId, "dp-" + the first 16 hex digits of the SHA-256
 * of the key, the same as `assay import` gives it (import-fact-file.ts; docs/storage.md).
 * A row whose id belongs to another fact, or whose period overlaps a stored one of the same year
 * (a quarter next to the annual value), is an error, not a change (workspace/fact-rules.ts).
 *
 * The XLSX template's activity-lines sheet gives activity lines too (`lines`): a line is the
 * stored line of its id (a row left without an id got a new one from io, read-activity-sheet.ts)
 * and is added, changed or unchanged. Data points and lines are applied in one workspace write
 * (see applyImport): all of the file or nothing.
 */
import { type ActivityLine, activityLineFields, type DataPoint, formatPairs } from '@assay/core';
import type { ImportIssue } from '@assay/io';
import { failure, type Result, success } from '../outcome.js';
import { dataPointRuleProblems, idTakenMessage } from '../workspace/fact-rules.js';
import type { ActivityLineChange, DataPointChange, Snapshot, Workspace } from '../workspace/workspace.js';
import { factKey } from './parse-data-point-rows.js';
import { periodLocked } from './period-lock.js';
import { type ImportSource, readImportFile } from './read-import-file.js';
import { refused } from './write-data-point.js';

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

/** An activity line of the file, as it would be written. */
export type ImportLineRow = {
  line: number;
  sheet: string;
  action: 'add' | 'change' | 'unchanged';
  id: string;
  entity: string;
  period: string;
  activity: string;
  subject: string;
  before: { amount: string; unit: string; version: number } | null;
  after: { amount: string; unit: string };
};

export type ImportPreview = {
  workspaceVersion: number;
  rows: ImportRow[];
  /** Activity lines (the XLSX template's activity-lines sheet); empty for CSV. */
  lines: ImportLineRow[];
  issues: readonly ImportIssue[];
  /** Data points and activity lines together; `errors` counts rows with an issue. */
  summary: { add: number; change: number; unchanged: number; errors: number };
  changes: DataPointChange[];
  lineChanges: ActivityLineChange[];
};

const same = (a: DataPoint, b: DataPoint) =>
  a.quantity.value.eq(b.quantity.value) &&
  a.quantity.unit.symbol === b.quantity.unit.symbol &&
  a.source === b.source &&
  (a.evidence ?? '') === (b.evidence ?? '') &&
  (a.comment ?? '') === (b.comment ?? '');

/**
 * Preview an import. `mayWrite` (from the caller's access, issue #16) says which entities the
 * caller may import data for: a row of another entity is a row error in column `entity`, so an
 * import is all or nothing for permissions too. Without it every entity is allowed.
 */
export async function previewImport(
  ws: Workspace,
  source: ImportSource,
  mayWrite: (entityId: string) => boolean = () => true,
): Promise<Result<ImportPreview>> {
  const s = ws.snapshot();
  const read = await readImportFile(s.bundle, source);
  if (!read.ok) return read;
  const parsed = read.value;
  const byId = new Map(s.bundle.dataPoints.map((d) => [d.id, d]));
  const byKey = new Map(s.bundle.dataPoints.map((d) => [factKey(d), d]));
  const rows: ImportRow[] = [];
  const changes: DataPointChange[] = [];
  const issues: ImportIssue[] = [...parsed.issues];
  const refuse = (line: number, sheet: string | undefined, column: string, reason: string) =>
    issues.push({ file: source.file, ...(sheet === undefined ? {} : { sheet }), row: line, column, reason });
  // Rows the workspace would refuse (workspace/fact-rules.ts) are errors here, not changes.
  const candidates = parsed.rows.filter(({ line, sheet, dataPoint, hasId }) => {
    if (!mayWrite(dataPoint.entityId)) {
      refuse(line, sheet, 'entity', `you may not import data for entity "${dataPoint.entityId}"`);
      return false;
    }
    // A row without an id that matches a fact by key takes that fact's id, whatever its own.
    const owner = hasId || !byKey.has(factKey(dataPoint)) ? byId.get(dataPoint.id) : undefined;
    if (owner && factKey(owner) !== factKey(dataPoint)) {
      refuse(line, sheet, 'id', idTakenMessage(dataPoint.id, factKey(owner)));
      return false;
    }
    return true;
  });
  const overlapping = new Map(
    dataPointRuleProblems(
      s.bundle.dataPoints,
      candidates.map((c) => c.dataPoint),
      () => undefined,
    ).map((p) => [p.id, p]),
  );
  for (const { line, sheet, dataPoint, hasId } of candidates) {
    const problem = overlapping.get(dataPoint.id);
    if (problem) {
      refuse(line, sheet, problem.column, problem.message);
      continue;
    }
    const existing = (hasId ? byId.get(dataPoint.id) : undefined) ?? byKey.get(factKey(dataPoint));
    const id = existing?.id ?? dataPoint.id;
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
  const { lines, lineChanges } = previewLines(s, parsed.lines, mayWrite, refuse);
  const count = (a: ImportRow['action']) =>
    rows.filter((r) => r.action === a).length + lines.filter((r) => r.action === a).length;
  const errors = new Set(issues.map((i) => `${i.sheet ?? ''}:${i.row ?? ''}`)).size;
  return success({
    workspaceVersion: s.version,
    rows,
    lines,
    issues,
    summary: { add: count('add'), change: count('change'), unchanged: count('unchanged'), errors },
    changes,
    lineChanges,
  });
}

const sameLine = (a: ActivityLine, b: ActivityLine) =>
  activityLineFields(a).join('\u0000') === activityLineFields(b).join('\u0000');

/**
 * The activity lines of a file against the current ones, by id. A line of an entity the caller
 * may not import for is an error in column `entity`; so is an id of a stored line of such an
 * entity (the row would move that line), in column `id`, without saying whose it is.
 */
function previewLines(
  s: Snapshot,
  read: readonly { line: number; sheet: string; activityLine: ActivityLine }[],
  mayWrite: (entityId: string) => boolean,
  refuse: (line: number, sheet: string | undefined, column: string, reason: string) => void,
): { lines: ImportLineRow[]; lineChanges: ActivityLineChange[] } {
  const byId = new Map(s.bundle.activityLines.map((l) => [l.id, l]));
  const lines: ImportLineRow[] = [];
  const lineChanges: ActivityLineChange[] = [];
  for (const { line, sheet, activityLine: l } of read) {
    if (!mayWrite(l.entityId)) {
      refuse(line, sheet, 'entity', `you may not import data for entity "${l.entityId}"`);
      continue;
    }
    const existing = byId.get(l.id);
    if (existing && !mayWrite(existing.entityId)) {
      refuse(line, sheet, 'id', `id "${l.id}" is another activity line's; clear the id to add a new line`);
      continue;
    }
    const version = existing ? (s.lineVersionOf(existing.id) ?? 1) : undefined;
    const action = !existing ? 'add' : sameLine(existing, l) ? 'unchanged' : 'change';
    lines.push({
      line,
      sheet,
      action,
      id: l.id,
      entity: l.entityId,
      period: l.periodId,
      activity: l.activity,
      subject: l.subject,
      before:
        existing && version !== undefined
          ? { amount: existing.amount.value.toFixed(), unit: existing.amount.unit.symbol, version }
          : null,
      after: { amount: l.amount.value.toFixed(), unit: l.amount.unit.symbol },
    });
    if (action !== 'unchanged') lineChanges.push({ line: l, expectedVersion: version });
  }
  return { lines, lineChanges };
}

export type ApplyInput = {
  ws: Workspace;
  source: ImportSource;
  version: number;
  reason: string;
  author: string;
  mayWrite?: (entityId: string) => boolean;
};

/**
 * Apply an import seen in preview at `version`; any row error, or a change since, rejects all.
 * Data points and activity lines are one write (Workspace.writeFacts; issue #14: an import is
 * all or nothing): the workspace checks the versions every change replaces, data points first,
 * and the first refusal (another writer since the preview, a period lock) refuses the whole
 * file, as `assay import` does in one transaction.
 */
export async function applyImport(i: ApplyInput): Promise<Result<ImportPreview>> {
  const preview = await previewImport(i.ws, i.source, i.mayWrite);
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
  if (p.changes.length + p.lineChanges.length === 0) return success(p);
  const out = await i.ws.writeFacts(
    { dataPoints: p.changes, activityLines: p.lineChanges },
    i.reason,
    i.author,
  );
  if (out.ok) return success({ ...p, workspaceVersion: out.workspaceVersion });
  if (out.reason === 'locked') return periodLocked(out);
  const what = out.kind === 'data-point' ? 'data point' : 'activity line';
  if (out.reason === 'invalid' && out.kind === 'data-point') return refused(out);
  if (out.reason === 'invalid')
    return failure('invalid-data', `${what} "${out.id}": ${out.message}; nothing was imported`, {
      ...(out.field === undefined ? {} : { field: out.field }),
    });
  return failure(
    'stale-version',
    `${what} "${out.id}" changed meanwhile; nothing was imported: preview again`,
  );
}
