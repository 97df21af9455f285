/** The period lock's reach (which fact periods a lock covers) and its message. */
import { describe, expect, it } from 'vitest';
import { lockCovering, lockCovers, lockedMessage, type PeriodLock } from './period-lock.js';

const lock = (periodId: string): PeriodLock => ({
  periodId,
  userId: 'u1',
  actor: 'Ann Lee <ann@example.com>',
  at: '2026-03-31T09:00:00.000Z',
  reason: 'approved by the ESG committee',
});

describe('period lock', () => {
  it('covers the period itself and every period overlapping it, nothing else', () => {
    const cases: [string, string, boolean][] = [
      ['2025', '2025', true],
      ['2025', '2025-Q3', true],
      ['2025', '2025-12', true],
      ['2025', '2024', false],
      ['2025', '2026-01', false],
      ['2025-Q1', '2025-03', true],
      ['2025-Q1', '2025-04', false],
      ['2025-Q1', '2025', true],
      ['2025-Q1', '2025-Q2', false],
      ['2025-03', '2025', true],
      ['2025-03', '2025-Q1', true],
      ['2025-03', '2025-02', false],
      ['FY25', 'FY25', true],
      ['FY25', '2025', false],
    ];
    expect(cases.map(([l, f]) => [l, f, lockCovers(l, f)])).toEqual(cases);
  });

  it('finds the covering lock and says how to change a figure', () => {
    const found = lockCovering([lock('2024'), lock('2025')], ['2026-01', '2025-03']);
    expect(found).toEqual({ lock: lock('2025'), periodId: '2025-03' });
    expect(lockCovering([lock('2025')], ['2026', '2024-Q4'])).toBeUndefined();
    expect(lockedMessage(lock('2025'))).toBe(
      'period 2025 is locked since 2026-03-31T09:00:00.000Z by Ann Lee <ann@example.com>; to change a figure, file a restatement',
    );
    expect(lockedMessage(lock('2025'), '2025-03')).toMatch(
      /^period 2025-03 lies in period 2025, which is locked since/,
    );
    expect(lockedMessage(lock('2025-03'), '2025')).toMatch(
      /^period 2025 includes period 2025-03, which is locked/,
    );
  });
});
