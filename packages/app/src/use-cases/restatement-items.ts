/**
 * A restatement request's items (issue #17): the facts it moves, as asked for (a data point or
 * activity line of the snapshot with a new value, or a new fact with its columns), turned into
 * the records the workspace keeps and the facts approval writes. Each restated fact is checked
 * by core's own bundle validation (no second set of rules), as the row it will be in
 * data-points.csv or activity-lines.csv; a problem names the item and the column
 * (`items.2.value`). An item must change something, and names each fact once.
 */
import { randomUUID } from 'node:crypto';
import {
  ACTIVITY_LINE_COLUMNS,
  type ActivityLine,
  BUNDLE_FILES,
  type Bundle,
  columnOrder,
  DATA_POINT_COLUMNS,
  type DataPoint,
  dataPointFactKey,
  parseUnit,
  type RawTable,
  sameDimensions,
  serializeBundle,
  validateBundle,
} from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type { RestatementFactKind, RestatementItemRecord } from '../workspace/restatement-records.js';
import type { Snapshot } from '../workspace/workspace.js';

/** One item as asked for: an existing fact (`id`) with a new value, or a new fact (`add`). */
export type RestatementItemInput = {
  readonly kind: RestatementFactKind;
  /** The fact restated; for a new fact its id (optional: one is made). */
  readonly id?: string | undefined;
  /** The new value (a data point's value, an activity line's amount), exact decimal text. */
  readonly value: string;
  /** The new unit; absent: the fact's own. */
  readonly unit?: string | undefined;
  /** A new fact's columns (entity, period, indicator or activity and subject, source…). */
  readonly add?: Readonly<Record<string, string>> | undefined;
};

export type ResolvedItems = {
  readonly records: readonly RestatementItemRecord[];
  readonly dataPoints: readonly DataPoint[];
  readonly activityLines: readonly ActivityLine[];
};

const VALUE_COLUMN: Readonly<Record<RestatementFactKind, 'value' | 'amount'>> = {
  'data-point': 'value',
  'activity-line': 'amount',
};
const HEADER: Readonly<Record<RestatementFactKind, string[]>> = {
  'data-point': columnOrder(DATA_POINT_COLUMNS),
  'activity-line': columnOrder(ACTIVITY_LINE_COLUMNS),
};

/** A fact's columns as its table holds them (serializeBundle's text, so validation reads it back the same). */
function rowOf(
  bundle: Bundle,
  kind: RestatementFactKind,
  fact: DataPoint | ActivityLine,
): Record<string, string> {
  const raw = serializeBundle({
    ...bundle,
    dataPoints: kind === 'data-point' ? [fact as DataPoint] : [],
    activityLines: kind === 'activity-line' ? [fact as ActivityLine] : [],
  });
  const table = kind === 'data-point' ? raw.dataPoints : raw.activityLines;
  const cells = table?.rows[0]?.cells ?? [];
  return Object.fromEntries((table?.header ?? []).map((h, i) => [h, cells[i] ?? '']));
}

/** The entity an item names: its fact's, or a new fact's `entity` column; undefined if unknown. */
export function entityOfItem(s: Snapshot, item: RestatementItemInput): string | undefined {
  if (item.add) return item.add.entity;
  const b = s.bundle;
  const fact =
    item.kind === 'data-point'
      ? b.dataPoints.find((d) => d.id === item.id)
      : b.activityLines.find((l) => l.id === item.id);
  return fact?.entityId;
}

type Draft = { kind: RestatementFactKind; row: Record<string, string>; old: RestatementItemRecord['old'] };

function draftOf(s: Snapshot, item: RestatementItemInput, i: number): Result<Draft> {
  const b = s.bundle;
  const valueColumn = VALUE_COLUMN[item.kind];
  if (item.add) {
    const allowed = new Set(HEADER[item.kind]);
    const unknown = Object.keys(item.add).find(
      (k) => !allowed.has(k) || k === 'id' || k === valueColumn || k === 'unit',
    );
    if (unknown !== undefined)
      return failure(
        'invalid-request',
        `items.${i}.add.${unknown}: not a column of a new ${item.kind} here (give id, value and unit beside add)`,
        {
          field: `items.${i}.add.${unknown}`,
        },
      );
    if (!item.unit)
      return failure('invalid-request', `items.${i}.unit: a new ${item.kind} needs its unit`, {
        field: `items.${i}.unit`,
      });
    const id = item.id?.trim() || `${item.kind === 'data-point' ? 'dp' : 'al'}-${randomUUID()}`;
    if (item.kind === 'data-point' ? s.versionOf(id) !== undefined : s.lineVersionOf(id) !== undefined)
      return failure(
        'conflict',
        `items.${i}.id: ${item.kind} "${id}" already exists; restate it by its id instead`,
        {
          field: `items.${i}.id`,
        },
      );
    return success({
      kind: item.kind,
      row: { ...item.add, id, [valueColumn]: item.value, unit: item.unit },
      old: null,
    });
  }
  const id = item.id?.trim() ?? '';
  if (id === '')
    return failure(
      'invalid-request',
      `items.${i}.id: name the ${item.kind} restated (or give add for a new one)`,
      {
        field: `items.${i}.id`,
      },
    );
  const fact =
    item.kind === 'data-point'
      ? b.dataPoints.find((d) => d.id === id)
      : b.activityLines.find((l) => l.id === id);
  const rev = item.kind === 'data-point' ? s.versionOf(id) : s.lineVersionOf(id);
  if (!fact || rev === undefined)
    return failure('not-found', `items.${i}.id: no ${item.kind} "${id}"`, { field: `items.${i}.id` });
  const q = 'quantity' in fact ? fact.quantity : fact.amount;
  const row = rowOf(b, item.kind, fact);
  return success({
    kind: item.kind,
    row: { ...row, [valueColumn]: item.value, ...(item.unit ? { unit: item.unit } : {}) },
    old: { rev, value: q.value.toFixed(), unit: q.unit.symbol },
  });
}

