/**
 * Request schemas (zod) of the activity-line routes (routes/activity-lines.ts, issue #17), shared
 * with the OpenAPI document. The form of each field is checked here (400 naming it, e.g.
 * `lines.0.unit`): an activity type of core's list, a use of fuel's, an exact decimal amount, a
 * unit core can read, a period id. What the methods need of a line (a subject with a factor, a
 * unit of the right dimension) is the use case's (422 invalid-data, naming the field).
 */
import { ACTIVITY_TYPES, FUEL_USES, parsePeriod, parseUnit } from '@assay/core';
import { z } from 'zod';
import { decimalText } from './schemas.js';

const text = z.string().max(2000);
const reason = z.string().trim().min(1, 'say why (a revision reason is required)').max(500);

/** A unit label core reads ("t", "MWh", "萬千瓦時"…); otherwise core's own reason. */
const unitText = z
  .string()
  .min(1)
  .max(100)
  .superRefine((u, ctx) => {
    const parsed = parseUnit(u);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  });

const periodText = z
  .string()
  .min(1)
  .max(20)
  .refine((p) => parsePeriod(p) !== undefined, 'use a year (2026), a quarter (2026-Q1) or a month (2026-01)');

const activity = z.enum(ACTIVITY_TYPES, {
  message: `one of ${ACTIVITY_TYPES.join(', ')}`,
});
/** Fuel only; '' or absent: not given (a fuel line is then "unspecified": counted as combustion). */
const use = z.enum([...FUEL_USES, ''], { message: `one of ${FUEL_USES.join(', ')}, or empty` });
const subject = z.string().trim().min(1, 'say what the line is about (a fuel, "grid"…)').max(200);
const attributes = z
  .string()
  .max(500)
  .describe('key=value pairs separated by ";", e.g. batch=GEC-1;claim=offset');

/** One line to add. */
export const ActivityLineInput = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,80}$/, 'letters, digits, ".", "_" or "-", at most 80')
      .optional(),
    entity: z.string().min(1).max(200),
    period: periodText,
    activity,
    subject,
    use: use.optional(),
    amount: decimalText,
    unit: unitText,
    attributes: attributes.default(''),
    source: z.string().trim().min(1, 'say where the amount comes from (invoice, meter…)').max(500),
    evidence: text.default(''),
    comment: text.default(''),
  })
  .strict();

/** POST /api/activity-lines: one or more lines (all or none are written), and why. */
export const ActivityLinesCreate = z
  .object({
    lines: z.array(ActivityLineInput).min(1, 'give at least one line').max(200, 'at most 200 lines at once'),
    reason,
  })
  .strict();

const cannotMove = (what: string) =>
  z
    .never({
      message: `an edit cannot move a line to another ${what}: retract it and enter it again`,
    })
    .optional();

/** PUT /api/activity-lines/{id}: the fields to change, why, and the version edited (or If-Match). */
export const ActivityLinePatch = z
  .object({
    activity: activity.optional(),
    subject: subject.optional(),
    use: use.optional(),
    amount: decimalText.optional(),
    unit: unitText.optional(),
    attributes: attributes.optional(),
    source: z.string().trim().min(1).max(500).optional(),
    evidence: text.optional(),
    comment: text.optional(),
    entity: cannotMove('entity'),
    period: cannotMove('period'),
    reason,
    version: z.number().int().positive().optional(),
  })
  .strict();

/** POST /api/activity-lines/{id}/retract: why, and the version retracted (or If-Match). */
export const ActivityLineRetract = z
  .object({ reason, version: z.number().int().positive().optional() })
  .strict();

export const ActivityLineQuery = z.object({
  entity: z.string().min(1).max(200).optional(),
  period: z.string().min(1).max(20).optional(),
});
