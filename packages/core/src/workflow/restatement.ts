/**
 * A restatement request's approval (issue #17; docs/workflow.md, "Restatement and base year"):
 * the request is approved like a submission, by the workflow's own rule (transition.ts) applied
 * to the request as its unit: a preparer submits it, a reviewer reviews it, an approver
 * approves it, and a reviewer or approver returns it with a comment; nobody reviews what they
 * submitted, nobody approves what they submitted or reviewed. An approved request is final:
 * it is not reopened (a later change is a restatement of its own), so only these four events
 * exist for it. What the request restates (facts of a past, possibly locked, period) is
 * written when it is approved: `restatedBundle` gives the bundle as it will then be, for the
 * effect on the figures (methods/base-year.ts weighs the base year).
 */
import type { Bundle } from '../model/bundle.js';
import type { ActivityLine, DataPoint } from '../model/fact.js';
import type { Actor, TransitionResult, UnitState } from './state.js';
import { transition } from './transition.js';

export const RESTATEMENT_EVENTS = ['submit', 'review', 'approve', 'return'] as const;
export type RestatementEventKind = (typeof RESTATEMENT_EVENTS)[number];

export type RestatementEvent =
  | { readonly kind: 'submit' | 'review' | 'approve'; readonly comment?: string }
  | { readonly kind: 'return'; readonly comment: string };

/** The next state of a request, or the refusal (codes as the workflow's: state.ts RefusalCode). */
export function restatementTransition(
  request: UnitState,
  event: RestatementEvent,
  actor: Actor,
): TransitionResult {
  return transition(request, event, actor);
}

/**
 * The bundle with the restated facts in place: a data point or activity line with the id of a
 * restated one is replaced where it stands, any other is added at the end. Nothing else changes.
 */
export function restatedBundle(
  bundle: Bundle,
  restated: { readonly dataPoints: readonly DataPoint[]; readonly activityLines: readonly ActivityLine[] },
): Bundle {
  const replace = <T extends { readonly id: string }>(current: readonly T[], next: readonly T[]): T[] => {
    const byId = new Map(next.map((f) => [f.id, f]));
    const out = current.map((f) => {
      const n = byId.get(f.id);
      if (n) byId.delete(f.id);
      return n ?? f;
    });
    return [...out, ...byId.values()];
  };
  return {
    ...bundle,
    dataPoints: replace(bundle.dataPoints, restated.dataPoints),
    activityLines: replace(bundle.activityLines, restated.activityLines),
  };
}
