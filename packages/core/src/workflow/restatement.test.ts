/**
 * A restatement request's approval follows the workflow's rule (segregation of duties included),
 * and restatedBundle puts restated facts in place of the old ones and adds new ones.
 */
import { describe, expect, it } from 'vitest';
import { bundle, dp, fuel, sub } from '../testing/bundle-builder.js';
import { q } from '../units/quantity.js';
import { RESTATEMENT_EVENTS, restatedBundle, restatementTransition } from './restatement.js';
import { type Actor, type Capability, DRAFT_UNIT } from './state.js';

const actor = (id: string, ...can: Capability[]): Actor => ({ id, can: new Set(can) });
const ann = actor('ann', 'prepare');
const rita = actor('rita', 'review');
const alex = actor('alex', 'approve');

describe('restatementTransition', () => {
  it('submit → review → approve by three people; the events are the four of a submission', () => {
    expect(RESTATEMENT_EVENTS).toEqual(['submit', 'review', 'approve', 'return']);
    const s1 = restatementTransition(DRAFT_UNIT, { kind: 'submit' }, ann);
    if (!s1.ok) throw new Error(s1.message);
    const s2 = restatementTransition(s1.state, { kind: 'review' }, rita);
    if (!s2.ok) throw new Error(s2.message);
    const s3 = restatementTransition(s2.state, { kind: 'approve' }, alex);
    expect(s3).toMatchObject({ ok: true, from: 'reviewed', to: 'approved' });
  });

  it('nobody approves what they submitted or reviewed, nor reviews their own; a return needs a comment', () => {
    const both = actor('bo', 'prepare', 'approve', 'review');
    const s1 = restatementTransition(DRAFT_UNIT, { kind: 'submit' }, both);
    if (!s1.ok) throw new Error(s1.message);
    expect(restatementTransition(s1.state, { kind: 'review' }, both)).toMatchObject({
      ok: false,
      code: 'self-review',
    });
    const s2 = restatementTransition(s1.state, { kind: 'review' }, rita);
    if (!s2.ok) throw new Error(s2.message);
    expect(restatementTransition(s2.state, { kind: 'approve' }, both)).toMatchObject({
      ok: false,
      code: 'self-approval',
    });
    expect(restatementTransition(s2.state, { kind: 'approve' }, actor('rita', 'approve'))).toMatchObject({
      ok: false,
      code: 'self-approval',
    });
    expect(restatementTransition(s2.state, { kind: 'return', comment: ' ' }, alex)).toMatchObject({
      ok: false,
      code: 'comment-required',
    });
    expect(
      restatementTransition(s2.state, { kind: 'return', comment: 'cite the invoice' }, alex),
    ).toMatchObject({
      ok: true,
      to: 'draft',
      state: { submittedBy: null, reviewedBy: null },
    });
  });

  it('approving a draft, or approving twice, is the wrong state', () => {
    expect(restatementTransition(DRAFT_UNIT, { kind: 'approve' }, alex)).toMatchObject({
      code: 'wrong-state',
    });
    const approved = { ...DRAFT_UNIT, state: 'approved' as const, submittedBy: 'ann', reviewedBy: 'rita' };
    expect(restatementTransition(approved, { kind: 'approve' }, alex)).toMatchObject({ code: 'wrong-state' });
  });
});

describe('restatedBundle', () => {
  it('replaces restated facts in place and appends new ones; nothing else changes', () => {
    const diesel = fuel('smelter', 'diesel', '100 t');
    const gas = fuel('smelter', 'natural-gas', '50 t');
    const hc = dp('smelter', 'employees.headcount', '300 person');
    const b = bundle({ entities: [sub('smelter'), sub('mine')], lines: [diesel, gas], data: [hc] });
    const restatedDiesel = { ...diesel, amount: q('90 t') };
    const added = { ...fuel('mine', 'diesel', '12 t'), periodId: '2024' };
    const out = restatedBundle(b, { dataPoints: [], activityLines: [restatedDiesel, added] });
    expect(out.activityLines.map((l) => [l.id, l.amount.value.toFixed()])).toEqual([
      [diesel.id, '90'],
      [gas.id, '50'],
      [added.id, '12'],
    ]);
    expect(out.dataPoints).toEqual(b.dataPoints);
    expect(b.activityLines[0]?.amount.value.toFixed()).toBe('100'); // the input is untouched
  });
});
