/** Task lists and progress, derived from assignments and unit positions (hand-worked cases). */
import { describe, expect, it } from 'vitest';
import {
  type AssignedIndicator,
  progressOf,
  tasksOf,
  totalProgress,
  type UnitPosition,
  unitKeyText,
} from './tasks.js';

const a = (
  id: string,
  entityId: string,
  periodId: string,
  topic: string,
  indicatorId: string,
  assignee: string,
  dueDate: string,
): AssignedIndicator => ({ id, entityId, periodId, topic, indicatorId, assignee, dueDate });

const ASSIGNED = [
  a('1', 'site-a', '2026-01', 'energy', 'energy.total', 'ann', '2026-02-10'),
  a('2', 'site-a', '2026-01', 'energy', 'energy.renewable-consumed', 'ann', '2026-02-05'),
  a('3', 'site-a', '2026-01', 'emissions', 'ghg.scope1', 'ann', '2026-02-10'),
  a('4', 'site-a', '2026-02', 'energy', 'energy.total', 'ann', '2026-03-10'),
  a('5', 'site-b', '2026-01', 'energy', 'energy.total', 'bo', '2026-02-10'),
  a('6', 'site-b', '2026-01', 'energy', 'energy.renewable-consumed', 'ann', '2026-02-12'),
  a('7', 'site-b', '2026-01', 'water', 'water.withdrawal', 'bo', '2026-02-10'),
];
const key = (entityId: string, periodId: string, topic: string) => unitKeyText({ entityId, periodId, topic });
const POSITIONS = new Map<string, UnitPosition>([
  // site-a energy January: returned by the reviewer
  [
    key('site-a', '2026-01', 'energy'),
    {
      state: 'draft',
      version: 2,
      sentBack: {
        event: 'return',
        comment: 'diesel invoice missing',
        actor: 'Rita',
        at: '2026-02-06T09:00:00.000Z',
      },
    },
  ],
  [key('site-a', '2026-01', 'emissions'), { state: 'approved', version: 3, sentBack: null }],
  [key('site-b', '2026-01', 'energy'), { state: 'submitted', version: 1, sentBack: null }],
]);
const NOW = '2026-02-11T01:00:00.000Z';

describe('task list', () => {
  it("groups a preparer's assignments by unit, with the earliest due date, status and overdue flag", () => {
    const tasks = tasksOf(
      ASSIGNED.filter((x) => x.assignee === 'ann'),
      POSITIONS,
      NOW,
    );
    expect(
      tasks.map((t) => [
        t.entityId,
        t.periodId,
        t.topic,
        t.indicators.join('+'),
        t.dueDate,
        t.status,
        t.overdue,
        t.version,
      ]),
    ).toEqual([
      [
        'site-a',
        '2026-01',
        'energy',
        'energy.renewable-consumed+energy.total',
        '2026-02-05',
        'returned',
        true,
        2,
      ],
      ['site-a', '2026-01', 'emissions', 'ghg.scope1', '2026-02-10', 'done', false, 3],
      ['site-b', '2026-01', 'energy', 'energy.renewable-consumed', '2026-02-12', 'done', false, 1],
      ['site-a', '2026-02', 'energy', 'energy.total', '2026-03-10', 'due', false, 0],
    ]);
    expect(tasks[0]?.sentBack?.comment).toBe('diesel invoice missing');
    expect(tasks[0]?.assignmentIds).toEqual(['1', '2']);
    expect(tasks[3]?.sentBack).toBeNull();
  });

  it('flags a unit overdue only after its due day and only while not submitted', () => {
    const one = [a('9', 'x', '2026-01', 'water', 'water.withdrawal', 'cy', '2026-02-10')];
    expect(tasksOf(one, new Map(), '2026-02-10T23:00:00.000Z')[0]).toMatchObject({
      status: 'due',
      overdue: false,
    });
    expect(tasksOf(one, new Map(), '2026-02-11T00:00:00.000Z')[0]).toMatchObject({
      status: 'due',
      overdue: true,
    });
    const submitted = new Map([
      [key('x', '2026-01', 'water'), { state: 'submitted', version: 1, sentBack: null } as const],
    ]);
    expect(tasksOf(one, submitted, '2026-03-01T00:00:00.000Z')[0]).toMatchObject({
      status: 'done',
      overdue: false,
    });
  });
});

describe('progress per entity', () => {
  it('counts units (once whoever they are assigned to), submitted, approved, returned and overdue', () => {
    const rows = progressOf(ASSIGNED, POSITIONS, NOW);
    expect(rows).toEqual([
      // energy Jan (returned, due 02-05: overdue), emissions Jan (approved), energy Feb (due)
      {
        entityId: 'site-a',
        assigned: 3,
        due: 1,
        returned: 1,
        submitted: 1,
        approved: 1,
        overdue: 1,
        indicators: 4,
      },
      // energy Jan (submitted), water Jan (draft, due 02-10: overdue)
      {
        entityId: 'site-b',
        assigned: 2,
        due: 1,
        returned: 0,
        submitted: 1,
        approved: 0,
        overdue: 1,
        indicators: 3,
      },
    ]);
    expect(totalProgress(rows)).toEqual({
      assigned: 5,
      due: 2,
      returned: 1,
      submitted: 2,
      approved: 1,
      overdue: 2,
      indicators: 7,
    });
    expect(progressOf([], POSITIONS, NOW)).toEqual([]);
  });
});
