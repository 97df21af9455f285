/**
 * The activity lines of an entity (and everything below it) for one period, as an entry form
 * shows them (issue #17): each line with its version (to edit or retract it), and beside it the
 * same line's amount in the previous period and in the same period last year. Where a line of
 * those periods has no counterpart yet, it is listed under `toEnter`, so the form can offer it.
 *
 * "The same line" is the same entity, activity, subject and use. A comparison sums every such
 * line whose period lies within the comparison period (last January's monthly lines for
 * January; all of last year's months and quarters for a yearly line), converted exactly to the
 * line's unit (for a line yet to enter: the unit most of those lines use); a line of another
 * dimension is left out of the sum (it cannot be converted) and counted in `skipped`.
 * Periods: previous of 2026-01 is 2025-12, of 2026-Q1 2025-Q4, of 2026 2025; last year's of
 * 2026-01 is 2025-01.
 */
import {
  type ActivityLine,
  type Bundle,
  convert,
  Decimal,
  formatPairs,
  isQuantity,
  isWithin,
  type Period,
  parsePeriod,
  type Unit,
} from '@assay/core';
import { entityTree } from '../access/entity-tree.js';
import { failure, type Result, success } from '../outcome.js';
import type { Snapshot } from '../workspace/workspace.js';

export type ListActivityLinesInput = {
  readonly snapshot: Snapshot;
  /** The entity whose subtree is listed; undefined: every entity. */
  readonly entity?: string | undefined;
  /** One period id (2026, 2026-Q1, 2026-01); undefined: every period (no comparisons then). */
  readonly period?: string | undefined;
  /** The entities the caller may read (the route's allowed set); lines elsewhere are left out. */
  readonly visible: ReadonlySet<string>;
};

/** A comparison beside a field: the summed amount in the line's unit, or null when there is none. */
export type Comparison = {
  readonly period: string;
  /** Exact decimal text in `unit`. */
  readonly amount: string;
  readonly unit: string;
  /** How many lines were summed, and how many of another dimension were left out. */
  readonly lines: number;
  readonly skipped: number;
} | null;

export function presentActivityLine(l: ActivityLine, version: number) {
  return {
    id: l.id,
    version,
    entityId: l.entityId,
    periodId: l.periodId,
    activity: l.activity,
    subject: l.subject,
    use: l.use ?? null,
    amount: l.amount.value.toFixed(),
    unit: l.amount.unit.symbol,
    attributes: formatPairs(l.attributes),
    source: l.source,
    evidence: l.evidence ?? null,
    comment: l.comment ?? null,
  };
}

export type PresentedActivityLine = ReturnType<typeof presentActivityLine>;

export type ListedLine = PresentedActivityLine & {
  readonly previous: Comparison;
  readonly lastYear: Comparison;
};

/** A line of a comparison period with no counterpart in the period listed. */
export type LineToEnter = {
  readonly entityId: string;
  readonly activity: string;
  readonly subject: string;
  readonly use: string | null;
  readonly unit: string;
  readonly previous: Comparison;
  readonly lastYear: Comparison;
};

