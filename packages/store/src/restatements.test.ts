/**
 * Restatement requests in the store (issue #17), on PGlite and PostgreSQL, over examples/minimal
 * with 2025 locked: a request restating the 2025 diesel line (100 → 90 t) and the 2024 revenue
 * (950 → 960), and adding a 2024 diesel line of the mine, goes request → submit → review →
 * approve; approval writes one change set into the locked year, each new revision linked to the
 * one it restates, while a plain write to 2025 is still refused. Also: segregation of duties and
 * stale versions refuse with nothing written, a request whose fact moved is refused at approval,
 * the lock lets nothing else through (not a request that is not approved, not a stray fact), the
 * records are append-only, and the audit chain, digests and revision numbers verify.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ActivityLine,
  type Actor,
  type Bundle,
  type Capability,
  type DataPoint,
  Decimal,
  dataPointFactKey,
  q,
  type RestatementEvent,
  restatementTransition,
} from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalStore } from '../test/minimal-store.js';
import { auditEntries, verifyAudit } from './audit.js';
import { importBundle } from './import-bundle.js';
import { runImport } from './import-run.js';
import { migrate } from './migrate.js';
import { lockPeriod } from './period-locks.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import { readBundle } from './read-bundle.js';
import {
  restatementRecords,
  restatementTransitions,
  type StoredRestatementItem,
} from './restatement-rows.js';
import { applyRestatementEvent, type RestatementEventRequest, requestRestatement } from './restatements.js';
import type { Store } from './store.js';
import { verifyDigests } from './verify-digests.js';
import { verifyRevisions } from './verify-revisions.js';
import { writeDataPointRevisions } from './write-data-points.js';

const loaded = await loadBundle(fileURLToPath(new URL('../../../examples/minimal', import.meta.url)));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle: Bundle = loaded.bundle;
const AT = '2026-04-01T09:00:00.000Z';
const META = { author: 'loader', reason: 'seed', at: AT };
const point = (id: string) => bundle.dataPoints.find((d) => d.id === id) as DataPoint;
const lineOf = (id: string) => bundle.activityLines.find((l) => l.id === id) as ActivityLine;

const diesel90: ActivityLine = { ...lineOf('d1'), amount: q('90 t') };
const revenue960: DataPoint = { ...point('rev-24'), quantity: q('960 CNY million') };
const mineDiesel: ActivityLine = {
  ...lineOf('d1'),
  id: 'd-mine-2024',
  entityId: 'mine',
  periodId: '2024',
  amount: q('12 t'),
};

const ITEMS: StoredRestatementItem[] = [
  {
    kind: 'activity-line',
    factId: 'd1',
    factKey: 'd1',
    entityId: 'smelter',
    periodId: '2025',
    old: { rev: 1, value: '100', unit: 't' },
    newValue: '90',
    newUnit: 't',
    fact: { id: 'd1', amount: '90', unit: 't' },
  },
  {
    kind: 'data-point',
    factId: 'rev-24',
    factKey: dataPointFactKey(revenue960),
    entityId: 'group',
    periodId: '2024',
    old: { rev: 1, value: '950', unit: 'CNY million' },
    newValue: '960',
    newUnit: 'CNY million',
    fact: { id: 'rev-24', value: '960', unit: 'CNY million' },
  },
  {
    kind: 'activity-line',
    factId: 'd-mine-2024',
    factKey: 'd-mine-2024',
    entityId: 'mine',
    periodId: '2024',
    old: null,
    newValue: '12',
    newUnit: 't',
    fact: { id: 'd-mine-2024', amount: '12', unit: 't' },
  },
];
const WRITE = {
  dataPoints: [revenue960],
  activityLines: [diesel90, mineDiesel],
  effect: { note: 'effect at approval' },
};

const actor = (id: string, ...can: Capability[]): Actor => ({ id, can: new Set(can) });
const PEOPLE = {
  ann: actor('ann', 'prepare'),
  rita: actor('rita', 'review'),
  alex: actor('alex', 'approve'),
  bo: actor('bo', 'prepare', 'approve'),
};
type Person = keyof typeof PEOPLE;

const event = (
  id: number,
  who: Person,
  kind: RestatementEvent['kind'],
  version: number,
  comment?: string,
): RestatementEventRequest<{ code: string }> => ({
  id,
  expectedVersion: version,
  event: kind,
  comment: comment ?? null,
  userId: who,
  actor: `${who} <${who}@example.com>`,
  at: AT,
  decide: (state) =>
    restatementTransition(
      state,
      kind === 'return' ? { kind, comment: comment ?? '' } : { kind },
      PEOPLE[who],
    ),
  ...(kind === 'approve' ? { write: WRITE } : {}),
});

/** `other`: a second connection to the same database (PostgreSQL), or the same store (PGlite: one process). */
type Opened = { store: Store; other: Store; close: () => Promise<void> };
const stores: [string, () => Promise<Opened>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-restate-'));
      const store = await openPgliteStore(dir);
      await migrate(store, AT);
      await importBundle(store, bundle, META);
      return {
        store,
        other: store,
        close: async () => {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const t = await minimalStore();
      const other = await openPostgresStore(t.url);
      return {
        store: t.store,
        other,
        close: async () => {
          await other.close();
          await t.close();
        },
      };
    },
  ],
];

