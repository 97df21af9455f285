/**
 * The bundle's `materiality.yaml` (issue #18; docs/registers.md "Materiality"): the
 * assessments — each a survey, its responses and its approval — beside registers.yaml. Kept in
 * a file of its own because the store keeps them in tables of their own (025-materiality.sql),
 * not in the registers document. Read: shape (zod) then the rules (validate-materiality.ts),
 * every problem as a bundle issue naming the dotted path; all or nothing.
 */
import { z } from 'zod';
import type { MaterialityAssessment } from '../model/materiality.js';
import type { BundleIssue } from './raw.js';
import { localisedTextSchema } from './settings-schema.js';
import { validateApproval, validateResponse, validateSurvey } from './validate-materiality.js';
import { zodIssues } from './zod-issues.js';

export const MATERIALITY_FILE = 'materiality.yaml';

const text = z.string();
const surveySchema = z.strictObject({
  id: text,
  title: localisedTextSchema,
  year: text,
  doubleMateriality: z.boolean(),
  threshold: text,
  groups: z.array(z.strictObject({ id: text, name: localisedTextSchema, weight: text })),
  topics: z.array(
    z.strictObject({
      id: text,
      name: localisedTextSchema,
      category: z.enum(['environmental', 'social', 'governance', 'economic']),
      hkex: z.array(text).optional(),
    }),
  ),
  isDemonstration: z.boolean().optional(),
});
const responseSchema = z.strictObject({
  id: text,
  surveyId: text,
  groupId: text,
  respondent: text,
  scores: z.array(z.strictObject({ topicId: text, financial: z.number(), impact: z.number() })),
  isDemonstration: z.boolean().optional(),
});
const approvalSchema = z.strictObject({
  surveyId: text,
  topicIds: z.array(text),
  approvedBy: text,
  approvedOn: text,
});
export const materialityDocumentSchema = z.strictObject({
  assessments: z.array(
    z.strictObject({
      survey: surveySchema,
      responses: z.array(responseSchema).default([]),
      approval: approvalSchema.optional(),
    }),
  ),
});

export type MaterialityRead =
  | { readonly ok: true; readonly assessments: MaterialityAssessment[] }
  | { readonly ok: false; readonly issues: BundleIssue[] };

export function readMaterialityDocument(data: unknown, file = MATERIALITY_FILE): MaterialityRead {
  const parsed = materialityDocumentSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: zodIssues(file, parsed.error) };
  const issues: BundleIssue[] = [];
  const at = (path: string) => (x: { field: string; reason: string }) =>
    issues.push({ file, column: `${path}.${x.field}`, reason: x.reason });
  const surveyIds = new Set<string>();
  const assessments = parsed.data.assessments as MaterialityAssessment[];
  assessments.forEach((a, i) => {
    const base = `assessments.${i}`;
    validateSurvey(a.survey).forEach(at(`${base}.survey`));
    if (surveyIds.has(a.survey.id))
      issues.push({ file, column: `${base}.survey.id`, reason: `"${a.survey.id}" is given twice` });
    surveyIds.add(a.survey.id);
    const responseIds = new Set<string>();
    a.responses.forEach((r, k) => {
      validateResponse(r, a.survey).forEach(at(`${base}.responses.${k}`));
      if (responseIds.has(r.id))
        issues.push({ file, column: `${base}.responses.${k}.id`, reason: `"${r.id}" is given twice` });
      responseIds.add(r.id);
    });
    if (a.approval) validateApproval(a.approval, a.survey).forEach(at(`${base}.approval`));
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, assessments };
}

/** The document of some assessments, as written to materiality.yaml (optional fields only when set). */
export function materialityDocument(assessments: readonly MaterialityAssessment[]): unknown {
  return JSON.parse(JSON.stringify({ assessments }));
}
