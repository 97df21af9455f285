/**
 * What a reviewer sees beside a submission (issue #17: "Reviewers see the change against last
 * period and last year and the checker's findings on the submission beside it"): for one
 * workflow unit (entity × period × topic), its data points and activity lines, each with the
 * same fact in the previous period and in the same period last year and the change against
 * each, and the checker's findings on the unit.
 *
 * - A data point's counterpart is the same entity, indicator and disaggregation; an activity
 *   line's is the same entity, activity, subject and use, summed over the comparison period
 *   (list-activity-lines.ts). Previous of 2026-01 is 2025-12; last year's is 2025-01.
 * - Change: (this − that) / that, in per cent, exact, rounded half-up to one decimal place only
 *   here at the output; null when there is nothing to compare with, the earlier value is zero,
 *   or the two cannot be converted to one unit.
 * - Findings: those of the unit's entity whose indicator is of the unit's topic, or that name
 *   no indicator; of the unit's period, its year, or no period. Each with its id (comments).
 * The caller's permission on the entity is the route's rule (entity kind): this reads only the
 * unit's own entity, nothing below it.
 */
import {
  type ActivityLine,
  bundleCatalogue,
  convert,
  type DataPoint,
  Decimal,
  disaggregationKey,
  findingId,
  isQuantity,
  parsePeriod,
} from '@assay/core';
import { failure, success } from '../outcome.js';
import type { Snapshot } from '../workspace/workspace.js';
import { checkResult } from './findings.js';
import {
  type Comparison,
  listActivityLines,
  previousPeriod,
  samePeriodLastYear,
} from './list-activity-lines.js';
import { ACTIVITY_TOPIC } from './report-status.js';

export type UnitReviewInput = {
  readonly snapshot: Snapshot;
  readonly entityId: string;
  readonly periodId: string;
  readonly topic: string;
};

/** A fact's value in a comparison period (exact decimal text in the fact's own unit) and the change. */
export type Against = {
  readonly period: string;
  readonly value: string | null;
  readonly unit: string;
  /** Per cent, one decimal place, half-up ("12.5", "-3.0"); null: no comparison possible. */
  readonly changePercent: string | null;
};

const percent = (now: Decimal, then: Decimal): string | null =>
  then.isZero()
    ? null
    : now.minus(then).div(then).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);

function againstDataPoint(d: DataPoint, others: readonly DataPoint[], period: string): Against {
  const key = disaggregationKey(d.disaggregation);
  const match = others.find(
    (o) =>
      o.periodId === period &&
      o.entityId === d.entityId &&
      o.indicatorId === d.indicatorId &&
      disaggregationKey(o.disaggregation) === key,
  );
  const unit = d.quantity.unit.symbol;
  if (!match) return { period, value: null, unit, changePercent: null };
  const then = convert(match.quantity, d.quantity.unit);
  if (!isQuantity(then)) return { period, value: null, unit, changePercent: null };
  return { period, value: then.value.toFixed(), unit, changePercent: percent(d.quantity.value, then.value) };
}

function againstLine(amount: string, c: Comparison, period: string, unit: string): Against {
  if (c === null) return { period, value: null, unit, changePercent: null };
  return {
    period,
    value: c.amount,
    unit,
    changePercent: percent(new Decimal(amount), new Decimal(c.amount)),
  };
}

export function reviewUnit(i: UnitReviewInput) {
  const s = i.snapshot;
  const bundle = s.bundle;
  if (!bundle.organisation.entities.some((e) => e.id === i.entityId))
    return failure('not-found', `no entity "${i.entityId}"`, { field: 'entity' });
  const period = parsePeriod(i.periodId);
  if (!period)
    return failure(
      'invalid-request',
      `period "${i.periodId}": use a year (2025), quarter (2025-Q1) or month (2025-01)`,
      {
        field: 'period',
      },
    );
  const catalogue = bundleCatalogue(bundle);
  const topics = new Set([...catalogue.values()].map((x) => x.topic));
  if (!topics.has(i.topic))
    return failure('not-found', `no topic "${i.topic}" in the catalogue`, { field: 'topic' });
  const prevId = previousPeriod(period);
  const lastId = samePeriodLastYear(period);
  const ofTopic = (indicatorId: string) => catalogue.get(indicatorId)?.topic === i.topic;
  const mine = bundle.dataPoints.filter((d) => d.entityId === i.entityId && ofTopic(d.indicatorId));
  const dataPoints = mine
    .filter((d) => d.periodId === period.id)
    .map((d) => ({
      id: d.id,
      version: s.versionOf(d.id) ?? 1,
      indicatorId: d.indicatorId,
      disaggregation: disaggregationKey(d.disaggregation),
      value: d.quantity.value.toFixed(),
      unit: d.quantity.unit.symbol,
      previous: againstDataPoint(d, mine, prevId),
      lastYear: againstDataPoint(d, mine, lastId),
    }));
  const listed = listActivityLines({
    snapshot: s,
    entity: i.entityId,
    period: period.id,
    visible: new Set([i.entityId]),
  });
  const isUnitLine = (l: Pick<ActivityLine, 'entityId' | 'activity'>) =>
    l.entityId === i.entityId && ACTIVITY_TOPIC[l.activity] === i.topic;
  const activityLines = listed.ok
    ? listed.value.lines
        .filter((l) => isUnitLine({ entityId: l.entityId, activity: l.activity as ActivityLine['activity'] }))
        .map((l) => ({
          id: l.id,
          version: l.version,
          activity: l.activity,
          subject: l.subject,
          use: l.use,
          amount: l.amount,
          unit: l.unit,
          previous: againstLine(l.amount, l.previous, prevId, l.unit),
          lastYear: againstLine(l.amount, l.lastYear, lastId, l.unit),
        }))
    : [];
  const periods = new Set([period.id, String(period.year)]);
  const findings = checkResult(s)
    .findings.filter(
      (f) =>
        f.where.entityId === i.entityId &&
        (f.where.indicatorId === undefined || ofTopic(f.where.indicatorId)) &&
        (f.where.periodId === undefined || periods.has(f.where.periodId)),
    )
    .map((f) => ({ id: findingId(f), ...f }));
  return success({
    unit: { entityId: i.entityId, periodId: period.id, topic: i.topic },
    previousPeriod: prevId,
    lastYearPeriod: lastId,
    workspaceVersion: s.version,
    dataPoints,
    activityLines,
    findings,
  });
}

export type UnitReview = Extract<ReturnType<typeof reviewUnit>, { ok: true }>['value'];
