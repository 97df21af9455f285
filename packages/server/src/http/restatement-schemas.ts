/** Request schemas (zod) of the restatement and base-year routes (routes/restatements.ts), shared with the OpenAPI document. */
import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const decimalText = z.string().trim().min(1).max(60);

/** One fact a restatement moves: an existing one by id with its new value, or a new one (`add`). */
const RestatementItem = z
  .object({
    kind: z.enum(['data-point', 'activity-line']),
    id: z.string().trim().min(1).max(200).optional(),
    value: decimalText,
    unit: z.string().trim().min(1).max(60).optional(),
    add: z.record(z.string().max(100), text(2000)).optional(),
  })
  .strict();

export const RestatementBody = z
  .object({
    change: z.enum(['structural-change', 'methodology', 'error-correction']),
    reason: z.string().trim().min(1, 'say why the figures are restated').max(2000),
    items: z.array(RestatementItem).min(1).max(500),
  })
  .strict();

/** submit, return, review, approve: a comment (required to return) and the version acted on. */
export const RestatementEventBody = z
  .object({ comment: text(2000).optional(), version: z.number().int().min(1).optional() })
  .strict();

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as "2025-07-01"');

/** The base year (null removes it), its policy, entity dates (null clears one), the workspace version. */
export const BaseYearBody = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, 'a year such as "2020"')
      .nullable(),
    thresholdPercent: z.string().trim().min(1).max(12).optional(),
    triggers: z
      .array(z.enum(['structural-change', 'methodology', 'error-correction']))
      .min(1)
      .max(3)
      .optional(),
    entities: z
      .array(
        z
          .object({
            id: z.string().min(1).max(200),
            acquiredOn: date.nullable().optional(),
            disposedOn: date.nullable().optional(),
          })
          .strict(),
      )
      .max(1000)
      .optional(),
    reason: text(2000).optional(),
    version: z.number().int().min(0),
  })
  .strict();
