/** data-points.csv and activity-lines.csv → facts, each row checked against the organisation and catalogue. */
import {
  ACTIVITY_TYPES,
  type ActivityLine,
  type ActivityType,
  type DataPoint,
  type Disaggregation,
  disaggregationKey,
  FUEL_USES,
  type FuelUse,
} from '../model/fact.js';
import type { Indicator } from '../model/indicator.js';
import type { Period } from '../model/period.js';
import { quantity } from '../units/quantity.js';
import { unitDimension } from '../units/unit.js';
import { ACTIVITY_LINE_COLUMNS, DATA_POINT_COLUMNS } from './columns.js';
import type { BundleIssue, RawTable } from './raw.js';
import { RowChecker, type RowContext } from './row-context.js';
import { parsePairs, readTable } from './table-rows.js';

/**
 * The rows given so far for one (entity, indicator, breakdown): a handful (the months of a year
 * or two), so a scan finds a repeated period or a year given two ways. One string key and one
 * entry per row, where two keys per row and two maps of millions of entries were before.
 * `overlapChecked`: the row passed the overlap rule (the year's other rows are of its kind).
 */
type GroupRow = { readonly period: Period; readonly line: number; readonly overlapChecked: boolean };

/** The breakdown of a data point without one (most of them): one frozen record, not one each. */
const NO_BREAKDOWN: Disaggregation = Object.freeze({});

export function loadDataPoints(table: RawTable, ctx: RowContext, issues: BundleIssue[]): DataPoint[] {
  const out: DataPoint[] = [];
  const ids = new Map<string, number>();
  const groups = new Map<string, GroupRow[]>();
  const sources = new TextPool();
  for (const row of readTable(table, DATA_POINT_COLUMNS, issues)) {
    const c = new RowChecker(table.file, row, issues);
    const entityId = c.entity(ctx);
    const period = c.period(ctx);
    const indicatorId = c.required('indicator');
    const indicator = indicatorId === undefined ? undefined : ctx.catalogue.get(indicatorId);
    if (indicatorId !== undefined && !indicator) c.fail('indicator', `unknown indicator "${indicatorId}"`);
    const value = c.decimal('value');
    const unit = c.unit('unit');
    const source = c.required('source');
    const breakdown = c.cell('disaggregation');
    const pairs = breakdown === '' ? NO_PAIRS : parsePairs(breakdown);
    if (!pairs.ok) c.fail('disaggregation', pairs.reason);
    if (indicator && value?.lessThan(0) && indicator.signed !== true) {
      c.fail(
        'value',
        `"${c.cell('value')}" is below zero, but ${indicator.id} cannot be negative (only an indicator declared "signed: true" can)`,
      );
    }
    const missingAxes = pairs.ok ? (indicator?.nonAdditiveAxes ?? []).filter((a) => !(a in pairs.value)) : [];
    if (indicator && missingAxes.length > 0) {
      c.fail(
        'disaggregation',
        `${indicator.id} is not additive over ${missingAxes.join(', ')} (its categories are different substances): name one, e.g. "${missingAxes[0]}=nox"; a total over them means nothing`,
      );
    }
    if (indicator && unit && unitDimension(unit) !== indicator.dimension) {
      c.fail(
        'unit',
        `unit "${unit.symbol}" is ${unitDimension(unit)}, but ${indicator.id} is ${indicator.dimension} (e.g. ${indicator.unit})`,
      );
    }
    if (indicator && pairs.ok) {
      for (const axis of Object.keys(pairs.value)) {
        if (!(indicator.axes as readonly string[]).includes(axis)) {
          c.fail(
            'disaggregation',
            `${indicator.id} has no axis "${axis}" (axes: ${indicator.axes.join(', ') || 'none'})`,
          );
        }
      }
    }
    const id = c.cell('id') || `dp-${row.line}`;
    const sameId = ids.get(id);
    if (sameId !== undefined) c.fail('id', `duplicate id "${id}" (also on line ${sameId})`);
    ids.set(id, row.line);
    if (c.failed || !entityId || !period || !indicatorId || !value || !unit || !source || !pairs.ok) continue;
    // a template string, not [..].join('|'): no array per row (millions of rows)
    const groupKey = `${entityId}|${indicatorId}|${disaggregationKey(pairs.value)}`;
    let group = groups.get(groupKey);
    if (group === undefined) {
      group = [];
      groups.set(groupKey, group);
    }
    const dup = group.find((g) => g.period.id === period.id);
    if (dup !== undefined) {
      c.fail(
        undefined,
        `duplicate data point: same entity, period, indicator and disaggregation as line ${dup.line}`,
      );
      continue;
    }
    // the latest row of this year that passed the overlap rule (all of them are of one kind)
    const other = group.findLast((g) => g.overlapChecked && g.period.year === period.year);
    const overlaps = other !== undefined && other.period.kind !== period.kind;
    group.push({ period, line: row.line, overlapChecked: !overlaps });
    if (overlaps) {
      c.fail(
        'period',
        `${period.id} overlaps ${other.period.id} on line ${other.line}: a year must be given as one value or as its months or quarters, not both`,
      );
      continue;
    }
    // built field by field (no spread of optional parts: one object, one shape); the names are
    // the organisation's, the period's and the catalogue's own strings, not the row's copies
    const point: Mutable<DataPoint> = {
      id,
      entityId,
      periodId: period.id,
      indicatorId: (indicator as Indicator).id,
      disaggregation: pairs.value,
      quantity: quantity(value, unit),
      source: sources.one(source),
    };
    const evidence = c.cell('evidence');
    if (evidence !== '') point.evidence = evidence;
    const comment = c.cell('comment');
    if (comment !== '') point.comment = comment;
    out.push(point);
  }
  return out;
}