export type ActivityLineList = {
  readonly workspaceVersion: number;
  readonly period: string | null;
  readonly previousPeriod: string | null;
  readonly lastYearPeriod: string | null;
  readonly lines: readonly ListedLine[];
  readonly toEnter: readonly LineToEnter[];
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The period before `p`, of the same kind. */
export function previousPeriod(p: Period): string {
  if (p.kind === 'year') return String(p.year - 1);
  if (p.kind === 'quarter') return p.index === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${p.index - 1}`;
  return p.index === 1 ? `${p.year - 1}-12` : `${p.year}-${pad2(p.index - 1)}`;
}

/** The same period a year earlier. */
export function samePeriodLastYear(p: Period): string {
  if (p.kind === 'year') return String(p.year - 1);
  return p.kind === 'quarter' ? `${p.year - 1}-Q${p.index}` : `${p.year - 1}-${pad2(p.index)}`;
}

/** What makes two lines "the same line" across periods. */
const sameLineKey = (l: Pick<ActivityLine, 'entityId' | 'activity' | 'subject' | 'use'>) =>
  `${l.entityId}\u0000${l.activity}\u0000${l.subject}\u0000${l.use ?? ''}`;

/** The sum of `lines` (one same-line group of a comparison period) in `unit`. */
function compare(lines: readonly ActivityLine[], period: string, unit: Unit): Comparison {
  if (lines.length === 0) return null;
  let sum = new Decimal(0);
  let skipped = 0;
  for (const l of lines) {
    const v = convert(l.amount, unit);
    if (isQuantity(v)) sum = sum.plus(v.value);
    else skipped += 1;
  }
  return { period, amount: sum.toFixed(), unit: unit.symbol, lines: lines.length - skipped, skipped };
}

/** The unit most of `lines` are in (the later one on a tie): a line yet to enter is offered in it. */
function usualUnit(lines: readonly ActivityLine[]): Unit {
  const count = new Map<string, { unit: Unit; n: number }>();
  for (const l of lines) {
    const c = count.get(l.amount.unit.symbol);
    count.set(l.amount.unit.symbol, { unit: l.amount.unit, n: (c?.n ?? 0) + 1 });
  }
  let best: { unit: Unit; n: number } | undefined;
  for (const c of count.values()) if (!best || c.n >= best.n) best = c;
  return (best as { unit: Unit }).unit;
}

/** Lines whose period lies within `outer`, grouped by same-line key. */
function groupWithin(lines: readonly ActivityLine[], outer: Period): Map<string, ActivityLine[]> {
  const out = new Map<string, ActivityLine[]>();
  for (const l of lines) {
    const p = parsePeriod(l.periodId);
    if (!p || !isWithin(p, outer)) continue;
    const k = sameLineKey(l);
    out.set(k, [...(out.get(k) ?? []), l]);
  }
  return out;
}

function entitiesOf(bundle: Bundle, entity: string | undefined, visible: ReadonlySet<string>): Set<string> {
  const all = bundle.organisation.entities;
  const ids = entity === undefined ? all.map((e) => e.id) : entityTree(all).subtree(entity);
  return new Set(ids.filter((id) => visible.has(id)));
}

export function listActivityLines(i: ListActivityLinesInput): Result<ActivityLineList> {
  const s = i.snapshot;
  const bundle = s.bundle;
  if (i.entity !== undefined && !bundle.organisation.entities.some((e) => e.id === i.entity))
    return failure('not-found', `no entity "${i.entity}"`, { field: 'entity' });
  const period = i.period === undefined ? undefined : parsePeriod(i.period);
  if (i.period !== undefined && !period)
    return failure(
      'invalid-request',
      `period: "${i.period}" is not a period (use 2026, 2026-Q1 or 2026-01)`,
      {
        field: 'period',
      },
    );
  const entities = entitiesOf(bundle, i.entity, i.visible);
  const mine = bundle.activityLines.filter((l) => entities.has(l.entityId));
  const version = (l: ActivityLine) => s.lineVersionOf(l.id) ?? 1;
  if (!period)
    return success({
      workspaceVersion: s.version,
      period: null,
      previousPeriod: null,
      lastYearPeriod: null,
      lines: mine.map((l) => ({ ...presentActivityLine(l, version(l)), previous: null, lastYear: null })),
      toEnter: [],
    });
  const prevId = previousPeriod(period);
  const lastId = samePeriodLastYear(period);
  const prev = groupWithin(mine, parsePeriod(prevId) as Period);
  const last = groupWithin(mine, parsePeriod(lastId) as Period);
  const listed = mine.filter((l) => l.periodId === period.id);
  const lines = listed.map((l) => ({
    ...presentActivityLine(l, version(l)),
    previous: compare(prev.get(sameLineKey(l)) ?? [], prevId, l.amount.unit),
    lastYear: compare(last.get(sameLineKey(l)) ?? [], lastId, l.amount.unit),
  }));
  const entered = new Set(listed.map(sameLineKey));
  const toEnter: LineToEnter[] = [];
  for (const key of new Set([...prev.keys(), ...last.keys()])) {
    if (entered.has(key)) continue;
    const group = prev.get(key) ?? last.get(key) ?? [];
    const sample = group[0] as ActivityLine;
    const unit = usualUnit(group);
    toEnter.push({
      entityId: sample.entityId,
      activity: sample.activity,
      subject: sample.subject,
      use: sample.use ?? null,
      unit: unit.symbol,
      previous: compare(prev.get(key) ?? [], prevId, unit),
      lastYear: compare(last.get(key) ?? [], lastId, unit),
    });
  }
  return success({
    workspaceVersion: s.version,
    period: period.id,
    previousPeriod: prevId,
    lastYearPeriod: lastId,
    lines,
    toEnter,
  });
}
