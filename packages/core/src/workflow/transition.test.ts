/**
 * The approval workflow's rule, table-driven: every state × every event × every set of
 * capabilities × every relation of the actor to the unit (submitted it, reviewed it, holds an
 * exception) × with or without a comment, against an expectation computed here from a table
 * written down independently of transition.ts. Hand-written cases pin the messages.
 */
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type Capability,
  DRAFT_UNIT,
  type UnitState,
  WORKFLOW_EVENTS,
  WORKFLOW_STATES,
  type WorkflowEvent,
  type WorkflowEventKind,
  type WorkflowState,
} from './state.js';
import { transition } from './transition.js';

/** event → from → [capability needed, state after]; a missing `from` is a wrong-state refusal. */
const TABLE: Record<WorkflowEventKind, Partial<Record<WorkflowState, [Capability, WorkflowState]>>> = {
  submit: { draft: ['prepare', 'submitted'] },
  return: { submitted: ['review', 'draft'], reviewed: ['approve', 'draft'] },
  review: { submitted: ['review', 'reviewed'] },
  approve: { reviewed: ['approve', 'approved'] },
  reopen: { approved: ['administer', 'draft'] },
  exception: {
    draft: ['administer', 'draft'],
    submitted: ['administer', 'submitted'],
    reviewed: ['administer', 'reviewed'],
  },
};
const NEEDS_COMMENT = new Set<WorkflowEventKind>(['return', 'reopen', 'exception']);
const CAPS: Capability[] = ['prepare', 'review', 'approve', 'administer'];
const ME = 'u-me';
const OTHER = 'u-other';
const THIRD = 'u-third';

function subsets<T>(xs: readonly T[]): T[][] {
  return xs.reduce<T[][]>((acc, x) => acc.flatMap((s) => [s, [...s, x]]), [[]]);
}

/** Units in each state, with the actor as submitter and/or reviewer where the state has them. */
function unitsIn(state: WorkflowState): UnitState[] {
  const submitters = state === 'draft' ? [null] : [ME, OTHER];
  const reviewers = state === 'reviewed' || state === 'approved' ? [ME, THIRD] : [null];
  return submitters.flatMap((submittedBy) =>
    reviewers.flatMap((reviewedBy) =>
      [[], [ME]].map((exceptions) => ({ state, submittedBy, reviewedBy, exceptions })),
    ),
  );
}

function eventOf(kind: WorkflowEventKind, comment: string | undefined, target: string): WorkflowEvent {
  if (kind === 'exception') return { kind, userId: target, comment: comment ?? '' };
  if (kind === 'return' || kind === 'reopen') return { kind, comment: comment ?? '' };
  return comment === undefined ? { kind } : { kind, comment };
}

type Expected = { ok: true; to: WorkflowState; unit: UnitState } | { ok: false; code: string };

function expected(unit: UnitState, e: WorkflowEvent, can: readonly Capability[]): Expected {
  const row = TABLE[e.kind][unit.state];
  if (!row) return { ok: false, code: 'wrong-state' };
  const [cap, to] = row;
  if (!can.includes(cap)) return { ok: false, code: 'not-permitted' };
  if (NEEDS_COMMENT.has(e.kind) && !(e.comment ?? '').trim()) return { ok: false, code: 'comment-required' };
  const excepted = unit.exceptions.includes(ME);
  if (e.kind === 'review' && unit.submittedBy === ME && !excepted) return { ok: false, code: 'self-review' };
  if (e.kind === 'approve' && (unit.submittedBy === ME || unit.reviewedBy === ME) && !excepted)
    return { ok: false, code: 'self-approval' };
  if (e.kind === 'exception' && e.userId === ME) return { ok: false, code: 'self-exception' };
  const after: Record<WorkflowEventKind, Partial<UnitState>> = {
    submit: { submittedBy: ME, reviewedBy: null },
    return: { submittedBy: null, reviewedBy: null },
    review: { reviewedBy: ME },
    approve: {},
    reopen: { submittedBy: null, reviewedBy: null, exceptions: [] },
    exception: {
      exceptions:
        e.kind === 'exception' && !unit.exceptions.includes(e.userId)
          ? [...unit.exceptions, e.userId]
          : unit.exceptions,
    },
  };
  return { ok: true, to, unit: { ...unit, ...after[e.kind], state: to } };
}

