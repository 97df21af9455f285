/**
 * Restatement and base year through the use cases (issue #17), in memory, on PGlite and on
 * PostgreSQL, over examples/minimal: the administrator sets base year 2025 (5 %) and locks 2025;
 * a preparer restates the smelter's 2025 diesel, 100 → 90 t; a reviewer reviews, an approver
 * approves; the diesel line then stands at 90 t (revision 2, linked to revision 1), the group's
 * Scope 1 + 2 falls by the hand-computed 30.96 tCO2e, the base-year test says 0.2 %: not
 * significant; a plain write to 2025 is still refused. Refusals: bad items naming the field, an
 * entity the caller cannot see, self-approval, a stale version, a moved fact. The report's note
 * shows it. Base-year settings: defaults, validation naming the field, the acquisition prompt.
 */
import { join } from 'node:path';
import { Decimal } from '@assay/core';
import { loadBundle } from '@assay/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, cycleBackends } from '../../test/cycle-backends.js';
import { callerFor, localOf } from '../../test/cycle-callers.js';
import type { Role } from '../access/roles.js';
import { readBaseYear, writeBaseYear } from './base-year.js';
import { evaluated } from './evaluation.js';
import { lockPeriod } from './period-lock.js';
import { reportModel } from './report-model.js';
import { actOnRestatement, listRestatements, requestRestatement } from './restatement.js';
import type { EffectRecord } from './restatement-effect.js';
import { scope12Of } from './restatement-effect.js';
import { restatementNoteInput } from './restatement-note.js';
import { updateDataPoint } from './write-data-point.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle = loaded.bundle;
const at = () => '2026-04-01T09:00:00.000Z';
const who = (id: string, ...grants: [Role, string][]) =>
  callerFor(
    bundle,
    id,
    grants.map(([role, entityId]) => ({ role, entityId })),
  );
const admin = localOf(bundle);
const ann = who('ann', ['preparer', 'smelter']);
const pat = who('pat', ['preparer', 'mine']);
const rita = who('rita', ['reviewer', 'group']);
const alex = who('alex', ['approver', 'group']);
const bo = who('bo', ['preparer', 'smelter'], ['approver', 'smelter']);
const gail = who('gail', ['preparer', 'group']);

/** 10 t of diesel: 10 t × 42.652 GJ/t × 0.0202 tC/GJ × 0.98 × 44/12 (NDRC NF 2015 defaults). */
const DIESEL_10T = new Decimal('10').times('42.652').times('0.0202').times('0.98').times(44).dividedBy(12);

