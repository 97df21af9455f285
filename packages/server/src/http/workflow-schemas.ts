/** Request schemas (zod) of the collection-cycle routes (routes/workflow.ts), shared with the OpenAPI document. */
import { z } from 'zod';

const comment = z.string().max(2000);
/** The unit's version acted on (0 for a unit nobody has acted on); or the If-Match header. */
const version = z.number().int().min(0).optional();

export const WorkflowQuery = z.object({ period: z.string().min(1).max(20) });

/** submit, return, review, approve, reopen: a comment (required to return and reopen) and the version. */
export const WorkflowEventBody = z.object({ comment: comment.optional(), version }).strict();

/** exception: the user allowed to act despite segregation of duties, why, and the version. */
export const WorkflowExceptionBody = z
  .object({ userId: z.string().trim().min(1).max(200), comment, version })
  .strict();

/** Lock or unlock a period: why (recorded). */
export const PeriodLockBody = z
  .object({ reason: z.string().trim().min(1, 'say why (a reason is required)').max(2000) })
  .strict();
