/**
 * The reviewer's view of a unit (unit-review.ts): each fact against last period and the same
 * period last year with the change in per cent (hand-computed below), activity lines summed per
 * same line, findings of the unit's entity only; refusals name the field.
 */
import { join } from 'node:path';
import { type ActivityLine, q } from '@assay/core';
import { loadBundle } from '@assay/io';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { reviewUnit } from './unit-review.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const at = () => '2026-04-01T09:00:00.000Z';

const diesel = (id: string, periodId: string, tonnes: string): ActivityLine => ({
  id,
  entityId: 'smelter',
  periodId,
  activity: 'fuel',
  subject: 'diesel',
  use: 'combustion',
  amount: q(`${tonnes} t`),
  attributes: {},
  source: 'fuel cards',
});

describe('reviewUnit', () => {
  it('compares a data point with last year: 1000 against 950 CNY million is +5.3 %', () => {
    const ws = new MemoryWorkspace(loaded.bundle, at);
    const r = reviewUnit({ snapshot: ws.snapshot(), entityId: 'group', periodId: '2025', topic: 'economic' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.previousPeriod).toBe('2024');
    const rev = r.value.dataPoints.find((d) => d.id === 'rev-25');
    // (1000 − 950) / 950 = 5.263…% → 5.3 half-up
    expect(rev).toMatchObject({ value: '1000', unit: 'CNY million', version: 1 });
    expect(rev?.previous).toEqual({
      period: '2024',
      value: '950',
      unit: 'CNY million',
      changePercent: '5.3',
    });
    expect(r.value.activityLines).toEqual([]);
    for (const f of r.value.findings) expect(f.where.entityId).toBe('group');
  });

  it('compares a month of diesel with the month before and the same month last year', async () => {
    const ws = new MemoryWorkspace(loaded.bundle, at);
    const w = await ws.writeActivityLines(
      [
        diesel('jan-26', '2026-01', '10'),
        diesel('dec-25', '2025-12', '8'),
        diesel('jan-25a', '2025-01', '12.5'),
        diesel('jan-25b', '2025-01', '7.5'),
      ].map((line) => ({ line, expectedVersion: undefined })),
      'test',
      'tester',
    );
    expect(w.ok).toBe(true);
    const r = reviewUnit({
      snapshot: ws.snapshot(),
      entityId: 'smelter',
      periodId: '2026-01',
      topic: 'energy',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.dataPoints).toEqual([]);
    expect(r.value.activityLines).toHaveLength(1);
    const line = r.value.activityLines[0];
    // 10 against 8: +25.0 %; against 12.5 + 7.5 = 20: −50.0 %
    expect(line?.previous).toEqual({ period: '2025-12', value: '8', unit: 't', changePercent: '25.0' });
    expect(line?.lastYear).toEqual({ period: '2025-01', value: '20', unit: 't', changePercent: '-50.0' });
    // The mine's electricity is not the smelter's unit.
    const mine = reviewUnit({
      snapshot: ws.snapshot(),
      entityId: 'mine',
      periodId: '2026-01',
      topic: 'energy',
    });
    expect(mine.ok && mine.value.activityLines).toEqual([]);
  });

  it('refuses an unknown entity, period or topic, naming the field', () => {
    const s = new MemoryWorkspace(loaded.bundle, at).snapshot();
    const field = (r: ReturnType<typeof reviewUnit>) => (r.ok ? undefined : r.error.field);
    expect(field(reviewUnit({ snapshot: s, entityId: 'nowhere', periodId: '2025', topic: 'energy' }))).toBe(
      'entity',
    );
    expect(
      field(reviewUnit({ snapshot: s, entityId: 'smelter', periodId: '2025-13', topic: 'energy' })),
    ).toBe('period');
    expect(
      field(reviewUnit({ snapshot: s, entityId: 'smelter', periodId: '2025', topic: 'astrology' })),
    ).toBe('topic');
  });
});
