/**
 * Compare the real system with the model after a step: the current facts as read back
 * (readBundle) and as the workspace holds them (snapshot, in the same order), each data
 * point's version, the workspace's version, every revision of every fact (one query per table,
 * and the store's and the workspace's history functions for the facts the step touched), the
 * number of audit entries, and `verifyAudit` / `verifyRevisions`. A difference throws a
 * Divergence naming what differs.
 */
import { deepStrictEqual } from 'node:assert/strict';
import type { ActivityLine, Bundle, DataPoint } from '@assay/core';
import { auditEntries, verifyAudit } from '../src/audit.js';
import { dataPointHistory } from '../src/history.js';
import { readBundle } from '../src/read-bundle.js';
import type { Sql } from '../src/store.js';
import { verifyDigests } from '../src/verify-digests.js';
import { verifyRevisions } from '../src/verify-revisions.js';
import {
  AL_COLUMNS,
  DP_COLUMNS,
  type FactKindName,
  type Fields,
  keyOf,
  liveFacts,
  type Model,
  versionOf,
} from './model-reference.js';
import { timed } from './model-stats.js';
import type { Real } from './model-system.js';

export class Divergence extends Error {
  override name = 'Divergence';
}

function same(what: string, actual: unknown, expected: unknown): void {
  try {
    deepStrictEqual(actual, expected);
  } catch (e) {
    throw new Divergence(`${what} differs from the model\n${(e as Error).message}`);
  }
}

const pairsText = (d: Readonly<Record<string, string>>) =>
  Object.keys(d)
    .sort()
    .map((k) => `${k}=${d[k]}`)
    .join(';');

export function dataPointFields(d: DataPoint): Fields {
  return {
    id: d.id,
    entity: d.entityId,
    period: d.periodId,
    indicator: d.indicatorId,
    disaggregation: pairsText(d.disaggregation),
    value: d.quantity.value.toFixed(),
    unit: d.quantity.unit.symbol,
    source: d.source,
    comment: d.comment ?? '',
  };
}

export function activityLineFields(a: ActivityLine): Fields {
  return {
    id: a.id,
    entity: a.entityId,
    period: a.periodId,
    activity: a.activity,
    subject: a.subject,
    use: a.use ?? '',
    amount: a.amount.value.toFixed(),
    unit: a.amount.unit.symbol,
    attributes: pairsText(a.attributes),
    source: a.source,
    comment: a.comment ?? '',
  };
}

/** Current facts keyed and sorted by key (the model has no order; the order is checked separately). */
function byKey(kind: FactKindName, list: readonly Fields[]): [string, Fields][] {
  return list.map((f): [string, Fields] => [keyOf(kind, f), f]).sort(([a], [b]) => (a < b ? -1 : 1));
}

function modelCurrent(m: Model, kind: FactKindName): [string, Fields][] {
  return byKey(
    kind,
    liveFacts(m, kind).map((f) => f.revisions.at(-1)?.fields as Fields),
  );
}

function bundleCurrent(b: Bundle) {
  return { dp: b.dataPoints.map(dataPointFields), al: b.activityLines.map(activityLineFields) };
}

type RevisionRow = Record<string, string | number | boolean | null>;

const REVISIONS: Record<FactKindName, string> = {
  dp: `select r.fact_key, r.rev, r.retracted, r.fact_id as id, r.entity_id as entity, r.period_id as period,
         r.indicator_id as indicator, r.disaggregation, r.value::text as value, r.unit, r.source,
         coalesce(r.comment, '') as comment, c.author, c.reason,
         to_char(c.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
       from data_point_revision r join change_set c on c.id = r.change_set order by r.fact_key, r.rev`,
  al: `select r.fact_key, r.rev, r.retracted, r.fact_key as id, r.entity_id as entity, r.period_id as period,
         r.activity, r.subject, coalesce(r.use, '') as use, r.amount::text as amount, r.unit,
         coalesce(r.attributes, '') as attributes, r.source, coalesce(r.comment, '') as comment,
         c.author, c.reason, to_char(c.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
       from activity_line_revision r join change_set c on c.id = r.change_set order by r.fact_key, r.rev`,
};

type FlatRevision = {
  key: string;
  rev: number;
  retracted: boolean;
  author: string;
  reason: string;
  at: string;
};

async function storedRevisions(sql: Sql, kind: FactKindName) {
  const rows = await sql.query<RevisionRow>(REVISIONS[kind]);
  const columns = kind === 'dp' ? DP_COLUMNS : AL_COLUMNS;
  return rows.map((r) => ({
    key: String(r.fact_key),
    rev: Number(r.rev),
    retracted: r.retracted === true,
    author: String(r.author),
    reason: String(r.reason),
    at: String(r.at),
    fields: Object.fromEntries(columns.map((c) => [c, String(r[c] ?? '')])),
  }));
}

