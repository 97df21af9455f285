/** Who may submit an assigned unit: every event × capability set × assigned or not. */
import { describe, expect, it } from 'vitest';
import { assignmentRefusal } from './assignment-rule.js';
import { type Actor, type Capability, WORKFLOW_EVENTS } from './state.js';

const CAPS: Capability[] = ['prepare', 'review', 'approve', 'administer'];
const subsets = <T>(xs: readonly T[]): T[][] =>
  xs.reduce<T[][]>((acc, x) => acc.flatMap((s) => [s, [...s, x]]), [[]]);
const ANN = { id: 'u-ann', label: 'Ann Lee <ann@example.com>' };
const BO = { id: 'u-bo', label: 'Bo Chan <bo@example.com>' };

describe('assignment rule', () => {
  it('restricts only submit, only on an assigned unit, to the assignees and administrators', () => {
    let refused = 0;
    for (const event of WORKFLOW_EVENTS)
      for (const can of subsets(CAPS))
        for (const assignees of [[], [ANN], [ANN, BO], [BO]])
          for (const id of ['u-ann', 'u-other']) {
            const actor: Actor = { id, can: new Set(can) };
            const got = assignmentRefusal(event, actor, assignees);
            const allowed =
              event !== 'submit' ||
              assignees.length === 0 ||
              can.includes('administer') ||
              assignees.some((a) => a.id === id);
            expect(got === undefined, `${event} ${can} ${JSON.stringify(assignees)} ${id}`).toBe(allowed);
            if (got) {
              refused++;
              expect(got.code).toBe('not-assigned');
            }
          }
    expect(refused).toBeGreaterThan(0);
  });

  it('names the assignees and says what to do', () => {
    expect(assignmentRefusal('submit', { id: 'u-pat', can: new Set(['prepare']) }, [BO, ANN, ANN])).toEqual({
      ok: false,
      code: 'not-assigned',
      message:
        'this unit is assigned to Ann Lee <ann@example.com>, Bo Chan <bo@example.com>, not to you: only an assigned preparer (or an administrator) may submit it; ask an administrator to assign it to you',
    });
  });
});
