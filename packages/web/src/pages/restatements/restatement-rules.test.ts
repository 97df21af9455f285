/** The Restatements page's rules: steps offered, refusal sentences, who acted, new values, threshold. */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../access';
import type { RestatementTransition } from '../../api-restatement';
import type { Refusal } from '../../query/write';
import { thresholdOk } from './base-year-panel';
import { canonicalDecimal, eventsFor, newValueProblem, refusedKey, whoDid } from './restatement-rules';

const item = (entityId: string) => ({ entityId }) as never;
const grants =
  (table: Record<string, Action[]>) =>
  (action: Action, entityId: string): boolean =>
    table[entityId]?.includes(action) ?? false;

describe('eventsFor: by state and the caller’s actions on every entity of the request', () => {
  const both = [item('smelter'), item('mine')];
  it('offers each step to the role that takes it', () => {
    const preparer = grants({ smelter: ['submit-data'], mine: ['submit-data'] });
    const reviewer = grants({
      smelter: ['review-data', 'return-data'],
      mine: ['review-data', 'return-data'],
    });
    const approver = grants({
      smelter: ['approve-data', 'return-data'],
      mine: ['approve-data', 'return-data'],
    });
    expect(eventsFor({ state: 'draft', items: both }, preparer)).toEqual(['submit']);
    expect(eventsFor({ state: 'submitted', items: both }, preparer)).toEqual([]);
    expect(eventsFor({ state: 'submitted', items: both }, reviewer)).toEqual(['review', 'return']);
    expect(eventsFor({ state: 'reviewed', items: both }, reviewer)).toEqual([]);
    expect(eventsFor({ state: 'reviewed', items: both }, approver)).toEqual(['approve', 'return']);
    expect(eventsFor({ state: 'approved', items: both }, approver)).toEqual([]);
  });
  it('offers nothing when one entity of the request is not covered', () => {
    const smelterOnly = grants({ smelter: ['submit-data'] });
    expect(eventsFor({ state: 'draft', items: both }, smelterOnly)).toEqual([]);
    expect(eventsFor({ state: 'draft', items: [item('smelter')] }, smelterOnly)).toEqual(['submit']);
  });
});

const refusal = (code: string, rule?: string): Refusal => ({
  status: 403,
  code,
  rule,
  field: undefined,
  message: 'm',
  reloaded: true,
});

describe('refusedKey: the rule first, then the code', () => {
  it.each([
    [refusal('forbidden', 'self-approval'), 'refused.self-approval'],
    [refusal('forbidden', 'self-review'), 'refused.self-review'],
    [refusal('conflict', 'wrong-state'), 'refused.wrong-state'],
    [refusal('conflict'), 'refused.conflict'],
    [refusal('stale-version'), 'refused.stale-version'],
    [refusal('forbidden'), 'refused.forbidden'],
    [refusal('internal'), undefined],
  ])('%j → %s', (r, key) => expect(refusedKey(r)).toBe(key));
});

const step = (
  event: RestatementTransition['event'],
  actor: string,
  version: number,
): RestatementTransition => ({
  restatementId: 1,
  version,
  from: 'draft',
  to: 'draft',
  event,
  userId: actor,
  actor: `${actor} <${actor}@example.com>`,
  comment: event === 'return' ? 'fix it' : null,
  at: '2026-04-01T00:00:00Z',
});

describe('whoDid: the current round after the last return', () => {
  it('names submitter, reviewer and approver', () => {
    const w = whoDid([
      step('request', 'pia', 1),
      step('submit', 'pia', 2),
      step('review', 'rita', 3),
      step('approve', 'alex', 4),
    ]);
    expect([w.submit?.userId, w.review?.userId, w.approve?.userId, w.returned]).toEqual([
      'pia',
      'rita',
      'alex',
      undefined,
    ]);
  });
  it('forgets the review of a returned round', () => {
    const w = whoDid([step('submit', 'pia', 2), step('review', 'rita', 3), step('return', 'alex', 4)]);
    expect([w.submit, w.review, w.returned?.userId]).toEqual([undefined, undefined, 'alex']);
  });
});

describe('new values as typed (exact, on the text)', () => {
  it.each([
    ['', '100', 'required'],
    ['  ', '100', 'required'],
    ['1,000', '100', 'notNumber'],
    ['1e3', '100', 'notNumber'],
    ['100.', '100', 'notNumber'],
    ['100.0', '100', 'same'],
    ['0100', '100', 'same'],
    ['90', '100', undefined],
    ['-5', '100', undefined],
    ['100.000000000000000001', '100', undefined],
  ])('%j against %s → %s', (typed, now, problem) => expect(newValueProblem(typed, now)).toBe(problem));
  it('canonicalises decimal text', () => {
    expect(canonicalDecimal('0100.50')).toBe('100.5');
    expect(canonicalDecimal('-0.0')).toBe('0');
    expect(canonicalDecimal('-7.10')).toBe('-7.1');
  });
});

describe('thresholdOk: above 0 and at most 100', () => {
  it.each([
    ['5', true],
    ['0.5', true],
    ['100', true],
    ['100.0', true],
    ['0', false],
    ['0.00', false],
    ['100.01', false],
    ['101', false],
    ['-5', false],
    ['5 %', false],
    ['', false],
  ])('%j → %s', (text, ok) => expect(thresholdOk(text)).toBe(ok));
});
