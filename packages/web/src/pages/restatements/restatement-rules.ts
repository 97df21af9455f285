/**
 * The Restatements page's rules (docs/workflow.md, "Restatement and base year"): which events it
 * offers on a request, by the request's state and the caller's actions on EVERY entity it touches
 * (the server's rule: app use-cases/restatement.ts decides on all of them); the page's sentence
 * for each refusal; who did what, from the request's transitions; and the checks of a new value
 * as typed (exact: compared as decimal text, never as a float). Segregation of duties is the
 * server's to refuse, with its rule, so a person holding two roles sees why they may not.
 */
import type { Action } from '../../access';
import type { Restatement, RestatementEvent, RestatementTransition } from '../../api-restatement';
import type { Refusal } from '../../query/write';

export function entitiesOf(r: Pick<Restatement, 'items'>): string[] {
  return [...new Set(r.items.map((i) => i.entityId))];
}

export function eventsFor(
  r: Pick<Restatement, 'state' | 'items'>,
  can: (action: Action, entityId: string) => boolean,
) {
  const entities = entitiesOf(r);
  const all = (action: Action) => entities.every((e) => can(action, e));
  const out: RestatementEvent[] = [];
  if (r.state === 'draft' && all('submit-data')) out.push('submit');
  if (r.state === 'submitted' && all('review-data')) out.push('review');
  if (r.state === 'reviewed' && all('approve-data')) out.push('approve');
  if (r.state === 'submitted' && all('review-data') && all('return-data')) out.push('return');
  if (r.state === 'reviewed' && all('approve-data') && all('return-data')) out.push('return');
  return out;
}

const BY_RULE = new Set(['self-review', 'self-approval', 'not-permitted', 'wrong-state', 'comment-required']);
const BY_CODE = new Set(['stale-version', 'forbidden', 'not-found', 'conflict', 'invalid-data']);

/** The `restatement` namespace's key of a refusal's sentence: by the rule, else the code. */
export function refusedKey(
  r: Refusal,
):
  | `refused.${'self-review' | 'self-approval' | 'not-permitted' | 'wrong-state' | 'comment-required'}`
  | `refused.${'stale-version' | 'forbidden' | 'not-found' | 'conflict' | 'invalid-data'}`
  | undefined {
  if (r.rule && BY_RULE.has(r.rule)) return `refused.${r.rule as 'self-review'}`;
  if (BY_CODE.has(r.code)) return `refused.${r.code as 'conflict'}`;
  return undefined;
}

/** Who took each step of the request's current round (after its last return), and any return. */
export function whoDid(transitions: readonly RestatementTransition[]) {
  let submit: RestatementTransition | undefined;
  let review: RestatementTransition | undefined;
  let approve: RestatementTransition | undefined;
  let returned: RestatementTransition | undefined;
  for (const x of transitions) {
    if (x.event === 'submit') {
      submit = x;
      review = undefined;
    } else if (x.event === 'review') review = x;
    else if (x.event === 'approve') approve = x;
    else if (x.event === 'return') {
      returned = x;
      submit = undefined;
      review = undefined;
    }
  }
  return { submit, review, approve, returned };
}

/** A plain decimal as typed: digits, one point, an optional minus; no grouping, no exponent. */
export const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Decimal text without its redundant zeros ("0100.50" → "100.5", "-0.0" → "0"): for equality. */
export function canonicalDecimal(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return text.trim();
  const whole = (m[2] as string).replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac ? `${whole}.${frac}` : whole;
  return m[1] && body !== '0' ? `-${body}` : body;
}

/** Why a new value cannot be sent as typed (undefined: it can). */
export function newValueProblem(typed: string, now: string): 'required' | 'notNumber' | 'same' | undefined {
  const v = typed.trim();
  if (v === '') return 'required';
  if (!DECIMAL.test(v)) return 'notNumber';
  if (canonicalDecimal(v) === canonicalDecimal(now)) return 'same';
  return undefined;
}
