/**
 * Request schemas (zod) of the cycle, assignment, task and comment routes (routes/cycles.ts,
 * comments.ts), shared with the OpenAPI document (cycle-openapi.ts). Shapes only: the rules
 * (which periods, which preparer, which text) are the use cases', which name the field at fault.
 */
import { CYCLE_FREQUENCIES } from '@assay/core';
import { z } from 'zod';

/** Open a cycle: its period (a year or quarter) and how often data is entered. */
export const CycleOpenBody = z
  .object({ period: z.string().trim().min(1).max(20), frequency: z.enum(CYCLE_FREQUENCIES) })
  .strict();

/**
 * Assign in bulk: topics and/or indicators × an entity subtree (optionally only some kinds) ×
 * entry periods (default: all) to one preparer (null: withdraw), due on a day or so many days
 * after each entry period ends.
 */
export const AssignBody = z
  .object({
    topics: z.array(z.string().min(1).max(100)).max(100).optional(),
    indicators: z.array(z.string().min(1).max(200)).max(2000).optional(),
    entity: z.string().min(1).max(200),
    kinds: z
      .array(z.enum(['group', 'subsidiary', 'site']))
      .max(3)
      .optional(),
    periods: z.array(z.string().min(1).max(20)).max(400).optional(),
    assignee: z.string().min(1).max(200).nullable(),
    due: z.string().max(10).optional().describe('YYYY-MM-DD'),
    dueDaysAfterPeriodEnd: z.number().int().min(0).max(366).optional(),
  })
  .strict();

const flag = z.enum(['true', 'false']).optional();

/**
 * A query value: no NUL or other control character (a JSON body is checked for NUL at parse,
 * respond.ts jsonBody; a query is not, and PostgreSQL text cannot hold NUL).
 */
const queryText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'control characters (NUL…) are not allowed');

export const AssignmentsQuery = z.object({
  entity: queryText(200).optional(),
  assignee: queryText(200).optional(),
  period: queryText(20).optional(),
  withdrawn: flag,
});

export const TasksQuery = z.object({ cycle: queryText(20).optional() });

/** A comment thread's target, "kind:id" (data-point:…, activity-line:…, finding:…, assignment:…, unit:entity/period/topic). */
export const CommentsQuery = z.object({ target: queryText(420) });

/** A comment: its text (checked by the use case: 1 – 4,000 characters…), and the comment it answers. */
export const CommentBody = z
  .object({
    text: z.string().max(20_000),
    replyTo: z
      .string()
      .regex(/^\d{1,18}$/, 'the id of a comment (digits)')
      .optional(),
  })
  .strict();
