/**
 * The rules of one target (issue #18; docs/registers.md, "Targets"), every problem named by its
 * field. Used by bundle validation (registers.yaml), the app's create and update use cases and
 * the XLSX import, so the three refuse the same things.
 *
 * A target is qualitative (a name, perhaps years), stated (a value, unit and comparator but no
 * indicator: listed, not measured) or measured (an indicator too, and a target year). The unit must parse
 * and have the indicator's dimension (the actual is converted into it). A base value needs a
 * base year before the target year; milestones lie strictly between the two, once per year.
 */
import { parseDecimal } from '../decimal.js';
import type { Indicator } from '../model/indicator.js';
import type { Target } from '../model/registers.js';
import { parseUnit, unitDimension } from '../units/unit.js';

export type TargetIssue = { readonly field: string; readonly reason: string };

export type TargetRulesContext = {
  readonly entityIds: ReadonlySet<string>;
  readonly catalogue: ReadonlyMap<string, Indicator>;
};

const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const YEAR = /^\d{4}$/;
const COMPARATORS: readonly string[] = ['max', 'min', 'equal'];

export function validateTarget(t: Target, ctx: TargetRulesContext): TargetIssue[] {
  const issues: TargetIssue[] = [];
  const bad = (field: string, reason: string) => issues.push({ field, reason });
  if (!ID.test(t.id))
    bad('id', `"${t.id}" is not an id (lower-case letters, digits, ".", "_", "-"; up to 100)`);
  if (t.name.en.trim() === '') bad('name.en', 'the English name is empty');
  if (t.name['zh-Hant'].trim() === '') bad('name.zh-Hant', 'the Chinese name is empty');
  if (t.entityId !== undefined && !ctx.entityIds.has(t.entityId))
    bad('entityId', `unknown entity "${t.entityId}"`);
  const indicator = t.indicatorId === undefined ? undefined : ctx.catalogue.get(t.indicatorId);
  if (t.indicatorId !== undefined && !indicator) bad('indicatorId', `unknown indicator "${t.indicatorId}"`);
  if (t.comparator !== undefined && !COMPARATORS.includes(t.comparator))
    bad('comparator', `"${t.comparator}" is not max, min or equal`);

  if (t.indicatorId !== undefined) {
    if (t.value === undefined) bad('value', 'a target with an indicator states its value');
    if (t.targetYear === undefined) bad('targetYear', 'a target with an indicator states its target year');
  }
  if (t.value !== undefined || t.baseValue !== undefined) {
    if (t.value === undefined) bad('value', 'a target with a base value states its value');
    if (t.unit === undefined) bad('unit', 'a target with a value states its unit');
    if (t.comparator === undefined) bad('comparator', 'say whether the value is a max, a min or exact');
  }
  if (t.value !== undefined) decimal('value', t.value, bad);
  if (t.baseValue !== undefined) decimal('baseValue', t.baseValue, bad);
  if (t.unit !== undefined) {
    const u = parseUnit(t.unit);
    if (!u.ok) bad('unit', u.reason);
    else if (indicator && unitDimension(u.unit) !== indicator.dimension)
      bad(
        'unit',
        `"${t.unit}" is not a unit of ${indicator.id} (${indicator.dimension}, e.g. ${indicator.unit})`,
      );
  }

  const baseOk = t.baseYear === undefined || year('baseYear', t.baseYear, bad);
  const targetOk = t.targetYear === undefined || year('targetYear', t.targetYear, bad);
  if (t.baseValue !== undefined && t.baseYear === undefined)
    bad('baseYear', 'a base value needs its base year');
  if (
    t.baseYear !== undefined &&
    t.targetYear !== undefined &&
    baseOk &&
    targetOk &&
    t.baseYear >= t.targetYear
  )
    bad('targetYear', `the target year ${t.targetYear} is not after the base year ${t.baseYear}`);

  const seen = new Set<string>();
  (t.milestones ?? []).forEach((m, i) => {
    const at = `milestones.${i}`;
    if (t.value === undefined) bad(at, 'milestones need a target value');
    decimal(`${at}.value`, m.value, bad);
    if (!year(`${at}.year`, m.year, bad)) return;
    if (seen.has(m.year)) bad(`${at}.year`, `a second milestone for ${m.year}`);
    seen.add(m.year);
    if (t.targetYear !== undefined && m.year >= t.targetYear)
      bad(`${at}.year`, `${m.year} is not before the target year ${t.targetYear}`);
    if (t.baseYear !== undefined && m.year <= t.baseYear)
      bad(`${at}.year`, `${m.year} is not after the base year ${t.baseYear}`);
  });
  return issues;
}

function decimal(field: string, text: string, bad: (f: string, r: string) => void): void {
  const d = parseDecimal(text);
  if (!d.ok) bad(field, d.reason);
}

function year(field: string, text: string, bad: (f: string, r: string) => void): boolean {
  if (YEAR.test(text)) return true;
  bad(field, `"${text}" is not a year (four digits)`);
  return false;
}
