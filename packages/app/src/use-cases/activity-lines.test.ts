/**
 * Entering activity lines through the application layer (issue #17), over the in-memory
 * workspace (the workspace contract runs the same port on the store): plain-language checks
 * naming the field, monthly lines of a site rolling exactly into the subsidiary's and the
 * group's figures of the year, the list an entry form shows (versions, last period's and last
 * year's amounts beside each line), edits naming a version, retraction, and the period lock.
 *
 * The bundle is examples/minimal with a site under the smelter ("smelter-north") and 2026 as
 * the current reporting year (2025 prior).
 */
import { join } from 'node:path';
import { type Bundle, Decimal, type Entity } from '@assay/core';
import { loadBundle } from '@assay/io';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryWorkspace } from '../workspace/memory-workspace.js';
import { evaluated } from './evaluation.js';
import { listActivityLines } from './list-activity-lines.js';
import {
  type ActivityLineFields,
  createActivityLines,
  retractActivityLine,
  updateActivityLine,
} from './write-activity-line.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const minimal = loaded.bundle;
const smelter = minimal.organisation.entities.find((e) => e.id === 'smelter') as Entity;
const site: Entity = {
  ...smelter,
  id: 'smelter-north',
  kind: 'site',
  parentId: 'smelter',
  name: { 'zh-Hant': '北廠', en: 'North works' },
  aliases: [],
};
const bundle: Bundle = {
  ...minimal,
  organisation: { ...minimal.organisation, entities: [...minimal.organisation.entities, site] },
  reporting: { current: '2026', prior: ['2025'] },
};
const AT = () => '2026-02-05T08:00:00.000Z';
const WHO = { reason: 'monthly fuel', author: 'Ann Lee <ann@example.com>' };

const diesel = (period: string, amount: string, entity = 'smelter-north'): ActivityLineFields => ({
  entity,
  period,
  activity: 'fuel',
  subject: 'diesel',
  use: 'combustion',
  amount,
  unit: 't',
  attributes: '',
  source: `fuel invoices ${period}`,
  evidence: '',
  comment: '',
});

let ws: MemoryWorkspace;
beforeEach(() => {
  ws = new MemoryWorkspace(bundle, AT);
});

const figure = (id: string) => {
  const f = evaluated(ws.snapshot()).byId.get(id);
  if (f?.value.kind !== 'quantity') throw new Error(`${id}: ${JSON.stringify(f?.value)}`);
  return f.value;
};

