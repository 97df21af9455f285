/**
 * The rules of a certification and of a tailings facility (issue #18; docs/registers.md), every
 * problem named by its field, all at once. Used by bundle validation (registers.yaml), the
 * app's writes (422 naming the field) and the XLSX import, so the three refuse the same things.
 */

import type { Registers } from '../model/registers.js';
import {
  CERTIFICATION_STANDARDS,
  type Certification,
  TAILINGS_CONSEQUENCE_CLASSES,
  TAILINGS_STATUSES,
  type TailingsFacility,
} from '../model/site-registers.js';
import type { LocalisedText } from '../model/text.js';
import { calendarDateProblem } from './calendar-date.js';
import type { BundleIssue } from './raw.js';

export type SiteRowIssue = { readonly field: string; readonly reason: string };
export type SiteRulesContext = { readonly entityIds: ReadonlySet<string> };

const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const MAX_TEXT = 4000;

type Bad = (field: string, reason: string) => void;

export function checkId(id: string, bad: Bad): void {
  if (!ID.test(id)) bad('id', `"${id}" is not an id (lower-case letters, digits, ".", "_", "-"; up to 100)`);
}

export function checkText(field: string, text: string | undefined, bad: Bad, required = true): void {
  if (text === undefined || text.trim() === '') {
    if (required) bad(field, 'is empty');
    return;
  }
  if (text.length > MAX_TEXT) bad(field, `is longer than ${MAX_TEXT} characters`);
}

function localised(field: string, t: LocalisedText, bad: Bad): void {
  checkText(`${field}.en`, t.en, bad);
  checkText(`${field}.zh-Hant`, t['zh-Hant'], bad);
}

export function checkOneOf(field: string, value: string, allowed: readonly string[], bad: Bad): void {
  if (!allowed.includes(value)) bad(field, `"${value}" is not one of ${allowed.join(', ')}`);
}

export function checkEntity(field: string, id: string, ctx: SiteRulesContext, bad: Bad): void {
  if (!ctx.entityIds.has(id)) bad(field, `unknown entity "${id}"`);
}

export function checkDate(field: string, text: string, bad: Bad): boolean {
  const p = calendarDateProblem(text);
  if (p) bad(field, p);
  return p === undefined;
}

export function validateCertification(c: Certification, ctx: SiteRulesContext): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  checkId(c.id, bad);
  checkOneOf('standard', c.standard, CERTIFICATION_STANDARDS, bad);
  checkEntity('entityId', c.entityId, ctx, bad);
  localised('scope', c.scope, bad);
  checkText('issuer', c.issuer, bad);
  checkText('certificateNumber', c.certificateNumber, bad);
  const issuedOk = checkDate('issuedOn', c.issuedOn, bad);
  if (c.expiresOn === undefined) {
    if (c.standard !== 'green-factory') bad('expiresOn', 'an ISO certificate states its expiry date');
  } else if (checkDate('expiresOn', c.expiresOn, bad) && issuedOk && c.expiresOn <= c.issuedOn)
    bad('expiresOn', `${c.expiresOn} is not after the issue date ${c.issuedOn}`);
  checkText('source', c.source, bad, false);
  return issues;
}

export function validateTailingsFacility(t: TailingsFacility, ctx: SiteRulesContext): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  checkId(t.id, bad);
  localised('name', t.name, bad);
  checkEntity('entityId', t.entityId, ctx, bad);
  checkOneOf('status', t.status, TAILINGS_STATUSES, bad);
  checkOneOf('consequence', t.consequence, TAILINGS_CONSEQUENCE_CLASSES, bad);
  localised('monitoring', t.monitoring, bad);
  localised('emergencyPlan', t.emergencyPlan, bad);
  localised('closurePlan', t.closurePlan, bad);
  checkText('source', t.source, bad, false);
  return issues;
}

/**
 * registers.yaml's certifications and tailings facilities: each row's rules and ids given once,
 * as issues `certifications.<id>.<field>` / `tailingsFacilities.<id>.<field>`.
 */
export function checkSiteRegisters(
  registers: Registers,
  ctx: SiteRulesContext,
  file: string,
  issues: BundleIssue[],
): void {
  const rows: [string, readonly { id: string }[], (r: never) => SiteRowIssue[]][] = [
    ['certifications', registers.certifications ?? [], (r) => validateCertification(r, ctx)],
    ['tailingsFacilities', registers.tailingsFacilities ?? [], (r) => validateTailingsFacility(r, ctx)],
  ];
  for (const [name, list, rules] of rows) {
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.has(r.id))
        issues.push({ file, column: `${name}.${r.id}.id`, reason: `a second row "${r.id}"` });
      seen.add(r.id);
      for (const i of rules(r as never))
        issues.push({ file, column: `${name}.${r.id}.${i.field}`, reason: i.reason });
    }
  }
}
