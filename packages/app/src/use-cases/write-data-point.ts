/**
 * Change one data point (a new revision) or add one. The row is checked by the core bundle
 * rules first; nothing is written unless it passes and the named version is current.
 */
import { randomUUID } from 'node:crypto';
import {
  BUNDLE_FILES,
  type Bundle,
  columnOrder,
  DATA_POINT_COLUMNS,
  type DataPoint,
  formatPairs,
} from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';
import { type AffectedFigures, affectedFigures } from './affected-figures.js';
import { evaluated, findDataPoint } from './evaluation.js';
import { checkDataPointRows, factKey } from './parse-data-point-rows.js';
import { periodLocked } from './period-lock.js';

export type DataPointFields = {
  entity: string;
  period: string;
  indicator: string;
  disaggregation: string;
  value: string;
  unit: string;
  source: string;
  evidence: string;
  comment: string;
};

function check(bundle: Bundle, id: string, fields: DataPointFields): Result<DataPoint> {
  const header = columnOrder(DATA_POINT_COLUMNS);
  const cells = header.map((h) => (h === 'id' ? id : (fields[h as keyof DataPointFields] ?? '')));
  const table = { file: BUNDLE_FILES.dataPoints, header, rows: [{ line: 2, cells }] };
  // The row is checked against what it touches only (its entity, period and catalogue entry:
  // checkDataPointRows), so a check costs the same at 2,000 entities and 2.4 million data
  // points. Rules against the stored facts are the workspace's (fact-rules.ts).
  const parsed = checkDataPointRows(bundle, table, 'data point');
  const first = parsed.issues[0];
  if (first || !parsed.rows[0]) {
    const issues = parsed.issues.map(({ row: _row, ...rest }) => rest);
    return failure('invalid-data', first?.reason ?? 'invalid data point', {
      ...(first?.column === undefined ? {} : { field: first.column }),
      issues,
    });
  }
  return success(parsed.rows[0].dataPoint);
}

/** The workspace refused the write by a rule against the stored data (workspace/fact-rules.ts). */
export function refused(out: { id: string; field: string | undefined; message: string }) {
  return failure('invalid-data', `data point "${out.id}": ${out.message}`, {
    ...(out.field === undefined ? {} : { field: out.field }),
    issues: [
      {
        file: BUNDLE_FILES.dataPoints,
        ...(out.field === undefined ? {} : { column: out.field }),
        reason: out.message,
      },
    ],
  });
}

export function fieldsOf(d: DataPoint): DataPointFields {
  return {
    entity: d.entityId,
    period: d.periodId,
    indicator: d.indicatorId,
    disaggregation: formatPairs(d.disaggregation),
    value: d.quantity.value.toString(),
    unit: d.quantity.unit.symbol,
    source: d.source,
    evidence: d.evidence ?? '',
    comment: d.comment ?? '',
  };
}

/** A written data point, its new version and the figures the write changed (affected-figures.ts). */
export type Written = { dataPoint: DataPoint; version: number; affected: AffectedFigures };

const NOTHING: AffectedFigures = { changed: [], removed: [] };

export type WriteInput = {
  ws: Workspace;
  id: string;
  patch: { [K in 'value' | 'unit' | 'source' | 'evidence' | 'comment']?: string | undefined };
  version: number;
  reason: string;
  author: string;
  dryRun: boolean;
};

export async function updateDataPoint(i: WriteInput): Promise<Result<Written>> {
  const s = i.ws.snapshot();
  const current = findDataPoint(s, i.id);
  const currentVersion = s.versionOf(i.id);
  if (!current || currentVersion === undefined) return failure('not-found', `no data point "${i.id}"`);
  if (currentVersion !== i.version)
    return failure(
      'stale-version',
      `data point "${i.id}" is at version ${currentVersion}, not ${i.version}`,
      {
        field: 'version',
      },
    );
  const defined = Object.fromEntries(Object.entries(i.patch).filter(([, v]) => v !== undefined));
  const checked = check(s.bundle, i.id, { ...fieldsOf(current), ...defined });
  if (!checked.ok) return checked;
  if (i.dryRun) return success({ dataPoint: checked.value, version: currentVersion, affected: NOTHING });
  evaluated(s); // evaluated before the write, so that the one after can follow it incrementally
  const out = await i.ws.writeDataPoints(
    [{ dataPoint: checked.value, expectedVersion: i.version }],
    i.reason,
    i.author,
  );
  if (!out.ok && out.reason === 'stale')
    return failure('stale-version', `data point "${i.id}" changed meanwhile (now version ${out.current})`);
  if (!out.ok && out.reason === 'invalid') return refused(out);
  if (!out.ok && out.reason === 'locked') return periodLocked(out);
  if (!out.ok) return failure('not-found', `no data point "${i.id}"`);
  return success({
    dataPoint: checked.value,
    version: out.versions.get(i.id) ?? currentVersion + 1,
    affected: affectedFigures(s, i.ws.snapshot()),
  });
}

export type CreateInput = {
  ws: Workspace;
  id: string | undefined;
  fields: DataPointFields;
  reason: string;
  author: string;
};

export async function createDataPoint(i: CreateInput): Promise<Result<Written>> {
  const s = i.ws.snapshot();
  // A new id that no earlier revision (before a restart, too) can hold.
  const id = i.id ?? `dp-${randomUUID()}`;
  if (s.versionOf(id) !== undefined)
    return failure('conflict', `data point "${id}" already exists`, { field: 'id' });
  const checked = check(s.bundle, id, i.fields);
  if (!checked.ok) return checked;
  const key = factKey(checked.value);
  const clash = s.bundle.dataPoints.find((d) => factKey(d) === key);
  if (clash)
    return failure(
      'conflict',
      `"${clash.id}" already holds this entity, period, indicator and disaggregation`,
      {
        field: 'indicator',
      },
    );
  evaluated(s);
  const out = await i.ws.writeDataPoints(
    [{ dataPoint: checked.value, expectedVersion: undefined }],
    i.reason,
    i.author,
  );
  if (!out.ok && out.reason === 'invalid') return refused(out);
  if (!out.ok && out.reason === 'locked') return periodLocked(out);
  if (!out.ok) return failure('conflict', `data point "${id}" already exists`, { field: 'id' });
  // Not always 1: a data point added again after a retraction continues its revisions.
  return success({
    dataPoint: checked.value,
    version: out.versions.get(id) ?? 1,
    affected: affectedFigures(s, i.ws.snapshot()),
  });
}