describe('entering activity lines', () => {
  it('checks every line in plain language naming the field, and writes nothing when one fails', async () => {
    const v = ws.snapshot().version;
    const cases: [Partial<ActivityLineFields>, string, RegExp][] = [
      [{ unit: 'MWh' }, 'lines.1.unit', /"MWh" measures energy, but diesel is entered as a mass/],
      [{ subject: 'dieselx' }, 'lines.1.subject', /"dieselx" is not a fuel the ndrc-nf-2015 method/],
      [
        { activity: 'electricity-purchased', subject: 'grid', unit: 'MWh' },
        'lines.1.use',
        /only fuel lines have a use/,
      ],
      [{ period: '2019-01' }, 'lines.1.period', /outside the reporting years 2026, 2025/],
      [{ entity: 'nowhere' }, 'lines.1.entity', /unknown entity "nowhere"/],
      [{ amount: '-3' }, 'lines.1.amount', /below zero/],
      [{ unit: 'gallons of fuel' }, 'lines.1.unit', /gallons of fuel/],
    ];
    for (const [patch, field, message] of cases) {
      const out = await createActivityLines({
        ws,
        lines: [{ fields: diesel('2026-01', '12') }, { fields: { ...diesel('2026-02', '9'), ...patch } }],
        ...WHO,
      });
      expect(out.ok ? 'written' : out.error.code, field).toBe('invalid-data');
      if (out.ok) continue;
      expect(out.error.field).toBe(field);
      expect(out.error.message).toMatch(message);
      expect(out.error.message.startsWith(`${field}: `)).toBe(true);
    }
    expect(ws.snapshot().version).toBe(v);
    expect(ws.snapshot().bundle.activityLines).toHaveLength(minimal.activityLines.length);
  });

  it('rolls monthly lines of a site into the site, the subsidiary and the group figures of the year, exactly', async () => {
    // Amounts that are multiples of 3 t: with 44/12 = 11/3, each line's CO2 is then a finite
    // decimal, so the sum can be compared exactly whatever order the graph adds in.
    const amounts = ['12', '10.5', '9.3', '11.1', '13.5', '12.3', '8.7', '9.9', '12', '14.1', '15', '16.2'];
    const out = await createActivityLines({
      ws,
      lines: [
        ...amounts.map((a, m) => ({ fields: diesel(`2026-${String(m + 1).padStart(2, '0')}`, a) })),
        { fields: diesel('2026-Q1', '3', 'mine') },
      ],
      ...WHO,
    });
    expect(out.ok).toBe(true);
    // Hand computation with the ndrc-nf-2015 diesel factors (core/src/factors/data/ndrc-nf-2015.json):
    // NCV 42.652 GJ/t, carbon content 0.0202 tC/GJ, oxidation 0.98, CO2/C 44/12.
    const perTonne = new Decimal('42.652').times('0.0202').times('0.98').times(44).dividedBy(12);
    expect(perTonne.toFixed()).toBe('3.095909637333333333333333333333333333333'); // 40 digits
    const siteTonnes = amounts.reduce((s, a) => s.plus(a), new Decimal(0));
    expect(siteTonnes.toFixed()).toBe('144.6');
    // 144.6 × 0.844338992 tC/t × 11/3 = 447.6685335584 tCO2e (finite: 144.6 = 3 × 48.2).
    const site = new Decimal('144.6').times('0.844338992').times(11).dividedBy(3);
    expect(site.toFixed()).toBe('447.6685335584');
    const group = new Decimal('147.6').times('0.844338992').times(11).dividedBy(3);
    expect(group.toFixed()).toBe('456.9562624704');
    for (const [id, want] of [
      ['ghg.scope1@smelter-north/2026', site],
      ['ghg.scope1@smelter/2026', site],
      ['ghg.scope1@group/2026', group],
      ['ghg.scope1.by-fuel[fuel=diesel]@group/2026', group],
    ] as const) {
      const v = figure(id);
      expect([id, v.value.toFixed(), v.unit.symbol]).toEqual([id, want.toFixed(), 'tCO2e']);
    }
    // Energy: t × NCV in GJ, figured in MWh (÷ 3.6, exact here).
    const energy = figure('energy.direct@group/2026');
    expect([energy.value.toFixed(), energy.unit.symbol]).toEqual([
      new Decimal('147.6').times('42.652').dividedBy('3.6').toFixed(),
      'MWh',
    ]);
  });

  it('lists an entity subtree’s lines of a period with versions and the same line last period and last year', async () => {
    const made = await createActivityLines({
      ws,
      lines: [
        { id: 'jan-26', fields: diesel('2026-01', '12') },
        { id: 'dec-25', fields: { ...diesel('2025-12', '10500'), unit: 'kg' } },
        { id: 'dec-25b', fields: diesel('2025-12', '0.25') },
        { id: 'jan-25', fields: diesel('2025-01', '9') },
        { id: 'gas-dec-25', fields: { ...diesel('2025-12', '2'), subject: 'natural-gas', unit: '10⁴ m³' } },
        { id: 'mine-jan-26', fields: diesel('2026-01', '4', 'mine') },
      ],
      ...WHO,
    });
    expect(made.ok).toBe(true);
    const edited = await updateActivityLine({
      ws,
      id: 'jan-26',
      patch: { amount: '12.5' },
      version: 1,
      reason: 'invoice corrected',
      author: WHO.author,
      dryRun: false,
    });
    expect(edited).toMatchObject({ ok: true, value: { version: 2 } });
    const visible = new Set(['group', 'smelter', 'smelter-north', 'mine']);
    const list = listActivityLines({
      snapshot: ws.snapshot(),
      entity: 'smelter',
      period: '2026-01',
      visible,
    });
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value).toMatchObject({
      period: '2026-01',
      previousPeriod: '2025-12',
      lastYearPeriod: '2025-01',
    });
    expect(list.value.lines).toEqual([
      {
        id: 'jan-26',
        version: 2,
        entityId: 'smelter-north',
        periodId: '2026-01',
        activity: 'fuel',
        subject: 'diesel',
        use: 'combustion',
        amount: '12.5',
        unit: 't',
        attributes: '',
        source: 'fuel invoices 2026-01',
        evidence: null,
        comment: null,
        // 10,500 kg + 0.25 t, in the line's unit.
        previous: { period: '2025-12', amount: '10.75', unit: 't', lines: 2, skipped: 0 },
        lastYear: { period: '2025-01', amount: '9', unit: 't', lines: 1, skipped: 0 },
      },
    ]);
    // Last December's gas has no line in January yet: offered to enter.
    expect(list.value.toEnter).toEqual([
      {
        entityId: 'smelter-north',
        activity: 'fuel',
        subject: 'natural-gas',
        use: 'combustion',
        unit: '10⁴ m³',
        previous: { period: '2025-12', amount: '2', unit: '10⁴ m³', lines: 1, skipped: 0 },
        lastYear: null,
      },
    ]);
    // The mine's line is not in the smelter's subtree; a caller who cannot read the site sees nothing of it.
    const mine = listActivityLines({ snapshot: ws.snapshot(), entity: 'mine', period: '2026-01', visible });
    expect(mine.ok && mine.value.lines.map((l) => l.id)).toEqual(['mine-jan-26']);
    const hidden = listActivityLines({
      snapshot: ws.snapshot(),
      entity: 'smelter',
      period: '2026-01',
      visible: new Set(['mine']),
    });
    expect(hidden.ok && [hidden.value.lines, hidden.value.toEnter]).toEqual([[], []]);
    // A year's comparison sums every month and quarter of the year before.
    const year = listActivityLines({
      snapshot: ws.snapshot(),
      entity: 'smelter-north',
      period: '2026',
      visible,
    });
    expect(year.ok && year.value.toEnter.find((t) => t.subject === 'diesel')?.previous).toEqual({
      period: '2025',
      amount: '19.75',
      unit: 't',
      lines: 3,
      skipped: 0,
    });
    expect(listActivityLines({ snapshot: ws.snapshot(), period: '2026-13', visible })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'period' },
    });
  });

  it('edits naming the version (stale otherwise), checks a dry run without writing, retracts, and refuses a locked period', async () => {
    await createActivityLines({ ws, lines: [{ id: 'feb', fields: diesel('2026-02', '6') }], ...WHO });
    const base = { ws, id: 'feb', reason: 'x', author: WHO.author, dryRun: false };
    expect(await updateActivityLine({ ...base, patch: { amount: '7' }, version: 2 })).toMatchObject({
      ok: false,
      error: { code: 'stale-version', field: 'version' },
    });
    expect(await updateActivityLine({ ...base, patch: { unit: 'MWh' }, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-data', field: 'unit' },
    });
    const v = ws.snapshot().version;
    expect(
      await updateActivityLine({ ...base, patch: { amount: '7' }, version: 1, dryRun: true }),
    ).toMatchObject({
      ok: true,
      value: { version: 1 },
    });
    expect(ws.snapshot().version).toBe(v);
    const co2Before = figure('ghg.scope1@group/2026');
    const edit = await updateActivityLine({ ...base, patch: { amount: '9' }, version: 1 });
    if (!edit.ok) throw new Error(edit.error.message);
    // The figures the edit changed come back with it: +3 t of diesel.
    const after = edit.value.affected.changed.find((f) => f.id === 'ghg.scope1@group/2026');
    expect(after?.value.kind === 'quantity' && after.value.value.minus(co2Before.value).toFixed()).toBe(
      new Decimal(3).times('0.844338992').times(11).dividedBy(3).toFixed(),
    );
    await ws.cycle.lock('2026', { userId: 'u-ada', actor: 'Ada <ada@example.com>' }, 'approved');
    const locked = await updateActivityLine({ ...base, patch: { amount: '10' }, version: 2 });
    expect(locked).toEqual({
      ok: false,
      error: {
        code: 'period-locked',
        field: 'period',
        message: `period 2026-02 lies in period 2026, which is locked since ${AT()} by Ada <ada@example.com>; to change a figure, file a restatement`,
      },
    });
    const added = await createActivityLines({ ws, lines: [{ fields: diesel('2026-03', '3') }], ...WHO });
    expect(added).toMatchObject({ ok: false, error: { code: 'period-locked', field: 'lines.0.period' } });
    expect(await retractActivityLine({ ...base, version: 2 })).toMatchObject({
      ok: false,
      error: { code: 'period-locked' },
    });
    await ws.cycle.unlock('2026', { userId: 'u-ada', actor: 'Ada <ada@example.com>' }, 'restatement filed');
    expect(await retractActivityLine({ ...base, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'stale-version' },
    });
    const gone = await retractActivityLine({ ...base, version: 2 });
    expect(gone).toMatchObject({ ok: true, value: { id: 'feb', version: 3 } });
    expect(await retractActivityLine({ ...base, version: 3 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