describe('transition: every state × event × capabilities × relation × comment', () => {
  it('agrees with the table for all of them', () => {
    const wrong: string[] = [];
    const counts = new Map<string, number>();
    let cases = 0;
    for (const state of WORKFLOW_STATES)
      for (const unit of unitsIn(state))
        for (const kind of WORKFLOW_EVENTS)
          for (const can of subsets(CAPS))
            for (const comment of [undefined, '  ', 'please check the invoice'])
              for (const target of kind === 'exception' ? [ME, OTHER] : [OTHER]) {
                const actor: Actor = { id: ME, can: new Set(can) };
                const e = eventOf(kind, comment, target);
                const want = expected(unit, e, can);
                const got = transition(unit, e, actor);
                const key = want.ok ? `ok:${kind}` : want.code;
                counts.set(key, (counts.get(key) ?? 0) + 1);
                cases++;
                const same = got.ok
                  ? want.ok && got.to === want.to && got.from === state && isEqual(got.state, want.unit)
                  : !want.ok && got.code === want.code && got.message.length > 20;
                if (!same)
                  wrong.push(
                    `${JSON.stringify(unit)} ${JSON.stringify(e)} [${can}] → ${JSON.stringify(got)}`,
                  );
              }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(cases).toBeGreaterThan(5000);
    // Every outcome occurs, so no rule is untested.
    for (const key of [
      'wrong-state',
      'not-permitted',
      'comment-required',
      'self-review',
      'self-approval',
      'self-exception',
      ...WORKFLOW_EVENTS.map((k) => `ok:${k}`),
    ])
      expect(counts.get(key) ?? 0, key).toBeGreaterThan(0);
  });
});

function isEqual(a: UnitState, b: UnitState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const actor = (id: string, ...can: Capability[]): Actor => ({ id, can: new Set(can) });
const ann = actor('ann', 'prepare');
const rita = actor('rita', 'review');
const alex = actor('alex', 'approve');
const admin = actor('root', 'administer');

describe('transition: the cycle as people meet it', () => {
  it('runs submit → return → submit → review → approve → reopen, recording who did what', () => {
    const s1 = transition(DRAFT_UNIT, { kind: 'submit' }, ann);
    if (!s1.ok) throw new Error(s1.message);
    expect(s1.state).toEqual({ state: 'submitted', submittedBy: 'ann', reviewedBy: null, exceptions: [] });
    const back = transition(s1.state, { kind: 'return', comment: 'diesel invoice missing' }, rita);
    if (!back.ok) throw new Error(back.message);
    expect(back.state).toEqual(DRAFT_UNIT);
    const s2 = transition(back.state, { kind: 'submit' }, ann);
    if (!s2.ok) throw new Error(s2.message);
    const r = transition(s2.state, { kind: 'review' }, rita);
    if (!r.ok) throw new Error(r.message);
    const a = transition(r.state, { kind: 'approve' }, alex);
    if (!a.ok) throw new Error(a.message);
    expect(a.state).toEqual({ state: 'approved', submittedBy: 'ann', reviewedBy: 'rita', exceptions: [] });
    const o = transition(a.state, { kind: 'reopen', comment: 'acquisition' }, admin);
    expect(o).toMatchObject({ ok: true, from: 'approved', to: 'draft', state: DRAFT_UNIT });
  });

  it('refuses self-approval, and allows it after an administrator’s exception until a reopen', () => {
    const both = actor('bo', 'prepare', 'review', 'approve');
    const s = transition(DRAFT_UNIT, { kind: 'submit' }, both);
    if (!s.ok) throw new Error(s.message);
    expect(transition(s.state, { kind: 'review' }, both)).toEqual({
      ok: false,
      code: 'self-review',
      message:
        'you submitted this unit, so someone else must review it (segregation of duties; an administrator can allow an exception)',
    });
    const r = transition(s.state, { kind: 'review' }, rita);
    if (!r.ok) throw new Error(r.message);
    expect(transition(r.state, { kind: 'approve' }, both)).toMatchObject({
      ok: false,
      code: 'self-approval',
      message: expect.stringMatching(/^you submitted this unit, so someone else must approve it/),
    });
    const ex = transition(
      r.state,
      { kind: 'exception', userId: 'bo', comment: 'sole approver on leave' },
      admin,
    );
    if (!ex.ok) throw new Error(ex.message);
    expect(ex).toMatchObject({ from: 'reviewed', to: 'reviewed', state: { exceptions: ['bo'] } });
    const a = transition(ex.state, { kind: 'approve' }, both);
    if (!a.ok) throw new Error(a.message);
    const o = transition(a.state, { kind: 'reopen', comment: 'correction' }, admin);
    if (!o.ok) throw new Error(o.message);
    expect(o.state.exceptions).toEqual([]);
  });

  it('says plainly what is wrong', () => {
    expect(transition(DRAFT_UNIT, { kind: 'approve' }, alex)).toEqual({
      ok: false,
      code: 'wrong-state',
      message: 'cannot approve this unit: it is draft; only a unit that is reviewed can be',
    });
    expect(transition(DRAFT_UNIT, { kind: 'submit' }, rita)).toEqual({
      ok: false,
      code: 'not-permitted',
      message: 'to submit a draft unit you need the preparer role on its entity',
    });
    const s = transition(DRAFT_UNIT, { kind: 'submit' }, ann);
    if (!s.ok) throw new Error(s.message);
    expect(transition(s.state, { kind: 'return', comment: ' ' }, rita)).toEqual({
      ok: false,
      code: 'comment-required',
      message: 'a comment is required: say what the preparer should correct',
      field: 'comment',
    });
    expect(transition(s.state, { kind: 'exception', userId: 'root', comment: 'x' }, admin)).toMatchObject({
      ok: false,
      code: 'self-exception',
      field: 'userId',
    });
  });
});
