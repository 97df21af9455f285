/**
 * The rules of one row of the supplier, hazard and project registers (issue #18;
 * docs/registers.md), every problem named by its field, all at once. Used by bundle validation
 * (registers.yaml, issues `suppliers.<id>.<field>`…), the app's writes (422 naming the field) and
 * the XLSX import (issues naming sheet, row and column), so the three refuse the same things.
 */
import { parseDecimal } from '../decimal.js';
import {
  ESG_RESULTS,
  HAZARD_GRADES,
  type Hazard,
  PROJECT_STATUSES,
  type ProjectSavings,
  SAVING_UNITS,
  type SavingProject,
  SUPPLIER_STATUSES,
  type Supplier,
} from '../model/register-rows.js';
import type { LocalisedText } from '../model/text.js';
import { creditCodeProblem } from './credit-code.js';

export type RowIssue = { readonly field: string; readonly reason: string };
export type RowRulesContext = { readonly entityIds: ReadonlySet<string> };

const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const KEY = /^[a-z0-9][a-z0-9-]{0,59}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type Bad = (field: string, reason: string) => void;

function common(row: { id: string; entityId: string }, ctx: RowRulesContext, bad: Bad): void {
  if (!ID.test(row.id))
    bad('id', `"${row.id}" is not an id (lower-case letters, digits, ".", "_", "-"; up to 100)`);
  if (!ctx.entityIds.has(row.entityId)) bad('entityId', `unknown entity "${row.entityId}"`);
}

function text(field: string, t: LocalisedText, bad: Bad): void {
  if (t.en.trim() === '') bad(`${field}.en`, 'the English text is empty');
  if (t['zh-Hant'].trim() === '') bad(`${field}.zh-Hant`, 'the Chinese text is empty');
}

function oneOf(field: string, value: string, allowed: readonly string[], bad: Bad): void {
  if (!allowed.includes(value)) bad(field, `"${value}" is not one of ${allowed.join(', ')}`);
}

/** A real calendar date "YYYY-MM-DD"; false (with an issue) otherwise. */
function date(field: string, value: string, bad: Bad): boolean {
  const m = DATE.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const days = [
      31,
      y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
      31,
      30,
      31,
      30,
      31,
      31,
      30,
      31,
      30,
      31,
    ];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= (days[mo - 1] as number)) return true;
  }
  bad(field, `"${value}" is not a date (YYYY-MM-DD)`);
  return false;
}

export function validateSupplier(s: Supplier, ctx: RowRulesContext): RowIssue[] {
  const issues: RowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  common(s, ctx, bad);
  text('name', s.name, bad);
  const code = creditCodeProblem(s.creditCode);
  if (code) bad('creditCode', code);
  if (!KEY.test(s.region))
    bad('region', `"${s.region}" is not a region id (lower-case letters, digits, "-")`);
  if (!KEY.test(s.category))
    bad('category', `"${s.category}" is not a category id (lower-case letters, digits, "-")`);
  oneOf('status', s.status, SUPPLIER_STATUSES, bad);
  if (s.esgResult !== undefined) oneOf('esgResult', s.esgResult, ESG_RESULTS, bad);
  if (s.esgAssessedOn !== undefined) date('esgAssessedOn', s.esgAssessedOn, bad);
  if (s.esgResult !== undefined && s.esgAssessedOn === undefined)
    bad('esgAssessedOn', 'an ESG assessment result needs the date of the assessment');
  if (s.esgResult === undefined && s.esgAssessedOn !== undefined)
    bad('esgResult', 'an assessment date needs the result of the assessment');
  return issues;
}

export function validateHazard(h: Hazard, ctx: RowRulesContext): RowIssue[] {
  const issues: RowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  common(h, ctx, bad);
  text('description', h.description, bad);
  oneOf('grade', h.grade, HAZARD_GRADES, bad);
  if (h.owner.trim() === '') bad('owner', 'the owner is empty');
  const found = date('foundOn', h.foundOn, bad);
  if (date('dueOn', h.dueOn, bad) && found && h.dueOn < h.foundOn)
    bad('dueOn', `the due date ${h.dueOn} is before the date found ${h.foundOn}`);
  if (
    h.rectifiedOn !== undefined &&
    date('rectifiedOn', h.rectifiedOn, bad) &&
    found &&
    h.rectifiedOn < h.foundOn
  )
    bad('rectifiedOn', `the rectification date ${h.rectifiedOn} is before the date found ${h.foundOn}`);
  if (h.rectifiedOn !== undefined && (h.evidence ?? '').trim() === '')
    bad('evidence', 'a rectified hazard names its evidence');
  return issues;
}

function savings(field: string, s: ProjectSavings | undefined, bad: Bad): boolean {
  if (s === undefined) return false;
  let any = false;
  for (const unit of SAVING_UNITS) {
    const v = s[unit];
    if (v === undefined) continue;
    any = true;
    const d = parseDecimal(v);
    if (!d.ok) bad(`${field}.${unit}`, d.reason);
    else if (d.value.isNegative()) bad(`${field}.${unit}`, `${v} ${unit} is below zero`);
  }
  return any;
}

export function validateProject(p: SavingProject, ctx: RowRulesContext): RowIssue[] {
  const issues: RowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  common(p, ctx, bad);
  text('name', p.name, bad);
  text('measure', p.measure, bad);
  oneOf('status', p.status, PROJECT_STATUSES, bad);
  savings('estimated', p.estimated, bad);
  const verified = savings('verified', p.verified, bad);
  if (verified && p.status !== 'completed')
    bad('verified', `only a completed project has verified savings (this one is ${p.status})`);
  return issues;
}