describe.each(stores)('restatements on %s', (_name, open) => {
  let o: Opened;
  beforeAll(async () => {
    o = await open();
    const locked = await lockPeriod(o.store, {
      periodId: '2025',
      userId: 'ada',
      actor: 'Ada <ada@example.com>',
      at: AT,
      reason: 'approved',
    });
    expect(locked.ok).toBe(true);
  }, 60_000);
  afterAll(() => o?.close());

  const counts = async () => {
    const [r] = await o.store.query<{ dp: string; al: string; cs: string; links: string }>(
      `select (select count(*) from data_point_revision)::text as dp,
              (select count(*) from activity_line_revision)::text as al,
              (select count(*) from change_set)::text as cs,
              (select count(*) from restatement_revision)::text as links`,
    );
    return [r?.dp, r?.al, r?.cs, r?.links, await auditEntries(o.store)];
  };
  let id = 0;

  it('stores the base year, its policy and entity dates with the organisation (an audited settings change)', async () => {
    const o2 = bundle.organisation;
    const org = {
      ...o2,
      baseYear: {
        year: '2024',
        thresholdPercent: new Decimal('2.5'),
        triggers: ['structural-change' as const],
      },
      entities: o2.entities.map((e) => (e.id === 'mine' ? { ...e, acquiredOn: '2025-07-01' } : e)),
    };
    const r = await importBundle(o.store, { ...bundle, organisation: org }, { ...META, reason: 'base year' });
    expect(r).toMatchObject({ ok: true, changed: true, counts: { other: 1 } });
    const read = await readBundle(o.store);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.bundle.organisation).toEqual(org);
    // The same again changes nothing.
    expect(await importBundle(o.store, { ...bundle, organisation: org }, META)).toMatchObject({
      changed: false,
    });
  });

  it('records a request as a draft at version 1 with its items and a "request" transition', async () => {
    const r = await requestRestatement(o.store, {
      change: 'error-correction',
      reason: 'the diesel invoice was entered twice; the 2024 revenue was restated by the auditors',
      items: ITEMS,
      userId: 'ann',
      actor: 'ann <ann@example.com>',
      at: AT,
      effect: { note: 'effect at request' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    id = r.restatement.id;
    expect(r.restatement).toMatchObject({
      change: 'error-correction',
      state: 'draft',
      version: 1,
      requestedBy: 'ann',
      submittedBy: null,
      changeSet: null,
      effect: { note: 'effect at request' },
      revisions: [],
    });
    expect(r.restatement.items).toEqual(ITEMS);
    expect((await restatementTransitions(o.store, id)).map((t) => [t.version, t.event, t.to])).toEqual([
      [1, 'request', 'draft'],
    ]);
  });

  it('refuses a request naming a revision that is not current, or adding a fact that exists', async () => {
    const before = await counts();
    const stale = await requestRestatement(o.store, {
      change: 'error-correction',
      reason: 'x',
      items: [{ ...ITEMS[1], old: { rev: 2, value: '950', unit: 'CNY million' } } as StoredRestatementItem],
      userId: 'ann',
      actor: 'ann',
      at: AT,
      effect: null,
    });
    expect(stale).toEqual({ ok: false, reason: 'moved', position: 0, factId: 'rev-24', current: 1 });
    const exists = await requestRestatement(o.store, {
      change: 'structural-change',
      reason: 'x',
      items: [{ ...ITEMS[0], old: null } as StoredRestatementItem],
      userId: 'ann',
      actor: 'ann',
      at: AT,
      effect: null,
    });
    expect(exists).toMatchObject({ ok: false, reason: 'moved', factId: 'd1', current: 1 });
    expect(await counts()).toEqual(before);
  });

  it('keeps duties apart and versions current: self-review, wrong state, stale version refuse, nothing written', async () => {
    const before = await counts();
    expect(await applyRestatementEvent(o.store, event(id, 'bo', 'approve', 1))).toMatchObject({
      ok: false,
      reason: 'refused',
      refusal: { code: 'wrong-state' },
    });
    expect(await applyRestatementEvent(o.store, event(id, 'ann', 'submit', 2))).toEqual({
      ok: false,
      reason: 'stale',
      current: 1,
    });
    expect(await applyRestatementEvent(o.store, event(999_999, 'ann', 'submit', 1))).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await counts()).toEqual(before);
    expect(await applyRestatementEvent(o.store, event(id, 'bo', 'submit', 1))).toMatchObject({
      ok: true,
      restatement: { state: 'submitted', version: 2, submittedBy: 'bo' },
    });
    expect(
      await applyRestatementEvent(o.store, event(id, 'rita', 'return', 2, 'cite the invoice')),
    ).toMatchObject({
      ok: true,
      restatement: { state: 'draft', version: 3, submittedBy: null },
    });
    expect(await applyRestatementEvent(o.store, event(id, 'bo', 'submit', 3))).toMatchObject({ ok: true });
    expect(await applyRestatementEvent(o.store, event(id, 'rita', 'review', 4))).toMatchObject({ ok: true });
    const mark = await counts();
    expect(await applyRestatementEvent(o.store, event(id, 'bo', 'approve', 5))).toMatchObject({
      ok: false,
      reason: 'refused',
      refusal: { code: 'self-approval' },
    });
    expect(await counts()).toEqual(mark);
  });

  it('while 2025 is locked, a plain write there is refused, and nothing but an approved restatement gets in', async () => {
    const before = await counts();
    const plain = await writeDataPointRevisions(
      o.store,
      [{ dataPoint: { ...point('rev-25'), quantity: q('1001 CNY million') }, expectedRev: 1 }],
      META,
    );
    expect(plain).toMatchObject({ ok: false, reason: 'locked' });
    // Naming the request (reviewed, not approved) does not open the lock.
    const sneak = await runImport(o.store, {
      subject: 'sneak',
      meta: META,
      restatement: { id },
      batches: () => [
        {
          file: 'sneak',
          dataPoints: [],
          dataPointLines: [],
          activityLines: [diesel90],
          activityLineLines: [2],
          issues: [],
        },
      ],
    });
    expect(sneak).toMatchObject({ ok: false, locked: { periodId: '2025' } });
    expect(await counts()).toEqual(before);
  });

  it('approval writes the restated facts into the locked year, each new revision linked to the old one', async () => {
    const before = await counts();
    const out = await applyRestatementEvent(
      o.store,
      event(id, 'alex', 'approve', 5, 'agreed with the auditors'),
    );
    if (!out.ok) throw new Error(JSON.stringify(out));
    expect(out.transition).toMatchObject({ version: 6, from: 'reviewed', to: 'approved', event: 'approve' });
    const r = out.restatement;
    expect(r).toMatchObject({ state: 'approved', version: 6, effect: { note: 'effect at approval' } });
    expect(r.changeSet).toEqual(expect.any(Number));
    expect(r.revisions).toEqual([
      { kind: 'activity-line', factKey: 'd-mine-2024', oldRev: null, newRev: 1, changeSet: r.changeSet },
      { kind: 'activity-line', factKey: 'd1', oldRev: 1, newRev: 2, changeSet: r.changeSet },
      {
        kind: 'data-point',
        factKey: dataPointFactKey(revenue960),
        oldRev: 1,
        newRev: 2,
        changeSet: r.changeSet,
      },
    ]);
    const [d1] = await o.store.query<{ amount: string; rev: number }>(
      `select amount::text as amount, rev from activity_line_current where fact_key = 'd1'`,
    );
    expect(d1).toEqual({ amount: '90', rev: 2 });
    // One change set: 3 revisions; audit: the import's entry and the approval's.
    const after = await counts();
    expect(after.map(Number)).toEqual([
      Number(before[0]) + 1,
      Number(before[1]) + 2,
      Number(before[2]) + 1,
      Number(before[3]) + 3,
      Number(before[4]) + 2,
    ]);
    const audit = await o.store.query<{ action: string; subject: string }>(
      `select action, subject from audit_log where subject = $1 order by seq`,
      [`restatement ${id}`],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'restatement-request',
      'restatement-submit',
      'restatement-return',
      'restatement-submit',
      'restatement-review',
      'restatement-approve', // written before commit, then the import's own entry
      'import',
    ]);
    expect(await verifyAudit(o.store)).toMatchObject({ ok: true });
    expect(await verifyDigests(o.store)).toMatchObject({ problems: [], uncovered: 0 });
    expect(await verifyRevisions(o.store)).toEqual([]);
    // Approving again is the wrong state; a plain write to 2025 is still refused.
    expect(await applyRestatementEvent(o.store, event(id, 'alex', 'approve', 6))).toMatchObject({
      ok: false,
      refusal: { code: 'wrong-state' },
    });
    const plain = await writeDataPointRevisions(
      o.store,
      [{ dataPoint: { ...point('rev-25'), quantity: q('1001 CNY million') }, expectedRev: 1 }],
      META,
    );
    expect(plain).toMatchObject({ ok: false, reason: 'locked' });
    expect((await restatementRecords(o.store)).map((x) => [x.id, x.state])).toContainEqual([id, 'approved']);
  });

  it('a request whose fact moved since it was made is refused at approval, writing nothing', async () => {
    const made = await requestRestatement(o.store, {
      change: 'methodology',
      reason: 'new revenue basis',
      items: [{ ...ITEMS[1], old: { rev: 2, value: '960', unit: 'CNY million' } } as StoredRestatementItem],
      userId: 'ann',
      actor: 'ann',
      at: AT,
      effect: null,
    });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const rid = made.restatement.id;
    const write = {
      dataPoints: [{ ...revenue960, quantity: q('970 CNY million') }],
      activityLines: [],
      effect: null,
    };
    const step = (who: Person, kind: RestatementEvent['kind'], v: number) => ({
      ...event(rid, who, kind, v),
      ...(kind === 'approve' ? { write } : {}),
    });
    expect((await applyRestatementEvent(o.store, step('ann', 'submit', 1))).ok).toBe(true);
    expect((await applyRestatementEvent(o.store, step('rita', 'review', 2))).ok).toBe(true);
    // Meanwhile 2024 revenue is edited (2024 is not locked).
    const edit = await writeDataPointRevisions(
      o.store,
      [{ dataPoint: { ...revenue960, quantity: q('965 CNY million') }, expectedRev: 2 }],
      META,
    );
    expect(edit.ok).toBe(true);
    const before = await counts();
    expect(await applyRestatementEvent(o.store, step('alex', 'approve', 3))).toEqual({
      ok: false,
      reason: 'moved',
      position: 0,
      factId: 'rev-24',
      current: 3,
    });
    expect(await counts()).toEqual(before);
    expect((await restatementRecords(o.store, rid))[0]).toMatchObject({ state: 'reviewed', version: 3 });
  });

  it('of two approvals of one version at once (two connections), exactly one is recorded', async () => {
    const made = await requestRestatement(o.store, {
      change: 'error-correction',
      reason: 'gas meter',
      items: [
        {
          kind: 'activity-line',
          factId: 'g1',
          factKey: 'g1',
          entityId: 'smelter',
          periodId: '2025',
          old: { rev: 1, value: '50', unit: '10⁴ m³' },
          newValue: '49',
          newUnit: '10⁴ m³',
          fact: { id: 'g1', amount: '49' },
        },
      ],
      userId: 'ann',
      actor: 'ann',
      at: AT,
      effect: null,
    });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const rid = made.restatement.id;
    const write = {
      dataPoints: [],
      activityLines: [{ ...lineOf('g1'), amount: q('49 10⁴ m³') }],
      effect: null,
    };
    expect((await applyRestatementEvent(o.store, event(rid, 'ann', 'submit', 1))).ok).toBe(true);
    expect((await applyRestatementEvent(o.store, event(rid, 'rita', 'review', 2))).ok).toBe(true);
    const before = await counts();
    const both = await Promise.all([
      applyRestatementEvent(o.store, { ...event(rid, 'alex', 'approve', 3), write }),
      applyRestatementEvent(o.other, { ...event(rid, 'alex', 'approve', 3), write }),
    ]);
    expect(both.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['ok', 'stale']);
    const after = await counts();
    // One revision, one change set, one link, two audit entries (the approval's and its import's).
    expect(after.map(Number)).toEqual([
      Number(before[0]),
      Number(before[1]) + 1,
      Number(before[2]) + 1,
      Number(before[3]) + 1,
      Number(before[4]) + 2,
    ]);
    expect((await restatementTransitions(o.store, rid)).map((t) => t.event)).toEqual([
      'request',
      'submit',
      'review',
      'approve',
    ]);
  });

  it('items, transitions and links are append-only; a request is never deleted', async () => {
    await expect(o.store.query(`update restatement_item set new_value = 1`)).rejects.toThrow(/append-only/);
    await expect(o.store.query(`delete from restatement_transition`)).rejects.toThrow(/append-only/);
    await expect(o.store.query(`update restatement_revision set new_rev = 9`)).rejects.toThrow(/append-only/);
    await expect(o.store.query(`delete from restatement`)).rejects.toThrow(/append-only/);
  });
});
