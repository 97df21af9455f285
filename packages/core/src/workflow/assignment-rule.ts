/**
 * Who may submit a unit that has assignments (issue #17; docs/workflow.md "Cycles and
 * assignments"): once an administrator has assigned any indicator of a unit (entity × period ×
 * topic) to preparers, only those preparers submit it, or an administrator of the entity
 * (capability 'administer') who also holds the preparer role. A unit nobody assigned keeps the
 * rule of the grants alone. Applied after transition() has accepted the event, so state and role
 * refusals come first; only 'submit' is restricted (reviewers and approvers are not assigned).
 */
import type { Actor, TransitionResult, WorkflowEventKind } from './state.js';

/** An assigned preparer: the id compared with the actor's, and the name a refusal shows. */
export type Assignee = { readonly id: string; readonly label: string };

/** The refusal for an actor submitting a unit assigned to others; undefined when allowed. */
export function assignmentRefusal(
  event: WorkflowEventKind,
  actor: Actor,
  assignees: readonly Assignee[],
): Extract<TransitionResult, { ok: false }> | undefined {
  if (event !== 'submit' || assignees.length === 0) return undefined;
  if (actor.can.has('administer') || assignees.some((a) => a.id === actor.id)) return undefined;
  const names = [...new Set(assignees.map((a) => a.label))].sort();
  return {
    ok: false,
    code: 'not-assigned',
    message: `this unit is assigned to ${names.join(', ')}, not to you: only an assigned preparer (or an administrator) may submit it; ask an administrator to assign it to you`,
  };
}