describe.each(cycleBackends(bundle, at))('restatement on %s', (_name, open) => {
  let b: Backend;
  beforeAll(async () => {
    b = await open();
  }, 120_000);
  afterAll(() => b?.close());

  it('base year: none at first; set with the default policy; bad values refused naming the field', async () => {
    expect(await readBaseYear(b.ws, ann)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const none = await readBaseYear(b.ws, admin);
    expect(none).toMatchObject({ ok: true, value: { baseYear: null, defaults: { thresholdPercent: '5' } } });
    const v = b.ws.snapshot().version;
    const bad = await writeBaseYear({ ws: b.ws, caller: admin, year: '2026', version: v });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-data', field: 'year' } });
    const badDate = await writeBaseYear({
      ws: b.ws,
      caller: admin,
      year: '2025',
      entities: [{ id: 'mine', acquiredOn: '2025-02-30' }],
      version: v,
    });
    expect(badDate).toMatchObject({
      ok: false,
      error: { code: 'invalid-data', field: 'entities.0.acquiredOn' },
    });
    const set = await writeBaseYear({
      ws: b.ws,
      caller: admin,
      year: '2025',
      entities: [{ id: 'mine', acquiredOn: '2025-07-01' }],
      version: v,
    });
    if (!set.ok) throw new Error(set.error.message);
    expect(set.value.baseYear).toMatchObject({
      year: '2025',
      thresholdPercent: '5',
      triggers: ['structural-change', 'methodology', 'error-correction'],
    });
    expect(set.value.prompts).toMatchObject([
      { kind: 'acquisition', entityId: 'mine', date: '2025-07-01', restatement: null },
    ]);
    expect(set.value.prompts[0]?.message.en).toContain('Demo Mining was acquired on 2025-07-01');
    expect(await writeBaseYear({ ws: b.ws, caller: admin, year: '2025', version: v })).toMatchObject({
      ok: false,
      error: { code: 'stale-version' },
    });
    expect((await lockPeriod({ ws: b.ws, caller: admin, periodId: '2025', reason: 'approved' })).ok).toBe(
      true,
    );
  });

  it('refuses bad requests, naming the item and field; nothing is recorded', async () => {
    const req = (items: unknown[], extra: object = {}) =>
      requestRestatement({
        ws: b.ws,
        caller: ann,
        change: 'error-correction',
        reason: 'invoice entered twice',
        items: items as never,
        ...extra,
      });
    expect(await req([{ kind: 'activity-line', id: 'd1', value: '90' }], { change: 'growth' })).toMatchObject(
      {
        ok: false,
        error: { field: 'change' },
      },
    );
    expect(await req([{ kind: 'activity-line', id: 'd1', value: '90' }], { reason: ' ' })).toMatchObject({
      ok: false,
      error: { field: 'reason' },
    });
    expect(await req([])).toMatchObject({ ok: false, error: { field: 'items' } });
    expect(await req([{ kind: 'activity-line', id: 'nope', value: '90' }])).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'items.0.id' },
    });
    expect(await req([{ kind: 'activity-line', id: 'd1', value: '9O' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-data', field: 'items.0.value' },
    });
    expect(await req([{ kind: 'activity-line', id: 'd1', value: '90', unit: 'MWh' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-data', field: 'items.0.unit' },
    });
    expect(await req([{ kind: 'activity-line', id: 'd1', value: '100' }])).toMatchObject({
      ok: false,
      error: { field: 'items.0.value' },
    });
    expect(
      await req([
        { kind: 'activity-line', id: 'd1', value: '90' },
        { kind: 'activity-line', id: 'd1', value: '80' },
      ]),
    ).toMatchObject({ ok: false, error: { field: 'items.1.id' } });
    // The mine's electricity: not an entity ann can see.
    expect(await req([{ kind: 'activity-line', id: 'e2', value: '4000' }])).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'items.0' },
    });
    expect(await b.ws.restatements.list()).toEqual([]);
  });

  let id = 0;
  it('request → submit → review → approve writes 90 t into locked 2025, linked to the old revision', async () => {
    const before = scope12Of(b.ws.snapshot().bundle, evaluated(b.ws.snapshot()).evaluation.figures, '2025');
    if (!before) throw new Error('no Scope 1 + 2 for 2025');
    const made = await requestRestatement({
      ws: b.ws,
      caller: bo,
      change: 'error-correction',
      reason: 'The October diesel invoice was entered twice.',
      items: [{ kind: 'activity-line', id: 'd1', value: '90' }],
    });
    if (!made.ok) throw new Error(made.error.message);
    id = made.value.id;
    expect(made.value).toMatchObject({ state: 'draft', version: 1, requestedBy: 'bo' });
    expect(made.value.items).toMatchObject([
      {
        kind: 'activity-line',
        factId: 'd1',
        old: { rev: 1, value: '100', unit: 't' },
        newValue: '90',
        newUnit: 't',
      },
    ]);
    const effect = made.value.effect as EffectRecord;
    expect(
      new Decimal(effect.totals[0]?.before ?? '0').minus(effect.totals[0]?.after ?? '0').toFixed(25),
    ).toBe(DIESEL_10T.toFixed(25));
    expect(effect.baseYear).toMatchObject({
      year: '2025',
      thresholdPercent: '5',
      significant: false,
      covered: true,
    });
    const act = (
      caller: typeof ann,
      event: 'submit' | 'review' | 'approve' | 'return',
      version: number,
      comment?: string,
    ) => actOnRestatement({ ws: b.ws, caller, id, event, version, comment });
    expect(await act(pat, 'submit', 1)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await act(rita, 'submit', 1)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await act(bo, 'submit', 1)).toMatchObject({
      ok: true,
      value: { restatement: { state: 'submitted', version: 2 } },
    });
    expect(await act(rita, 'return', 2)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', rule: 'comment-required', field: 'comment' },
    });
    expect(await act(rita, 'review', 2)).toMatchObject({ ok: true });
    const self = await act(bo, 'approve', 3);
    expect(self).toMatchObject({ ok: false, error: { code: 'forbidden', rule: 'self-approval' } });
    // Restatements have no exception route, so the refusal does not offer one.
    expect(self.ok ? '' : self.error.message).toMatch(/restatement/);
    expect(self.ok ? '' : self.error.message).not.toMatch(/exception/);
    expect(await act(alex, 'approve', 2)).toMatchObject({
      ok: false,
      error: { code: 'stale-version', field: 'version' },
    });
    const approved = await act(alex, 'approve', 3, 'agreed with the fuel ledger');
    if (!approved.ok) throw new Error(approved.error.message);
    expect(approved.value.restatement).toMatchObject({ state: 'approved', version: 4 });
    expect(approved.value.restatement.revisions).toMatchObject([
      { kind: 'activity-line', factKey: 'd1', oldRev: 1, newRev: 2 },
    ]);
    const s = b.ws.snapshot();
    expect(s.bundle.activityLines.find((l) => l.id === 'd1')?.amount.value.toFixed()).toBe('90');
    expect(s.lineVersionOf('d1')).toBe(2);
    const after = scope12Of(s.bundle, evaluated(s).evaluation.figures, '2025');
    // Equal to 25 places: the figures carry 40 significant digits (1/3 of 44/12 repeats).
    expect(before.minus(after ?? 0).toFixed(25)).toBe(DIESEL_10T.toFixed(25));
    // |Δ| / base = 30.959… / 19,303.60… = 0.16 %: below 5 %.
    const recorded = approved.value.restatement.effect as EffectRecord;
    expect(recorded.baseYear).toMatchObject({ before: before.toFixed(), significant: false, alone: false });
    expect(new Decimal(recorded.baseYear?.percent ?? '0').toDecimalPlaces(2).toFixed()).toBe('0.16');
    expect(await act(alex, 'approve', 4)).toMatchObject({
      ok: false,
      error: { code: 'conflict', rule: 'wrong-state' },
    });
    // A plain edit of 2025 is still refused.
    const plain = await updateDataPoint({
      ws: b.ws,
      id: 'rev-25',
      patch: { value: '1001' },
      version: b.ws.snapshot().versionOf('rev-25') ?? 1,
      reason: 'edit',
      author: 'ann',
      dryRun: false,
    });
    expect(plain).toMatchObject({ ok: false, error: { code: 'period-locked' } });
  });

  it('lists what the caller may read; the report prints the note with old and new values', async () => {
    expect((await listRestatements(b.ws, ann)).ok && (await listRestatements(b.ws, ann))).toMatchObject({
      value: [{ id }],
    });
    expect(await listRestatements(b.ws, pat)).toMatchObject({ ok: true, value: [] });
    const s = b.ws.snapshot();
    const note = await restatementNoteInput(s, b.ws.restatements);
    const m = reportModel(s, { state: 'final', units: 1 }, note);
    expect(m.restatementNote?.restatements).toMatchObject([
      {
        id,
        change: 'error-correction',
        reason: 'The October diesel invoice was entered twice.',
        approvedBy: 'alex', // the published note names the approver without the e-mail address (core public-name.ts)
        items: [{ factId: 'd1', before: '100', after: '90', unit: 't', label: { en: 'Fuel: Diesel' } }],
        baseYear: { year: '2025', significant: false },
      },
    ]);
  });

  it('a request whose fact moved since is refused at approval (conflict), nothing written', async () => {
    const made = await requestRestatement({
      ws: b.ws,
      caller: gail,
      change: 'methodology',
      reason: 'revenue on the new basis',
      items: [{ kind: 'data-point', id: 'rev-24', value: '960' }],
    });
    if (!made.ok) throw new Error(made.error.message);
    const rid = made.value.id;
    expect(
      (await actOnRestatement({ ws: b.ws, caller: gail, id: rid, event: 'submit', version: 1 })).ok,
    ).toBe(true);
    expect(
      (await actOnRestatement({ ws: b.ws, caller: rita, id: rid, event: 'review', version: 2 })).ok,
    ).toBe(true);
    const edit = await updateDataPoint({
      ws: b.ws,
      id: 'rev-24',
      patch: { value: '955' },
      version: 1,
      reason: 'edit',
      author: 'ann',
      dryRun: false,
    });
    expect(edit.ok).toBe(true);
    expect(
      await actOnRestatement({ ws: b.ws, caller: alex, id: rid, event: 'approve', version: 3 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'items.0' },
    });
    expect(
      b.ws
        .snapshot()
        .bundle.dataPoints.find((d) => d.id === 'rev-24')
        ?.quantity.value.toFixed(),
    ).toBe('955');
    expect((await b.ws.restatements.get(rid))?.state).toBe('reviewed');
  });

  it('a structural change adds an acquired entity’s base-year fact; the prompt names the request', async () => {
    const made = await requestRestatement({
      ws: b.ws,
      caller: admin,
      change: 'structural-change',
      reason: 'Demo Mining acquired on 2025-07-01: its 2025 diesel for the whole year',
      items: [
        {
          kind: 'activity-line',
          id: 'mine-diesel-2025',
          value: '12',
          unit: 't',
          add: {
            entity: 'mine',
            period: '2025',
            activity: 'fuel',
            subject: 'diesel',
            use: 'combustion',
            source: 'seller records',
          },
        },
      ],
    });
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.items[0]).toMatchObject({ old: null, factId: 'mine-diesel-2025', entityId: 'mine' });
    const view = await readBaseYear(b.ws, admin);
    expect(view.ok && view.value.prompts[0]?.restatement).toEqual({ id: made.value.id, state: 'draft' });
  });
});