function modelRevisions(m: Model, kind: FactKindName) {
  const keys = [...m.facts[kind].keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.flatMap((key) =>
    (m.facts[kind].get(key)?.revisions ?? []).map((r, i): FlatRevision & { fields: Fields } => ({
      key,
      rev: i + 1,
      retracted: r.retracted,
      author: r.author,
      reason: r.reason,
      at: r.at,
      fields: r.fields,
    })),
  );
}

/** The audit chain, the revision tables and their digests pass `assay audit verify`'s checks, with the model's entry count. */
export async function checkVerify(m: Model, real: Real): Promise<void> {
  const audit = await verifyAudit(real.store);
  same('verifyAudit', audit.ok ? { ok: true, entries: audit.entries } : audit, {
    ok: true,
    entries: m.audit,
  });
  same('verifyRevisions', await verifyRevisions(real.store), []);
  same('verifyDigests problems', (await verifyDigests(real.store)).problems, []);
}

/**
 * Everything observable, compared with the model. Every step: the audit entry count, the
 * history of the data points the step touched (store and workspace), the workspace's current
 * facts, their order, versions and its version. When `full` (every `checkEvery` steps, and at
 * the end of a run): also every fact read back by readBundle, every revision of every fact, and
 * verifyAudit / verifyRevisions / verifyDigests.
 */
export async function checkAll(
  m: Model,
  real: Real,
  touched: readonly string[],
  full: boolean,
): Promise<void> {
  same('number of audit entries', await timed('c:count', () => auditEntries(real.store)), m.audit);
  for (const key of touched) await checkHistory(m, real, key);
  let back: { dp: Fields[]; al: Fields[] } | undefined;
  if (full) {
    const read = await timed('c:readBundle', () => readBundle(real.store));
    if (!read.ok)
      throw new Divergence(
        `readBundle failed: ${read.issues.map((i) => `${i.file} ${i.reason}`).join('; ')}`,
      );
    back = bundleCurrent(read.bundle);
    same('current data points (readBundle)', byKey('dp', back.dp), modelCurrent(m, 'dp'));
    same('current activity lines (readBundle)', byKey('al', back.al), modelCurrent(m, 'al'));
    for (const kind of ['dp', 'al'] as const)
      same(
        `revisions (${kind})`,
        await timed('c:revs', () => storedRevisions(real.store, kind)),
        modelRevisions(m, kind),
      );
  }
  if (real.ws) checkSnapshot(m, real.ws.snapshot(), back);
  if (full) await timed('c:verify', () => checkVerify(m, real));
}

async function checkHistory(m: Model, real: Real, key: string): Promise<void> {
  const fact = m.facts.dp.get(key);
  const expected = (fact?.revisions ?? []).map((r) => ({
    value: r.fields.value,
    unit: r.fields.unit,
    retracted: r.retracted,
    author: r.author,
    reason: r.reason,
    at: r.at,
  }));
  const h = await timed('c:hist', () => dataPointHistory(real.store, key));
  same(
    `dataPointHistory(${key})`,
    h.map(({ value, unit, retracted, author, reason, at }) => ({
      value,
      unit,
      retracted,
      author,
      reason,
      at,
    })),
    expected,
  );
  const id = fact?.revisions.at(-1)?.fields.id;
  if (!real.ws || id === undefined) return;
  const wh = await timed('c:hist', async () => real.ws?.history(id) ?? []);
  same(
    `workspace history(${id})`,
    wh.map(({ version, value, unit, retracted, author, reason, at }) => ({
      version,
      value,
      unit,
      retracted,
      author,
      reason,
      at,
    })),
    expected.map((r, i) => ({ version: i + 1, ...r })),
  );
}

type SnapshotLike = ReturnType<NonNullable<Real['ws']>['snapshot']>;

/** The workspace's facts, versions and version; its order is a fresh read's (`back`) when there is one. */
function checkSnapshot(m: Model, s: SnapshotLike, back: { dp: Fields[]; al: Fields[] } | undefined): void {
  const held = bundleCurrent(s.bundle);
  same('workspace data points', byKey('dp', held.dp), modelCurrent(m, 'dp'));
  same('workspace activity lines', byKey('al', held.al), modelCurrent(m, 'al'));
  // The workspace keeps the order a fresh read gives (change set, then position).
  if (back) {
    same(
      'workspace data-point order',
      held.dp.map((f) => f.id),
      back.dp.map((f) => f.id),
    );
    same(
      'workspace activity-line order',
      held.al.map((f) => f.id),
      back.al.map((f) => f.id),
    );
  }
  const live = liveFacts(m, 'dp')
    .map((f): [string, number] => [f.revisions.at(-1)?.fields.id as string, versionOf(f)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  same(
    'workspace versions',
    live.map(([id]) => [id, s.versionOf(id)]),
    live,
  );
  const liveLines = liveFacts(m, 'al')
    .map((f): [string, number] => [f.key, versionOf(f)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  same(
    'workspace activity-line versions',
    liveLines.map(([id]) => [id, s.lineVersionOf(id)]),
    liveLines,
  );
  same('workspace version', s.version, m.wsVersion);
}
