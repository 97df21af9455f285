/**
 * Request schemas (zod) of the finding routes (routes/findings.ts; docs/checks.md "Findings as
 * work items"), shared with the OpenAPI document. Shapes only: the rules (which assignee, what a
 * reason may hold) are the use case's (app use-cases/finding-work.ts), which names the field.
 */
import { z } from 'zod';

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const queryText = (max: number) =>
  z.string().min(1).max(max).regex(NO_CONTROL, 'control characters (NUL…) are not allowed');
const positive = (max: number) =>
  z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'a whole number from 1')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

/** GET /api/findings: filters (all optional) and a page (without `page`, every match). */
export const FindingWorkQuery = z.object({
  rule: queryText(100).optional(),
  severity: queryText(20).optional(),
  entity: queryText(200).optional(),
  section: queryText(400).optional(),
  state: z.enum(['current', 'open', 'accepted', 'resolved', 'all']).optional(),
  assignee: queryText(200).optional(),
  page: positive(1_000_000).optional(),
  pageSize: positive(500).optional(),
});

/** The work state's version the caller saw (optional): a change since is refused (412). */
const version = z.number().int().min(0).max(1_000_000_000).optional();

export const FindingAssignBody = z
  .object({ assignee: z.string().min(1).max(200).nullable(), version })
  .strict();

export const FindingAcceptBody = z.object({ reason: z.string().max(20_000), version }).strict();

export const FindingReopenBody = z.object({ version }).strict();