function table(kind: RestatementFactKind, drafts: readonly Draft[]): RawTable {
  const header = HEADER[kind];
  return {
    file: kind === 'data-point' ? BUNDLE_FILES.dataPoints : BUNDLE_FILES.activityLines,
    header,
    rows: drafts.map((d, k) => ({ line: k + 2, cells: header.map((h) => d.row[h] ?? '') })),
  };
}

/**
 * The items checked against the snapshot and core's rules: the records to keep and the facts
 * approval writes, or the first problem naming its item and column.
 */
export function resolveItems(s: Snapshot, items: readonly RestatementItemInput[]): Result<ResolvedItems> {
  const drafts: Draft[] = [];
  for (const [i, item] of items.entries()) {
    const d = draftOf(s, item, i);
    if (!d.ok) return d;
    drafts.push(d.value);
  }
  return validated(s, drafts);
}

/**
 * The facts a recorded request writes on approval: its rows as recorded (the revision each
 * restates is checked by the workspace), validated again against the snapshot's settings.
 */
export function factsOf(s: Snapshot, records: readonly RestatementItemRecord[]): Result<ResolvedItems> {
  return validated(
    s,
    records.map((r) => ({ kind: r.kind, row: { ...r.fact }, old: r.old })),
  );
}

function validated(s: Snapshot, drafts: readonly Draft[]): Result<ResolvedItems> {
  const byKind = (k: RestatementFactKind) => drafts.map((d, i) => ({ d, i })).filter((x) => x.d.kind === k);
  const dps = byKind('data-point');
  const lines = byKind('activity-line');
  const raw = serializeBundle({ ...s.bundle, dataPoints: [], activityLines: [], published: [] });
  const v = validateBundle({
    settings: raw.settings,
    ...(raw.indicators ? { indicators: raw.indicators } : {}),
    dataPoints: table(
      'data-point',
      dps.map((x) => x.d),
    ),
    activityLines: table(
      'activity-line',
      lines.map((x) => x.d),
    ),
  });
  if (!v.ok) {
    const first = v.issues[0];
    const list = first?.file === BUNDLE_FILES.activityLines ? lines : dps;
    const at = first?.row === undefined ? undefined : list[first.row - 2]?.i;
    const column = first?.column === 'amount' || first?.column === 'value' ? 'value' : first?.column;
    const field = at === undefined ? 'items' : `items.${at}${column ? `.${column}` : ''}`;
    return failure('invalid-data', `${field}: ${first?.reason ?? 'invalid'}`, {
      field,
      issues: v.issues.map((x) => ({ ...x, file: 'restatement' })),
    });
  }
  const records: RestatementItemRecord[] = [];
  const seen = new Set<string>();
  for (const [i, d] of drafts.entries()) {
    const k = dps.findIndex((x) => x.i === i);
    const fact =
      d.kind === 'data-point'
        ? v.bundle.dataPoints[k]
        : v.bundle.activityLines[lines.findIndex((x) => x.i === i)];
    if (!fact) throw new Error(`restatement item ${i} vanished in validation`);
    const q = 'quantity' in fact ? fact.quantity : fact.amount;
    const factKey = 'quantity' in fact ? dataPointFactKey(fact) : fact.id;
    if (seen.has(`${d.kind}|${factKey}`))
      return failure('invalid-request', `items.${i}: this ${d.kind} is already an item of the request`, {
        field: `items.${i}`,
      });
    seen.add(`${d.kind}|${factKey}`);
    const oldUnit = d.old ? parseUnit(d.old.unit) : undefined;
    if (oldUnit?.ok && !sameDimensions(oldUnit.unit.dims, q.unit.dims))
      return failure(
        'invalid-data',
        `items.${i}.unit: "${q.unit.symbol}" does not measure what "${d.old?.unit}" does; restate the value in a unit of the same kind`,
        { field: `items.${i}.unit` },
      );
    if (d.old && d.old.value === q.value.toFixed() && d.old.unit === q.unit.symbol)
      return failure(
        'invalid-request',
        `items.${i}.value: ${d.kind} "${fact.id}" is already ${d.old.value} ${d.old.unit}; an item must change it`,
        {
          field: `items.${i}.value`,
        },
      );
    records.push({
      kind: d.kind,
      factId: fact.id,
      factKey,
      entityId: fact.entityId,
      periodId: fact.periodId,
      old: d.old,
      newValue: q.value.toFixed(),
      newUnit: q.unit.symbol,
      fact: d.row,
    });
  }
  return success({ records, dataPoints: v.bundle.dataPoints, activityLines: v.bundle.activityLines });
}
