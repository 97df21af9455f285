/**
 * The approval workflow's one rule: transition(unit, event, actor) → the next state, or a
 * refusal with a code and a plain-language message. Pure: the app supplies the actor's
 * capabilities (from the permission table) and the store applies the result under a row lock.
 *
 *   event      from               needs        to         notes
 *   submit     draft              prepare      submitted  the actor becomes the submitter
 *   return     submitted          review       draft      a comment is required
 *   return     reviewed           approve      draft      a comment is required
 *   review     submitted          review       reviewed   not by the submitter
 *   approve    reviewed           approve      approved   not by the submitter nor the reviewer
 *   reopen     approved           administer   draft      a comment (the reason) is required;
 *                                                         exceptions granted before end here
 *   exception  draft, submitted,  administer   (same)     a comment is required; allows the named
 *              reviewed                                   user to review or approve despite the
 *                                                         two rules above; not for oneself
 *
 * Checks run in this order, so each refusal is the first that applies: the state, the actor's
 * capability, the comment, then segregation of duties.
 */
import type {
  Actor,
  Capability,
  RefusalCode,
  TransitionResult,
  UnitState,
  WorkflowEvent,
  WorkflowEventKind,
  WorkflowState,
} from './state.js';

/** The states each event may start from. */
export const EVENT_FROM: Readonly<Record<WorkflowEventKind, readonly WorkflowState[]>> = {
  submit: ['draft'],
  return: ['submitted', 'reviewed'],
  review: ['submitted'],
  approve: ['reviewed'],
  reopen: ['approved'],
  exception: ['draft', 'submitted', 'reviewed'],
};

/** What the actor must be able to do for the event from the state. */
export function capabilityNeeded(kind: WorkflowEventKind, from: WorkflowState): Capability {
  switch (kind) {
    case 'submit':
      return 'prepare';
    case 'return':
      return from === 'reviewed' ? 'approve' : 'review';
    case 'review':
      return 'review';
    case 'approve':
      return 'approve';
    case 'reopen':
    case 'exception':
      return 'administer';
  }
}

const VERB: Readonly<Record<WorkflowEventKind, string>> = {
  submit: 'submit',
  return: 'return',
  review: 'review',
  approve: 'approve',
  reopen: 'reopen',
  exception: 'allow an exception on',
};

const ROLE: Readonly<Record<Capability, string>> = {
  prepare: 'preparer',
  review: 'reviewer',
  approve: 'approver',
  administer: 'administrator',
};

const refuse = (code: RefusalCode, message: string, field?: string): TransitionResult => ({
  ok: false,
  code,
  message,
  ...(field === undefined ? {} : { field }),
});

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

export function transition(unit: UnitState, event: WorkflowEvent, actor: Actor): TransitionResult {
  const from = unit.state;
  const verb = VERB[event.kind];
  const starts = EVENT_FROM[event.kind];
  if (!starts.includes(from))
    return refuse(
      'wrong-state',
      `cannot ${verb} this unit: it is ${from}; only a unit that is ${starts.join(' or ')} can be`,
    );
  const needed = capabilityNeeded(event.kind, from);
  if (!actor.can.has(needed))
    return refuse(
      'not-permitted',
      `to ${verb} a ${from} unit you need the ${ROLE[needed]} role on its entity`,
    );
  if (
    (event.kind === 'return' || event.kind === 'reopen' || event.kind === 'exception') &&
    blank(event.comment)
  )
    return refuse(
      'comment-required',
      event.kind === 'return'
        ? 'a comment is required: say what the preparer should correct'
        : event.kind === 'reopen'
          ? 'a reason is required (comment): say why the approved unit is reopened'
          : 'a reason is required (comment): say why the exception is allowed',
      'comment',
    );
  const excepted = unit.exceptions.includes(actor.id);
  const next = (to: WorkflowState, changes: Partial<UnitState>): TransitionResult => ({
    ok: true,
    from,
    to,
    state: { ...unit, ...changes, state: to },
  });
  switch (event.kind) {
    case 'submit':
      return next('submitted', { submittedBy: actor.id, reviewedBy: null });
    case 'return':
      return next('draft', { submittedBy: null, reviewedBy: null });
    case 'review':
      if (unit.submittedBy === actor.id && !excepted)
        return refuse(
          'self-review',
          'you submitted this unit, so someone else must review it (segregation of duties; an administrator can allow an exception)',
        );
      return next('reviewed', { reviewedBy: actor.id });
    case 'approve':
      if ((unit.submittedBy === actor.id || unit.reviewedBy === actor.id) && !excepted)
        return refuse(
          'self-approval',
          `you ${unit.submittedBy === actor.id ? 'submitted' : 'reviewed'} this unit, so someone else must approve it (segregation of duties; an administrator can allow an exception)`,
        );
      return next('approved', {});
    case 'reopen':
      return next('draft', { submittedBy: null, reviewedBy: null, exceptions: [] });
    case 'exception':
      if (event.userId === actor.id)
        return refuse(
          'self-exception',
          'an administrator cannot allow an exception for themselves; another administrator must',
          'userId',
        );
      return next(from, {
        exceptions: unit.exceptions.includes(event.userId)
          ? unit.exceptions
          : [...unit.exceptions, event.userId],
      });
  }
}
