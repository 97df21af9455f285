/**
 * The Workspace contract, run on both implementations: in memory, and over the store (PGlite in
 * a temporary data folder; the store's own suite covers PostgreSQL with the same SQL). Includes
 * the collection cycle's records: workflow transitions and the period lock (issue #17).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActivityLine, type DataPoint, q, transition } from '@assay/core';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryWorkspace } from './memory-workspace.js';
import { StoreWorkspace } from './store-workspace.js';
import type { ActivityLineChange, DataPointChange, Workspace } from './workspace.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-01-02T03:04:05.000Z';
const folders: string[] = [];

let store: Store | undefined;
/** A second workspace reading the same store afresh (the first keeps its state in memory). */
const reread = async (): Promise<Workspace> => {
  if (!store) throw new Error('no store open');
  const opened = await StoreWorkspace.open(store, bundle, at);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.workspace; // not closed: it shares the first workspace's store
};

const implementations: [string, () => Promise<Workspace>, (() => Promise<Workspace>) | undefined][] = [
  ['memory', async () => new MemoryWorkspace(bundle, at), undefined],
  [
    'store (PGlite)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-ws-'));
      folders.push(dir);
      store = await openPgliteStore(dir);
      await migrate(store, at());
      const opened = await StoreWorkspace.open(store, bundle, at);
      if (!opened.ok) throw new Error(opened.reason);
      return opened.workspace;
    },
    reread,
  ],
];

afterAll(async () => {
  for (const d of folders) await rm(d, { recursive: true, force: true });
});

/** Every current data point as [id, value, version], in snapshot order. */
const current = (w: Workspace) =>
  w
    .snapshot()
    .bundle.dataPoints.map((d) => [d.id, d.quantity.value.toString(), w.snapshot().versionOf(d.id)]);

/** Every current activity line as [id, amount, unit, version], in snapshot order. */
const lines = (w: Workspace) =>
  w
    .snapshot()
    .bundle.activityLines.map((l) => [
      l.id,
      l.amount.value.toString(),
      l.amount.unit.symbol,
      w.snapshot().lineVersionOf(l.id),
    ]);
const lineAmount = (w: Workspace, id: string) =>
  w
    .snapshot()
    .bundle.activityLines.find((l) => l.id === id)
    ?.amount.value.toString();
const line = (id: string) => bundle.activityLines.find((l) => l.id === id) as ActivityLine;
/** January 2025 diesel of the smelter, as a preparer enters it (issue #17). */
const JAN: ActivityLine = {
  id: 'al-smelter-2025-01-diesel',
  entityId: 'smelter',
  periodId: '2025-01',
  activity: 'fuel',
  subject: 'diesel',
  use: 'combustion',
  amount: q('12 t'),
  attributes: {},
  source: 'fuel invoice 2025-001',
};

/** February 2025 diesel of the smelter: a line entered with a data point in one workbook. */
const FEB: ActivityLine = { ...JAN, id: 'al-smelter-2025-02-diesel', periodId: '2025-02', amount: q('7 t') };

/**
 * In the store: data-point and activity-line revisions, change sets and audit entries (what a
 * refused write must leave as it was); undefined for the in-memory workspace.
 */
const stored = async (): Promise<number[] | undefined> => {
  if (!store || currentIsMemory) return undefined;
  const [r] = await store.query<{ dp: string; al: string; cs: string; audit: string }>(
    `select (select count(*) from data_point_revision)::text as dp,
            (select count(*) from activity_line_revision)::text as al,
            (select count(*) from change_set)::text as cs,
            (select count(*) from audit_log)::text as audit`,
  );
  return [Number(r?.dp), Number(r?.al), Number(r?.cs), Number(r?.audit)];
};
let currentIsMemory = true;

const revenue = (ws: Workspace) =>
  ws.snapshot().bundle.dataPoints.find((d) => d.id === 'rev-25') as DataPoint;

