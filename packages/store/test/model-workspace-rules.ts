/**
 * The model of the server's Workspace port (packages/server/src/workspace/workspace.ts) for
 * the model-based tests: what writeDataPoints and retractDataPoint answer and do, written from
 * the port's contract, and the data points a generated change stands for.
 */
import { type DataPoint, q } from '@assay/core';
import {
  applyRetraction,
  applyRows,
  type Fields,
  idOwner,
  isLive,
  keyOf,
  liveDataPointById,
  liveFacts,
  type Meta,
  type Model,
  normaliseDecimal,
  overlaps,
  versionOf,
} from './model-reference.js';
import { type DpRowSpec, dpSlot } from './model-rows.js';
import type { WsOutcome } from './model-system.js';
import { SOURCES } from './model-universe.js';

const WS_COMMENTS = ['', 'web edit', '覆核完成'] as const;

export type Change = {
  readonly dataPoint: DataPoint;
  readonly fields: Fields;
  readonly expected: number | undefined;
};

/** The data point a row spec stands for, as the web app would send it, with the fields the store should keep. */
export function change(spec: DpRowSpec, expected: number | undefined): Change {
  const s = dpSlot(spec.slot);
  const value = s.integer ? spec.integer : spec.decimal;
  const [label, symbol] = s.units[spec.unit % s.units.length] as readonly [string, string];
  const source = SOURCES[spec.source % SOURCES.length] as string;
  const comment = WS_COMMENTS[spec.comment % WS_COMMENTS.length] as string;
  const disaggregation = Object.fromEntries(s.disaggregation === '' ? [] : [s.disaggregation.split('=')]);
  return {
    dataPoint: {
      id: s.id,
      entityId: s.entity,
      periodId: s.period,
      indicatorId: s.indicator,
      disaggregation,
      quantity: q(`${value} ${label}`),
      source,
      ...(comment === '' ? {} : { comment }),
    },
    fields: {
      id: s.id,
      entity: s.entity,
      period: s.period,
      indicator: s.indicator,
      disaggregation: s.disaggregation,
      value: normaliseDecimal(value),
      unit: symbol,
      source,
      comment,
    },
    expected,
  };
}

export type Outcome =
  | { ok: true; versions?: [string, number][]; version?: number; workspaceVersion: number }
  | { ok: false; reason: string; id: string; current?: number; field?: string };

/**
 * The model's writeDataPoints: two changes with one id, or one key, are refused on the later
 * one first (field 'id', none for a key); then versions checked in order, the first refusal
 * refuses all; then the rules against stored data (an id of another data point first, then
 * overlapping periods, reported on the later of two rows); else all apply.
 */
export function modelWrite(m: Model, changes: readonly Change[], meta: Meta): Outcome {
  for (const [i, c] of changes.entries()) {
    const earlier = changes.slice(0, i);
    const id = c.fields.id as string;
    if (earlier.some((b) => b.fields.id === id)) return { ok: false, reason: 'invalid', id, field: 'id' };
    if (earlier.some((b) => keyOf('dp', b.fields) === keyOf('dp', c.fields)))
      return { ok: false, reason: 'invalid', id };
  }
  for (const c of changes) {
    const id = c.fields.id as string;
    const byId = liveDataPointById(m, id);
    const keyLive = isLive(m.facts.dp.get(keyOf('dp', c.fields)));
    if (c.expected === undefined && (byId || keyLive)) return { ok: false, reason: 'exists', id };
    if (c.expected !== undefined && !byId) return { ok: false, reason: 'not-found', id };
    if (byId && c.expected !== undefined && versionOf(byId) !== c.expected)
      return { ok: false, reason: 'stale', id, current: versionOf(byId) };
  }
  const rekeyed = changes.find((c) => idOwner(m, c.fields.id as string, keyOf('dp', c.fields)) !== undefined);
  if (rekeyed) return { ok: false, reason: 'invalid', id: rekeyed.fields.id as string, field: 'id' };
  const written = new Set(changes.map((c) => keyOf('dp', c.fields)));
  const stored = liveFacts(m, 'dp')
    .filter((f) => !written.has(f.key))
    .map((f) => f.revisions.at(-1)?.fields as Fields);
  const overlapping = changes.find(
    (c, i) =>
      stored.some((f) => overlaps(f, c.fields)) ||
      changes.slice(0, i).some((b) => overlaps(b.fields, c.fields)),
  );
  if (overlapping)
    return { ok: false, reason: 'invalid', id: overlapping.fields.id as string, field: 'period' };
  applyRows(
    m,
    'dp',
    changes.map((c) => c.fields),
    meta,
  );
  m.wsVersion += 1; // every accepted write, even one that changes nothing
  const versions = changes.map((c): [string, number] => {
    const f = liveDataPointById(m, c.fields.id as string);
    return [c.fields.id as string, f ? versionOf(f) : 0];
  });
  return { ok: true, versions, workspaceVersion: m.wsVersion };
}

export function modelRetract(m: Model, id: string, expected: number, meta: Meta): Outcome {
  const f = liveDataPointById(m, id);
  if (!f) return { ok: false, reason: 'not-found', id };
  if (versionOf(f) !== expected) return { ok: false, reason: 'stale', id, current: versionOf(f) };
  applyRetraction(m, [{ kind: 'dp', key: f.key }], meta);
  m.wsVersion += 1;
  return { ok: true, version: expected + 1, workspaceVersion: m.wsVersion };
}

export function outcomeOf(o: WsOutcome): Outcome {
  if (!o.ok)
    return {
      ok: false,
      reason: o.reason,
      id: o.id,
      ...(o.current === undefined ? {} : { current: o.current }),
      // The message is for people; the field at fault is compared.
      ...(o.field === undefined ? {} : { field: o.field }),
    };
  return {
    ok: true,
    ...(o.versions ? { versions: [...o.versions] } : {}),
    ...(o.version === undefined ? {} : { version: o.version }),
    workspaceVersion: o.workspaceVersion,
  };
}

/** The real outcome as the model's. */
export function sameOutcome(actual: Outcome, expected: Outcome): boolean {
  return json(actual) === json(expected);
}

const json = (x: unknown) => JSON.stringify(x);
