/**
 * Request schemas (zod) of the targets routes (routes/targets.ts, issue #18). The form of each
 * field is checked here (400 naming it, e.g. `target.baseYear`): text lengths, a comparator of
 * three, years of four digits, exact decimal text. What a target needs as a whole (an indicator
 * that exists, a unit of its dimension, years in order, milestones between them) is core's
 * validateTarget in the use case (422 invalid-data, naming the field).
 */
import { UploadName } from '@assay/app';
import { TARGET_STATUSES } from '@assay/core';
import { z } from 'zod';
import { decimalText } from './schemas.js';

const reason = z.string().trim().min(1, 'say why').max(500);
const year = z.string().regex(/^\d{4}$/, 'a year of four digits');
const short = z.string().trim().min(1).max(200);

export const TargetInput = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lower-case letters, digits, ".", "_" or "-", at most 100'),
    name: z
      .object({
        en: z.string().trim().min(1, 'give the English name').max(500),
        'zh-Hant': z.string().trim().min(1, 'give the Chinese name').max(500),
      })
      .strict(),
    indicatorId: short.optional(),
    entityId: short.optional(),
    comparator: z.enum(['max', 'min', 'equal'], { message: 'one of max, min, equal' }).optional(),
    value: decimalText.optional(),
    unit: z.string().trim().min(1).max(100).optional(),
    baseYear: year.optional(),
    baseValue: decimalText.optional(),
    targetYear: year.optional(),
    milestones: z
      .array(z.object({ year, value: decimalText }).strict())
      .max(50, 'at most 50 milestones')
      .optional(),
    source: z.string().trim().max(500).optional(),
  })
  .strict();

/** POST /api/targets: a new target and, optionally, why. */
export const TargetCreate = z.object({ target: TargetInput, reason: reason.optional() }).strict();

/** PUT /api/targets/{id}: the whole target as it should be, the version replaced (or If-Match), why. */
export const TargetUpdate = z
  .object({ target: TargetInput, version: z.number().int().positive().optional(), reason: reason.optional() })
  .strict();

/** POST /api/targets/{id}/retract: the version retracted (or If-Match) and why. */
export const TargetRetract = z
  .object({ version: z.number().int().positive().optional(), reason: reason.optional() })
  .strict();

/** GET /api/targets?entity=…&status=… */
export const TargetQuery = z
  .object({
    entity: z.string().min(1).max(200).optional(),
    status: z.enum(TARGET_STATUSES, { message: `one of ${TARGET_STATUSES.join(', ')}` }).optional(),
  })
  .strict();

/** POST /api/import/targets: the targets workbook as base64. */
export const TargetImport = z
  .object({
    file: UploadName.default('targets.xlsx'),
    xlsxBase64: z
      .string()
      .min(1)
      .max(28_000_000, 'at most 20 MB of XLSX')
      .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64 text'),
    reason: reason.optional(),
  })
  .strict();