describe.each(implementations)('Workspace contract: %s', (_name, open, reopen) => {
  // One workspace per implementation (a PGlite folder takes seconds to create); each case
  // states what it expects relative to the state it finds.
  let ws: Workspace;
  beforeAll(async () => {
    ws = await open();
    currentIsMemory = reopen === undefined;
  });
  afterAll(() => ws.close());

  it('loads every data point at version 1 and keeps a history of revisions with reasons', async () => {
    expect(ws.snapshot().versionOf('rev-25')).toBe(1);
    const before = ws.snapshot().version;
    const out = await ws.writeDataPoints(
      [{ dataPoint: { ...revenue(ws), quantity: q('1100 CNY million') }, expectedVersion: 1 }],
      'audited accounts',
      'tester',
    );
    expect(out).toMatchObject({ ok: true });
    expect(ws.snapshot().version).toBe(before + 1);
    expect(ws.snapshot().versionOf('rev-25')).toBe(2);
    expect(revenue(ws).quantity.value.toString()).toBe('1100');
    const h = await ws.history('rev-25');
    expect(h.map((r) => [r.version, r.value, r.reason])).toEqual([
      [1, '1000', expect.any(String)],
      [2, '1100', 'audited accounts'],
    ]);
  });
  it('rejects a stale version and a duplicate, changing nothing', async () => {
    const was = revenue(ws).quantity.value.toString();
    const version = ws.snapshot().versionOf('rev-25') ?? 0;
    const dp = { ...revenue(ws), quantity: q('5 CNY million') };
    expect(
      await ws.writeDataPoints([{ dataPoint: dp, expectedVersion: version + 5 }], 'x', 't'),
    ).toMatchObject({
      ok: false,
      reason: 'stale',
    });
    expect(await ws.writeDataPoints([{ dataPoint: dp, expectedVersion: undefined }], 'x', 't')).toMatchObject(
      {
        ok: false,
        reason: 'exists',
      },
    );
    expect(revenue(ws).quantity.value.toString()).toBe(was);
    expect(ws.snapshot().versionOf('rev-25')).toBe(version);
  });
  it('holds after writes what a fresh read of its data would give', async () => {
    const before = revenue(ws);
    const added: DataPoint = {
      ...before,
      id: 'rev-smelter-25',
      entityId: 'smelter',
      quantity: q('900 CNY million'),
    };
    expect(
      await ws.writeDataPoints(
        [
          {
            dataPoint: { ...before, quantity: q('1200.50 CNY million') },
            expectedVersion: ws.snapshot().versionOf('rev-25'),
          },
          { dataPoint: added, expectedVersion: undefined },
        ],
        'restated',
        'tester',
      ),
    ).toMatchObject({ ok: true });
    const again = await reopen?.();
    if (!again) return; // the memory workspace has nothing to re-read
    const ids = (w: Workspace) =>
      w
        .snapshot()
        .bundle.dataPoints.map((d) => [d.id, d.quantity.value.toString(), w.snapshot().versionOf(d.id)]);
    expect(ids(ws)).toEqual(ids(again));
  });
  it('retracts a data point: gone from the snapshot, kept in history, unknown to later writes', async () => {
    const version = ws.snapshot().versionOf('hc-m-f') ?? 0;
    const workspaceVersion = ws.snapshot().version;
    expect(await ws.retractDataPoint('hc-m-f', version + 3, 'x', 't')).toEqual({
      ok: false,
      reason: 'stale',
      id: 'hc-m-f',
      current: version,
    });
    expect(await ws.retractDataPoint('nope', 1, 'x', 't')).toEqual({
      ok: false,
      reason: 'not-found',
      id: 'nope',
    });
    expect(ws.snapshot().version).toBe(workspaceVersion);
    expect(await ws.retractDataPoint('hc-m-f', version, 'counted twice', 'controller')).toEqual({
      ok: true,
      version: version + 1,
      workspaceVersion: workspaceVersion + 1,
    });
    expect(ws.snapshot().bundle.dataPoints.map((d) => d.id)).not.toContain('hc-m-f');
    expect(ws.snapshot().versionOf('hc-m-f')).toBeUndefined();
    expect((await ws.history('hc-m-f')).at(-1)).toEqual({
      version: version + 1,
      value: '50',
      unit: 'person',
      retracted: true,
      reason: 'counted twice',
      author: 'controller',
      at: at(),
    });
    expect(await ws.retractDataPoint('hc-m-f', version + 1, 'x', 't')).toMatchObject({ reason: 'not-found' });
    const was = bundle.dataPoints.find((d) => d.id === 'hc-m-f') as DataPoint;
    expect(
      await ws.writeDataPoints([{ dataPoint: was, expectedVersion: version + 1 }], 'x', 't'),
    ).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    const again = await reopen?.();
    if (again) expect(current(ws)).toEqual(current(again));
    if (again) expect(await again.history('hc-m-f')).toEqual(await ws.history('hc-m-f'));
  });
  it('brings a retracted data point back when it is added again', async () => {
    const was = bundle.dataPoints.find((d) => d.id === 'hc-m-f') as DataPoint;
    const out = await ws.writeDataPoints([{ dataPoint: was, expectedVersion: undefined }], 'restored', 't');
    expect(out).toMatchObject({ ok: true, versions: new Map([['hc-m-f', 3]]) });
    expect(ws.snapshot().versionOf('hc-m-f')).toBe(3);
    expect((await ws.history('hc-m-f')).map((r) => [r.version, r.value, r.retracted, r.reason])).toEqual([
      [1, '50', false, expect.any(String)],
      [2, '50', true, 'counted twice'],
      [3, '50', false, 'restored'],
    ]);
    const again = await reopen?.();
    if (again) expect(current(ws)).toEqual(current(again));
  });
  it('enters activity lines (issue #17): a new month’s line at version 1, an edit naming its version; refusals change nothing', async () => {
    expect(ws.snapshot().lineVersionOf('d1')).toBe(1);
    expect(ws.snapshot().lineVersionOf('nope')).toBeUndefined();
    const v0 = ws.snapshot().version;
    const out = await ws.writeActivityLines(
      [{ line: JAN, expectedVersion: undefined }],
      'January fuel',
      'Ann',
    );
    expect(out).toEqual({ ok: true, versions: new Map([[JAN.id, 1]]), workspaceVersion: v0 + 1 });
    expect(ws.snapshot().lineVersionOf(JAN.id)).toBe(1);
    expect(lineAmount(ws, JAN.id)).toBe('12');
    const edit = { ...JAN, amount: q('12.5 t') };
    const before = lines(ws);
    const refusals = [
      await ws.writeActivityLines([{ line: edit, expectedVersion: undefined }], 'x', 't'),
      await ws.writeActivityLines([{ line: edit, expectedVersion: 3 }], 'x', 't'),
      await ws.writeActivityLines([{ line: { ...JAN, id: 'al-none' }, expectedVersion: 1 }], 'x', 't'),
      await ws.writeActivityLines(
        [
          { line: { ...JAN, id: 'al-twice' }, expectedVersion: undefined },
          { line: { ...JAN, id: 'al-twice' }, expectedVersion: undefined },
        ],
        'x',
        't',
      ),
      // The first refusal refuses all: the good edit before the stale one is not written.
      await ws.writeActivityLines(
        [
          { line: edit, expectedVersion: 1 },
          { line: { ...line('d1'), amount: q('1 t') }, expectedVersion: 7 },
        ],
        'x',
        't',
      ),
    ];
    expect(refusals).toEqual([
      { ok: false, reason: 'exists', id: JAN.id },
      { ok: false, reason: 'stale', id: JAN.id, current: 1 },
      { ok: false, reason: 'not-found', id: 'al-none' },
      {
        ok: false,
        reason: 'invalid',
        id: 'al-twice',
        field: 'id',
        message: 'activity line id "al-twice" appears twice in one write',
      },
      { ok: false, reason: 'stale', id: 'd1', current: 1 },
    ]);
    expect(lines(ws)).toEqual(before);
    expect(ws.snapshot().version).toBe(v0 + 1);
    expect(
      await ws.writeActivityLines([{ line: edit, expectedVersion: 1 }], 'invoice corrected', 'Ann'),
    ).toEqual({ ok: true, versions: new Map([[JAN.id, 2]]), workspaceVersion: v0 + 2 });
    expect(lineAmount(ws, JAN.id)).toBe('12.5');
    // Unchanged: accepted (the workspace version moves), no new revision.
    expect(await ws.writeActivityLines([{ line: edit, expectedVersion: 2 }], 'again', 'Ann')).toEqual({
      ok: true,
      versions: new Map([[JAN.id, 2]]),
      workspaceVersion: v0 + 3,
    });
    const again = await reopen?.();
    if (again) expect(lines(again)).toEqual(lines(ws));
  });
  it('retracts an activity line naming its version: gone from the snapshot; adding it again is its next version', async () => {
    const v = ws.snapshot().lineVersionOf(JAN.id) ?? 0;
    const w0 = ws.snapshot().version;
    expect(await ws.retractActivityLine(JAN.id, v + 1, 'x', 't')).toEqual({
      ok: false,
      reason: 'stale',
      id: JAN.id,
      current: v,
    });
    expect(await ws.retractActivityLine('nope', 1, 'x', 't')).toEqual({
      ok: false,
      reason: 'not-found',
      id: 'nope',
    });
    expect(ws.snapshot().version).toBe(w0);
    expect(await ws.retractActivityLine(JAN.id, v, 'entered twice', 'Ann')).toEqual({
      ok: true,
      version: v + 1,
      workspaceVersion: w0 + 1,
    });
    expect(ws.snapshot().bundle.activityLines.map((l) => l.id)).not.toContain(JAN.id);
    expect(ws.snapshot().lineVersionOf(JAN.id)).toBeUndefined();
    expect(await ws.retractActivityLine(JAN.id, v + 1, 'x', 't')).toMatchObject({ reason: 'not-found' });
    expect(await ws.writeActivityLines([{ line: JAN, expectedVersion: v + 1 }], 'x', 't')).toMatchObject({
      reason: 'not-found',
    });
    const reopened = await reopen?.();
    if (reopened) expect(lines(reopened)).toEqual(lines(ws));
    expect(
      await ws.writeActivityLines([{ line: JAN, expectedVersion: undefined }], 'restored', 'Ann'),
    ).toEqual({
      ok: true,
      versions: new Map([[JAN.id, v + 2]]),
      workspaceVersion: w0 + 2,
    });
    const again = await reopen?.();
    if (again) expect(lines(again)).toEqual(lines(ws));
  });
  it('stores an explanation, guarded by the workspace version', async () => {
    const e = { subject: 'hkex:A1.1', text: { 'zh-Hant': '不適用。', en: 'Not applicable.' } };
    const v = ws.snapshot().version;
    expect(await ws.writeExplanation(e, v, 't')).toMatchObject({ ok: true });
    expect(await ws.writeExplanation(e, v, 't')).toMatchObject({ ok: false });
    expect(ws.snapshot().bundle.registers.explanations).toContainEqual(e);
  });
  it('hands out one snapshot per version, each answering for its own version after later changes', async () => {
    const s0 = ws.snapshot();
    expect(ws.snapshot()).toBe(s0); // nothing changed: the same object
    const picture = (s: typeof s0) =>
      [...s.bundle.dataPoints.map((d) => d.id), 'snap-new'].map((id) => [
        id,
        s.bundle.dataPoints.find((d) => d.id === id)?.quantity.value.toString(),
        s.versionOf(id),
      ]);
    const p0 = picture(s0);
    const rev = revenue(ws);
    const added: DataPoint = { ...rev, id: 'snap-new', entityId: 'smelter', periodId: '2024' };
    const edit = {
      dataPoint: { ...rev, quantity: q('77 CNY million') },
      expectedVersion: s0.versionOf('rev-25'),
    };
    expect(
      await ws.writeDataPoints([edit, { dataPoint: added, expectedVersion: undefined }], 'x', 't'),
    ).toMatchObject({ ok: true });
    const s1 = ws.snapshot();
    expect(s1).not.toBe(s0);
    expect(await ws.retractDataPoint('snap-new', 1, 'x', 't')).toMatchObject({ ok: true });
    expect(
      await ws.writeDataPoints([{ dataPoint: added, expectedVersion: undefined }], 'x', 't'),
    ).toMatchObject({ ok: true });
    expect(picture(s0)).toEqual(p0);
    expect(s1.versionOf('snap-new')).toBe(1);
    expect(ws.snapshot().versionOf('snap-new')).toBe(3);
    expect(s1.bundle.dataPoints.find((d) => d.id === 'rev-25')?.quantity.value.toString()).toBe('77');
  });
  it('records workflow transitions against the version acted on (issue #17)', async () => {
    const key = { entityId: 'smelter', periodId: '2025', topic: 'energy' };
    const ann = { id: 'u-ann', can: new Set(['prepare'] as const) };
    const submit = (expectedVersion: number) =>
      ws.cycle.apply({
        key,
        expectedVersion,
        event: 'submit',
        comment: null,
        exceptionFor: null,
        who: { userId: 'u-ann', actor: 'Ann <ann@example.com>' },
        decide: (u) => transition(u, { kind: 'submit' }, ann),
      });
    expect(await submit(1)).toEqual({ ok: false, reason: 'stale', current: 0 });
    expect(await submit(0)).toMatchObject({
      ok: true,
      unit: { ...key, state: 'submitted', version: 1, submittedBy: 'u-ann', updatedAt: at() },
      transition: { version: 1, from: 'draft', to: 'submitted', event: 'submit', userId: 'u-ann', at: at() },
    });
    expect(await submit(1)).toMatchObject({ ok: false, reason: 'refused', refusal: { code: 'wrong-state' } });
    expect(await ws.cycle.units('2025')).toEqual([
      {
        ...key,
        state: 'submitted',
        version: 1,
        submittedBy: 'u-ann',
        reviewedBy: null,
        exceptions: [],
        updatedAt: at(),
      },
    ]);
    expect(await ws.cycle.transitions(key)).toHaveLength(1);
  });
  it('refuses every write and retraction in a locked period, changing nothing, until unlocked (issue #17)', async () => {
    const who = { userId: 'u-ada', actor: 'Ada <ada@example.com>' };
    const lock = { periodId: '2025', ...who, at: at(), reason: 'approved' };
    expect(await ws.cycle.lock('2025', who, 'approved')).toEqual({ ok: true, lock });
    expect(await ws.cycle.lock('2025', who, 'again')).toEqual({ ok: false, reason: 'already-locked', lock });
    const message = `period 2025 is locked since ${at()} by Ada <ada@example.com>; to change a figure, file a restatement`;
    const before = current(ws);
    const version = ws.snapshot().version;
    const rev = revenue(ws);
    const edit = {
      dataPoint: { ...rev, quantity: q('1 CNY million') },
      expectedVersion: ws.snapshot().versionOf('rev-25'),
    };
    expect(await ws.writeDataPoints([edit], 'x', 't')).toEqual({
      ok: false,
      reason: 'locked',
      id: 'rev-25',
      lock,
      message,
    });
    // A new data point for a month of the locked year.
    const march = { ...rev, id: 'rev-mine-03', entityId: 'mine', periodId: '2025-03' };
    expect(await ws.writeDataPoints([{ dataPoint: march, expectedVersion: undefined }], 'x', 't')).toEqual({
      ok: false,
      reason: 'locked',
      id: 'rev-mine-03',
      lock,
      message: `period 2025-03 lies in period 2025, which is locked since ${at()} by Ada <ada@example.com>; to change a figure, file a restatement`,
    });
    expect(await ws.retractDataPoint('hc-s-m', ws.snapshot().versionOf('hc-s-m') ?? 1, 'x', 't')).toEqual({
      ok: false,
      reason: 'locked',
      id: 'hc-s-m',
      lock,
      message,
    });
    // An activity line of a month of the locked year, new or edited, and its retraction.
    const beforeLines = lines(ws);
    const lineVersion = ws.snapshot().lineVersionOf(JAN.id) ?? 0;
    const marchLine = { ...JAN, id: 'al-2025-03', periodId: '2025-03' };
    const marchMessage = `period 2025-03 lies in period 2025, which is locked since ${at()} by Ada <ada@example.com>; to change a figure, file a restatement`;
    expect(await ws.writeActivityLines([{ line: marchLine, expectedVersion: undefined }], 'x', 't')).toEqual({
      ok: false,
      reason: 'locked',
      id: 'al-2025-03',
      lock,
      message: marchMessage,
    });
    expect(
      await ws.writeActivityLines(
        [{ line: { ...JAN, amount: q('99 t') }, expectedVersion: lineVersion }],
        'x',
        't',
      ),
    ).toMatchObject({ ok: false, reason: 'locked', id: JAN.id, lock });
    // Moved out of the locked year: its figures would change too.
    expect(
      await ws.writeActivityLines(
        [{ line: { ...JAN, periodId: '2024-12' }, expectedVersion: lineVersion }],
        'x',
        't',
      ),
    ).toMatchObject({ ok: false, reason: 'locked', id: JAN.id, lock });
    expect(await ws.retractActivityLine(JAN.id, lineVersion, 'x', 't')).toMatchObject({
      ok: false,
      reason: 'locked',
      id: JAN.id,
      lock,
    });
    expect(lines(ws)).toEqual(beforeLines);
    expect(current(ws)).toEqual(before);
    expect(ws.snapshot().version).toBe(version);
    const again = await reopen?.();
    if (again) expect(current(again)).toEqual(before);
    if (again) expect(lines(again)).toEqual(beforeLines);
    // Another period is not locked.
    const prior = ws.snapshot().bundle.dataPoints.find((d) => d.id === 'rev-24') as DataPoint;
    expect(
      await ws.writeDataPoints(
        [
          {
            dataPoint: { ...prior, quantity: q('951 CNY million') },
            expectedVersion: ws.snapshot().versionOf('rev-24'),
          },
        ],
        'x',
        't',
      ),
    ).toMatchObject({ ok: true });
    expect(await ws.cycle.unlock('2025', who, 'restatement filed')).toEqual({ ok: true, lock });
    expect(await ws.cycle.unlock('2025', who, 'again')).toEqual({ ok: false, reason: 'not-locked' });
    expect(await ws.cycle.locks()).toEqual([]);
    expect(await ws.writeDataPoints([edit], 'x', 't')).toMatchObject({ ok: true });
  });
  it('writes data points and activity lines in one write (a workbook holding both): one accepted write', async () => {
    const v0 = ws.snapshot().version;
    const rev24 = ws.snapshot().bundle.dataPoints.find((d) => d.id === 'rev-24') as DataPoint;
    const dpVersion = ws.snapshot().versionOf('rev-24') ?? 0;
    const before = await stored();
    const out = await ws.writeFacts(
      {
        dataPoints: [{ dataPoint: { ...rev24, quantity: q('960 CNY million') }, expectedVersion: dpVersion }],
        activityLines: [{ line: FEB, expectedVersion: undefined }],
      },
      'workbook upload',
      'Ann',
    );
    expect(out).toEqual({
      ok: true,
      versions: new Map([['rev-24', dpVersion + 1]]),
      lineVersions: new Map([[FEB.id, 1]]),
      workspaceVersion: v0 + 1,
    });
    expect(lineAmount(ws, FEB.id)).toBe('7');
    // In the store: one change set with one audit entry for both.
    if (before) expect(await stored()).toEqual(before.map((n) => n + 1));
    const again = await reopen?.();
    if (again) expect([current(again), lines(again)]).toEqual([current(ws), lines(ws)]);
  });
  it('changes nothing when either part of such a write is refused: stale, named twice, locked, a rule (issue #14)', async () => {
    const who = { userId: 'u-ada', actor: 'Ada <ada@example.com>' };
    expect(await ws.cycle.lock('2025-03', who, 'March approved')).toMatchObject({ ok: true });
    const rev24 = ws.snapshot().bundle.dataPoints.find((d) => d.id === 'rev-24') as DataPoint;
    const dpVersion = ws.snapshot().versionOf('rev-24') ?? 0;
    const good = { dataPoint: { ...rev24, quantity: q('970 CNY million') }, expectedVersion: dpVersion };
    const feb = { line: { ...FEB, amount: q('8 t') }, expectedVersion: 1 };
    const march = { line: { ...FEB, id: 'al-2025-03', periodId: '2025-03' }, expectedVersion: undefined };
    const quarter = { ...rev24, id: 'rev-24-q1', periodId: '2024-Q1' };
    const before = [
      current(ws),
      lines(ws),
      ws.snapshot().version,
      await ws.history('rev-24'),
      await stored(),
    ];
    const write = (dataPoints: DataPointChange[], activityLines: ActivityLineChange[]) =>
      ws.writeFacts({ dataPoints, activityLines }, 'workbook upload', 'Ann');
    const refusals = [
      // The data points are good; the lines are refused.
      await write([good], [{ ...feb, expectedVersion: 5 }]),
      await write([good], [feb, { ...feb, line: { ...feb.line, amount: q('9 t') } }]),
      await write([good], [feb, march]),
      // The lines are good; a data point is refused.
      await write([{ ...good, expectedVersion: dpVersion + 3 }], [feb]),
      await write([{ dataPoint: quarter, expectedVersion: undefined }], [feb]),
    ];
    expect(refusals).toEqual([
      { ok: false, reason: 'stale', kind: 'activity-line', id: FEB.id, current: 1 },
      {
        ok: false,
        reason: 'invalid',
        kind: 'activity-line',
        id: FEB.id,
        field: 'id',
        message: `activity line id "${FEB.id}" appears twice in one write`,
      },
      {
        ok: false,
        reason: 'locked',
        kind: 'activity-line',
        id: 'al-2025-03',
        lock: expect.objectContaining({ periodId: '2025-03' }),
        message: expect.stringContaining('period 2025-03 is locked since'),
      },
      { ok: false, reason: 'stale', kind: 'data-point', id: 'rev-24', current: dpVersion },
      {
        ok: false,
        reason: 'invalid',
        kind: 'data-point',
        id: 'rev-24-q1',
        field: 'period',
        message: expect.stringContaining('overlaps'),
      },
    ]);
    // Nothing changed: facts, versions, the data point's revisions; in the store every revision,
    // change set and audit entry.
    expect([
      current(ws),
      lines(ws),
      ws.snapshot().version,
      await ws.history('rev-24'),
      await stored(),
    ]).toEqual(before);
    const again = await reopen?.();
    if (again) expect([current(again), lines(again)]).toEqual([current(ws), lines(ws)]);
    expect(await ws.cycle.unlock('2025-03', who, 'done')).toMatchObject({ ok: true });
  });
});
