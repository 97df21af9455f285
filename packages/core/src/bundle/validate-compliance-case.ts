/**
 * The rules of one compliance case (issue #18; model/compliance-case.ts), every problem named
 * by its field: the API's writes (422) and the XLSX import (sheet, row, column) use it. Cases
 * are never in a bundle, so bundle validation does not.
 */
import { CASE_KINDS, CASE_OUTCOMES, CASE_TYPES, type ComplianceCase } from '../model/compliance-case.js';
import {
  checkDate,
  checkEntity,
  checkId,
  checkOneOf,
  checkText,
  type SiteRowIssue,
  type SiteRulesContext,
} from './validate-site-registers.js';

export function validateComplianceCase(c: ComplianceCase, ctx: SiteRulesContext): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad = (field: string, reason: string) => issues.push({ field, reason });
  checkId(c.id, bad);
  checkOneOf('kind', c.kind, CASE_KINDS, bad);
  checkOneOf('type', c.type, CASE_TYPES, bad);
  checkEntity('entityId', c.entityId, ctx, bad);
  const openedOk = checkDate('openedOn', c.openedOn, bad);
  if (c.outcome !== undefined) checkOneOf('outcome', c.outcome, CASE_OUTCOMES, bad);
  if (c.concludedOn === undefined) {
    if (c.outcome !== undefined) bad('concludedOn', 'a case with an outcome states when it was concluded');
  } else {
    if (c.outcome === undefined) bad('outcome', 'a concluded case states its outcome');
    if (checkDate('concludedOn', c.concludedOn, bad) && openedOk && c.concludedOn < c.openedOn)
      bad('concludedOn', `${c.concludedOn} is before the opening date ${c.openedOn}`);
  }
  checkText('summary', c.summary, bad);
  checkText('actions', c.actions, bad, false);
  return issues;
}
