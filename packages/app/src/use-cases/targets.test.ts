/**
 * The targets register (issue #18) through the use cases, on the in-memory workspace, PGlite and
 * PostgreSQL: create, list with progress and status, update with versions (stale refused),
 * retract and re-create, history, validation naming the field, and the audit entry in the store.
 * The hand-checked case: revenue of the group, 800 CNY million in 2023, at least 1,200 by 2027;
 * the path for 2025 is 800 + 400 × 2/4 = 1,000; the actual (examples/minimal) is 1,000: on track,
 * 50.0 % of the way.
 */
import { join } from 'node:path';
import type { Target } from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, cycleBackends } from '../../test/cycle-backends.js';
import type { Workspace } from '../workspace/workspace.js';
import { listTargets, retractTarget, targetHistory, writeTarget } from './targets.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-02-06T09:00:00.000Z';

const growth: Target = {
  id: 'revenue-growth',
  name: { en: 'Grow revenue', 'zh-Hant': '提升收入' },
  indicatorId: 'revenue',
  entityId: 'group',
  comparator: 'min',
  value: '1200',
  unit: 'CNY million',
  baseYear: '2023',
  baseValue: '800',
  targetYear: '2027',
};

describe.each(cycleBackends(bundle, at))('targets on %s', (_name, open) => {
  let b: Backend;
  let ws: Workspace;
  beforeAll(async () => {
    b = await open();
    ws = b.ws;
  }, 60_000);
  afterAll(() => b?.close());
  const codeOf = (r: { ok: boolean; error?: { code: string; field?: string } }) =>
    r.ok ? 'ok' : `${r.error?.code}${r.error?.field ? ` ${r.error.field}` : ''}`;

  it('creates a target and lists it with its actual, path, percent and status', async () => {
    const w = await writeTarget({ ws, target: growth, author: 'ada' });
    expect(w).toMatchObject({ ok: true, value: { id: 'revenue-growth', version: 1 } });
    const l = await listTargets({ ws });
    if (!l.ok) throw new Error(l.error.message);
    expect(l.value.year).toBe('2025');
    expect(l.value.targets).toEqual([
      {
        target: growth,
        version: 1,
        status: 'on-track',
        actual: '1000',
        figureId: 'revenue@group/2025',
        path: '1000',
        percent: '50.0',
      },
    ]);
    expect(await listTargets({ ws, status: 'at-risk' })).toMatchObject({ value: { targets: [] } });
    expect(await listTargets({ ws, entityId: 'smelter' })).toMatchObject({ value: { targets: [] } });
  });

  it('refuses a second create with the id (conflict) and names every invalid field', async () => {
    expect(codeOf(await writeTarget({ ws, target: growth, author: 'ada' }))).toBe('conflict id');
    const bad = await writeTarget({
      ws,
      target: { ...growth, id: 'x', unit: 'MWh', baseYear: '2030' },
      author: 'ada',
    });
    expect(codeOf(bad)).toBe('invalid-data unit');
    if (bad.ok) throw new Error('unreachable');
    expect(bad.error.issues?.map((i) => i.column)).toEqual(['unit', 'targetYear']);
    expect((await ws.targetVersions()).size).toBe(1);
  });

  it('updates with the version read; a stale version changes nothing', async () => {
    const raised = { ...growth, value: '1300' };
    expect(await writeTarget({ ws, target: raised, version: 1, author: 'ada' })).toMatchObject({
      ok: true,
      value: { version: 2 },
    });
    expect(
      codeOf(await writeTarget({ ws, target: { ...growth, value: '1' }, version: 1, author: 'bob' })),
    ).toBe('stale-version version');
    expect(ws.snapshot().bundle.registers.targets).toEqual([raised]);
    expect(
      codeOf(await writeTarget({ ws, target: { ...growth, id: 'nope' }, version: 1, author: 'ada' })),
    ).toBe('not-found');
  });

  it('retracts (stale refused), keeps the history, and re-creates at the next version', async () => {
    expect(codeOf(await retractTarget({ ws, id: 'revenue-growth', version: 1, author: 'ada' }))).toBe(
      'stale-version version',
    );
    expect(
      await retractTarget({ ws, id: 'revenue-growth', version: 2, author: 'ada', reason: 'dropped' }),
    ).toMatchObject({
      ok: true,
      value: { version: 3 },
    });
    expect(ws.snapshot().bundle.registers.targets).toEqual([]);
    expect(codeOf(await retractTarget({ ws, id: 'revenue-growth', version: 3, author: 'ada' }))).toBe(
      'not-found',
    );
    const h = await targetHistory({ ws, id: 'revenue-growth' });
    if (!h.ok) throw new Error(h.error.message);
    expect(h.value.map((r) => [r.version, r.target?.value ?? null, r.author])).toEqual([
      [1, '1200', 'ada'],
      [2, '1300', 'ada'],
      [3, null, 'ada'],
    ]);
    expect(h.value[2]?.reason).toBe('dropped');
    expect(await writeTarget({ ws, target: growth, author: 'ada' })).toMatchObject({
      ok: true,
      value: { version: 4 },
    });
    expect(codeOf(await targetHistory({ ws, id: 'never' }))).toBe('not-found');
  });

  it('records each write in the audit log (store)', async () => {
    if (!b.store) return;
    const rows = await b.store.query<{ subject: string; reason: string }>(
      "select subject, reason from audit_log where action = 'import' and subject like 'target %' order by seq",
    );
    expect(rows.map((r) => r.reason)).toEqual([
      'target revenue-growth added',
      'target revenue-growth changed',
      'dropped',
      'target revenue-growth added',
    ]);
  });
});
