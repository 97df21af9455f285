/**
 * The rules of the materiality assessment (model/materiality.ts), every problem named by its
 * field (`topics.2.id`, `scores.energy.impact`), all at once. The API (422), the XLSX
 * questionnaire (sheet, row, column) and the bundle's materiality.yaml use them.
 */
import { parseDecimal } from '../decimal.js';
import {
  MATERIALITY_AXES,
  type MaterialityApproval,
  type MaterialitySurvey,
  SCORE_MAX,
  SCORE_MIN,
  type SurveyResponse,
  TOPIC_CATEGORIES,
} from '../model/materiality.js';
import type { LocalisedText } from '../model/text.js';
import { calendarDateProblem } from './calendar-date.js';
import { checkId, checkOneOf, checkText, type SiteRowIssue } from './validate-site-registers.js';

type Bad = (field: string, reason: string) => void;
const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const idProblem = (id: string) =>
  ID.test(id) ? undefined : `"${id}" is not an id (lower-case letters, digits, ".", "_", "-"; up to 100)`;

function checkName(field: string, name: LocalisedText | undefined, bad: Bad): void {
  checkText(`${field}.en`, name?.en, bad);
  checkText(`${field}.zh-Hant`, name?.['zh-Hant'], bad);
}

function checkUnique(field: string, ids: readonly string[], bad: Bad): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    const p = idProblem(id);
    if (p) bad(`${field}.${i}.id`, p);
    else if (seen.has(id)) bad(`${field}.${i}.id`, `"${id}" is given twice`);
    seen.add(id);
  });
}

export function validateSurvey(s: MaterialitySurvey): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  checkId(s.id, bad);
  checkName('title', s.title, bad);
  if (!/^\d{4}$/.test(s.year)) bad('year', `"${s.year}" is not a four-digit year`);
  const th = parseDecimal(s.threshold);
  if (!th.ok) bad('threshold', th.reason);
  else if (th.value.lessThan(SCORE_MIN) || th.value.greaterThan(SCORE_MAX))
    bad('threshold', `${s.threshold} is outside ${SCORE_MIN}..${SCORE_MAX}`);
  if (s.groups.length === 0) bad('groups', 'a survey needs at least one stakeholder group');
  checkUnique(
    'groups',
    s.groups.map((g) => g.id),
    bad,
  );
  s.groups.forEach((g, i) => {
    checkName(`groups.${i}.name`, g.name, bad);
    const w = parseDecimal(g.weight);
    if (!w.ok) bad(`groups.${i}.weight`, w.reason);
    else if (!w.value.greaterThan(0)) bad(`groups.${i}.weight`, `${g.weight} is not above 0`);
  });
  if (s.topics.length === 0) bad('topics', 'a survey needs at least one topic');
  checkUnique(
    'topics',
    s.topics.map((t) => t.id),
    bad,
  );
  s.topics.forEach((t, i) => {
    checkName(`topics.${i}.name`, t.name, bad);
    checkOneOf(`topics.${i}.category`, t.category, TOPIC_CATEGORIES, bad);
    for (const code of t.hkex ?? [])
      if (!/^[AB]\d{1,2}$/.test(code)) bad(`topics.${i}.hkex`, `"${code}" is not an HKEX aspect (A1..B8)`);
  });
  return issues;
}

/** A score as a respondent may give it: a whole number 1..5. */
export function scoreProblem(v: unknown): string | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < SCORE_MIN || v > SCORE_MAX)
    return `${JSON.stringify(v)} is not a whole number from ${SCORE_MIN} to ${SCORE_MAX}`;
  return undefined;
}

export function validateResponse(r: SurveyResponse, survey: MaterialitySurvey): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  checkId(r.id, bad);
  if (r.surveyId !== survey.id) bad('surveyId', `"${r.surveyId}" is not the survey "${survey.id}"`);
  if (!survey.groups.some((g) => g.id === r.groupId))
    bad('groupId', `"${r.groupId}" is not a stakeholder group of the survey`);
  checkText('respondent', r.respondent, bad);
  const topicIds = new Set(survey.topics.map((t) => t.id));
  const scored = new Set<string>();
  for (const s of r.scores) {
    if (!topicIds.has(s.topicId)) bad(`scores.${s.topicId}`, `"${s.topicId}" is not a topic of the survey`);
    else if (scored.has(s.topicId)) bad(`scores.${s.topicId}`, 'is scored twice');
    scored.add(s.topicId);
    for (const axis of MATERIALITY_AXES) {
      const p = scoreProblem(s[axis]);
      if (p) bad(`scores.${s.topicId}.${axis}`, p);
    }
  }
  for (const t of survey.topics)
    if (!scored.has(t.id))
      bad(`scores.${t.id}`, 'is not scored (every topic of the survey needs both scores)');
  return issues;
}

export function validateApproval(a: MaterialityApproval, survey: MaterialitySurvey): SiteRowIssue[] {
  const issues: SiteRowIssue[] = [];
  const bad: Bad = (field, reason) => issues.push({ field, reason });
  if (a.surveyId !== survey.id) bad('surveyId', `"${a.surveyId}" is not the survey "${survey.id}"`);
  const topicIds = new Set(survey.topics.map((t) => t.id));
  const seen = new Set<string>();
  a.topicIds.forEach((id, i) => {
    if (!topicIds.has(id)) bad(`topicIds.${i}`, `"${id}" is not a topic of the survey`);
    else if (seen.has(id)) bad(`topicIds.${i}`, `"${id}" is given twice`);
    seen.add(id);
  });
  checkText('approvedBy', a.approvedBy, bad);
  const p = calendarDateProblem(a.approvedOn);
  if (p) bad('approvedOn', p);
  return issues;
}