const NO_PAIRS = { ok: true, value: NO_BREAKDOWN } as const;

/**
 * One string for each distinct text (a table names a few sources millions of times), up to
 * POOLED texts; past that, texts are kept as given (input cannot make the pool grow without end).
 */
class TextPool {
  private static readonly POOLED = 10_000;
  private readonly texts = new Map<string, string>();

  one(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size < TextPool.POOLED) this.texts.set(text, text);
    return text;
  }
}
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Keep in step with packages/io/src/import/fast-activity-rows.ts, which accepts certainly-valid
 * CSV batches without building ActivityLines; its differential test catches a rule added here
 * only if its generated corpus exercises it, so extend the corpus with any new rule.
 */
export function loadActivityLines(table: RawTable, ctx: RowContext, issues: BundleIssue[]): ActivityLine[] {
  const out: ActivityLine[] = [];
  const ids = new Map<string, number>();
  for (const row of readTable(table, ACTIVITY_LINE_COLUMNS, issues)) {
    const c = new RowChecker(table.file, row, issues);
    const entityId = c.entity(ctx);
    const period = c.period(ctx);
    const activity = c.required('activity');
    if (activity !== undefined && !(ACTIVITY_TYPES as readonly string[]).includes(activity)) {
      c.fail('activity', `unknown activity "${activity}"; one of ${ACTIVITY_TYPES.join(', ')}`);
    }
    const subject = c.required('subject');
    const use = c.cell('use');
    if (use !== '' && !(FUEL_USES as readonly string[]).includes(use))
      c.fail('use', `unknown use "${use}"; one of ${FUEL_USES.join(', ')}`);
    if (use !== '' && activity !== 'fuel') c.fail('use', 'only fuel lines have a use');
    const amount = c.decimal('amount');
    // Every activity is an amount used, bought, exported or recovered: never below zero ("-0" is
    // zero). Direction is the activity type's, and a correction is a new revision of the line.
    if (amount?.lessThan(0))
      c.fail(
        'amount',
        `"${c.cell('amount')}" is below zero: an activity amount cannot be negative (exports and recovered heat have activity types of their own; a correction is a new revision of the line)`,
      );
    const unit = c.unit('unit');
    const source = c.required('source');
    const attrs = parsePairs(c.cell('attributes'));
    if (!attrs.ok) c.fail('attributes', attrs.reason);
    const id = c.cell('id') || `al-${row.line}`;
    if (ids.has(id)) c.fail('id', `duplicate id "${id}" (also on line ${ids.get(id)})`);
    ids.set(id, row.line);
    if (c.failed || !entityId || !period || !activity || !subject || !amount || !unit || !source || !attrs.ok)
      continue;
    const line: ActivityLine = {
      id,
      entityId,
      periodId: period.id,
      activity: activity as ActivityType,
      subject,
      ...(use === ''
        ? activity === 'fuel'
          ? { use: 'unspecified' as FuelUse }
          : {}
        : { use: use as FuelUse }),
      amount: quantity(amount, unit),
      attributes: attrs.value,
      source,
      ...optional('evidence', c.cell('evidence')),
      ...optional('comment', c.cell('comment')),
    };
    for (const p of ctx.checkActivityLine?.(line) ?? []) c.fail(p.field, p.message);
    if (!c.failed) out.push(line);
  }
  return out;
}

export function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value === '' ? {} : ({ [key]: value } as Record<K, string>);
}
