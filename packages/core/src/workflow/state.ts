/**
 * The collection cycle's approval workflow, as data (issue #17). The unit of approval is one
 * entity × period × topic (the indicator catalogue's topic, e.g. "energy"): a preparer submits
 * it, a reviewer reviews it, an approver approves it; a reviewer or approver can return it to
 * the preparer with a comment, and an administrator can reopen an approved unit with a reason.
 * The rules are in transition.ts; this file holds the shapes only.
 */

export const WORKFLOW_STATES = ['draft', 'submitted', 'reviewed', 'approved'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const WORKFLOW_EVENTS = ['submit', 'return', 'review', 'approve', 'reopen', 'exception'] as const;
export type WorkflowEventKind = (typeof WORKFLOW_EVENTS)[number];

/**
 * What an actor may do on the unit's entity, as the permission table grants it (the app works
 * it out with authorise(): submit-data → prepare, review-data → review, approve-data →
 * approve, manage-cycle → administer).
 */
export type Capability = 'prepare' | 'review' | 'approve' | 'administer';

/** Who acts: a stable user id (compared for segregation of duties) and what they may do here. */
export type Actor = { readonly id: string; readonly can: ReadonlySet<Capability> };

/**
 * An event as asked for. `comment` is required for return (why it goes back), reopen (the
 * reason) and exception (why the administrator allows it); optional elsewhere.
 * `exception`: the administrator allows `userId` to review or approve this unit although they
 * submitted or reviewed it (segregation of duties); it is recorded and holds until a reopen.
 */
export type WorkflowEvent =
  | { readonly kind: 'submit' | 'review' | 'approve'; readonly comment?: string }
  | { readonly kind: 'return' | 'reopen'; readonly comment: string }
  | { readonly kind: 'exception'; readonly userId: string; readonly comment: string };

/** Where a unit stands, with what segregation of duties needs to know. */
export type UnitState = {
  readonly state: WorkflowState;
  /** Who submitted the current submission (null in draft). */
  readonly submittedBy: string | null;
  /** Who reviewed the current submission (null until reviewed). */
  readonly reviewedBy: string | null;
  /** Users an administrator allowed to act despite segregation of duties (until a reopen). */
  readonly exceptions: readonly string[];
};

/** A unit nobody has acted on yet. */
export const DRAFT_UNIT: UnitState = { state: 'draft', submittedBy: null, reviewedBy: null, exceptions: [] };

/** Why an event is refused; each comes with a plain-language message. */
export type RefusalCode =
  /** The event cannot happen from the unit's state (approve a draft…). */
  | 'wrong-state'
  /** The actor's roles on the entity do not include the step (a reviewer approving…). */
  | 'not-permitted'
  /** A return, reopen or exception without a comment saying why. */
  | 'comment-required'
  /** Reviewing one's own submission. */
  | 'self-review'
  /** Approving one's own submission or review. */
  | 'self-approval'
  /** An administrator allowing an exception for themselves. */
  | 'self-exception'
  /**
   * Submitting a unit that has assignments by a preparer not assigned to it (assignment-rule.ts;
   * an administrator of the entity may).
   */
  | 'not-assigned';

export type TransitionResult =
  | {
      readonly ok: true;
      readonly state: UnitState;
      readonly from: WorkflowState;
      readonly to: WorkflowState;
    }
  | { readonly ok: false; readonly code: RefusalCode; readonly message: string; readonly field?: string };
