/**
 * Request schemas (zod) of the materiality routes (routes/materiality.ts; issue #18). The form
 * of each field is checked here (400 naming it, e.g. `survey.groups.0.weight`); what the survey
 * or a response needs as a whole (unique ids, weights above 0, every topic scored 1..5) is
 * core's rules in the use case (422 naming the field).
 */
import { UploadName } from '@assay/app';
import { TOPIC_CATEGORIES } from '@assay/core';
import { z } from 'zod';

const reason = z.string().trim().min(1, 'say why').max(500);
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lower-case letters, digits, ".", "_" or "-", at most 100');
const long = z.string().trim().min(1).max(4000);
const localised = z.object({ en: long, 'zh-Hant': long }).strict();
const decimal = z.string().trim().min(1).max(40);
const version = z.number().int().positive().optional();
const score = z.number().int('a whole number').min(1).max(5);

export const SurveyInput = z
  .object({
    id,
    title: localised,
    year: z.string().regex(/^\d{4}$/, 'a four-digit year'),
    doubleMateriality: z.boolean(),
    threshold: decimal,
    groups: z
      .array(z.object({ id, name: localised, weight: decimal }).strict())
      .min(1)
      .max(50),
    topics: z
      .array(
        z
          .object({
            id,
            name: localised,
            category: z.enum(TOPIC_CATEGORIES),
            hkex: z.array(z.string().max(10)).max(20).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
    isDemonstration: z.boolean().optional(),
  })
  .strict();

export const SurveyWrite = z.object({ survey: SurveyInput, version, reason: reason.optional() }).strict();
export const SurveyRetract = z.object({ version, reason: reason.optional() }).strict();

export const ResponseWrite = z
  .object({
    groupId: id,
    scores: z.array(z.object({ topicId: id, financial: score, impact: score }).strict()).max(200),
    version,
  })
  .strict();

export const ApprovalWrite = z
  .object({ topicIds: z.array(id).max(200), version, reason: reason.optional() })
  .strict();

export const HistoryQuery = z
  .object({ kind: z.enum(['survey', 'approval', 'response']).default('survey'), response: id.optional() })
  .strict();

/** `v`: a cache-busting counter the web page adds after a change (ignored). */
export const MatrixQuery = z
  .object({ lang: z.enum(['en', 'zh-Hant']).default('en'), v: z.string().max(20).optional() })
  .strict();

export const QuestionnaireQuery = z.object({ responses: z.enum(['0', '1']).optional() }).strict();

export const QuestionnaireImport = z
  .object({
    file: UploadName.default('questionnaire.xlsx'),
    xlsxBase64: z
      .string()
      .min(1)
      .max(28_000_000, 'at most 20 MB of XLSX')
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64 text'),
    reason: reason.optional(),
  })
  .strict();

export const MaterialityYamlImport = z
  .object({
    file: UploadName.default('materiality.yaml'),
    text: z.string().min(1).max(16_000_000),
    reason: reason.optional(),
  })
  .strict();
