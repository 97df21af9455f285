/**
 * Which workflow events the page offers on a unit (docs/workflow.md's table): by the unit's
 * state and the caller's actions on its entity (access.ts, from GET /api/session). The server
 * decides every event; segregation of duties (who submitted or reviewed) is the server's to
 * refuse, with its message, so a person who holds both roles sees why they may not approve.
 */
import type { Action } from '../../access';
import type { WorkflowEvent, WorkflowState, WorkflowUnit } from '../../api';

export function eventsFor(
  unit: Pick<WorkflowUnit, 'state'>,
  can: (action: Action) => boolean,
): WorkflowEvent[] {
  const out: WorkflowEvent[] = [];
  const s: WorkflowState = unit.state;
  if (s === 'draft' && can('submit-data')) out.push('submit');
  if (s === 'submitted' && can('review-data')) out.push('review');
  if (s === 'reviewed' && can('approve-data')) out.push('approve');
  if (s === 'submitted' && can('review-data') && can('return-data')) out.push('return');
  if (s === 'reviewed' && can('approve-data') && can('return-data')) out.push('return');
  if (s === 'approved' && can('manage-cycle')) out.push('reopen');
  if (s !== 'approved' && can('manage-cycle')) out.push('exception');
  return out;
}

/** Events that need a comment (return: what to correct; reopen, exception: why). */
export const NEEDS_COMMENT: ReadonlySet<WorkflowEvent> = new Set(['return', 'reopen', 'exception']);

/** "Lena Lead <lead@example.com>" → "Lena Lead": the recorded actor label's name part. */
export function personName(label: string): string {
  const at = label.lastIndexOf(' <');
  return at > 0 && label.endsWith('>') ? label.slice(0, at) : label;
}
