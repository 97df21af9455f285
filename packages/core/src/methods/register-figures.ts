/**
 * Figures counted from the supplier, hazard and project registers (issue #18; docs/registers.md),
 * for the current reporting year, for every entity whose subtree (itself and every entity below
 * it) holds rows. Each row is a constant node (value 1 count, or its verified savings) named
 * `register:<register>/<row id>`, so a figure's lineage ends at the rows it counted.
 *
 *   suppliers.registered[region]: distinct credit codes among approved and suspended suppliers
 *     of the subtree in that region (a code engaged by two subsidiaries counts once; the row
 *     first in the register stands for it); the total is the distinct codes over all regions.
 *     Blacklisted suppliers are not counted.
 *   suppliers.assessed (HKEX B5.2): the same suppliers, only those with an ESG assessment on
 *     file, one per credit code.
 *   hazards (found in the reporting year, 1 Jan – 31 Dec): found; rectified = rectified on or
 *     before 31 Dec; overdue = not rectified by 31 Dec and due before 31 Dec;
 *     rectification rate = rectified ÷ found × 100 %.
 *   projects (cancelled ones left out): count; completed; completion rate = completed ÷ count
 *     × 100 %; savings = Σ verified savings of completed projects, in tce, MWh and tCO2e.
 * No rate without a denominator above zero.
 */
import type { CalcGraph } from '../calc/graph.js';
import type { Disaggregation } from '../model/fact.js';
import type { Organisation } from '../model/organisation.js';
import type { Hazard, SavingProject, Supplier } from '../model/register-rows.js';
import type { Registers } from '../model/registers.js';
import { quantity } from '../units/quantity.js';
import { childrenByParent, postOrder } from './consolidate.js';
import type { FigureIndex } from './figure-index.js';

type Ctx = {
  readonly graph: CalcGraph;
  readonly figures: FigureIndex;
  readonly org: Organisation;
  readonly year: string;
  readonly precisionOf: (indicatorId: string) => number;
};

export const registerRowNode = (register: string, id: string): string => `register:${register}/${id}`;

export const REGISTER_METHOD = 'counted from the register';

/** Entity id → the ids of it and every entity below it. */
function subtrees(org: Organisation): Map<string, Set<string>> {
  const children = childrenByParent(org);
  const out = new Map<string, Set<string>>();
  for (const e of postOrder(org)) {
    const set = new Set<string>([e.id]);
    for (const c of children.get(e.id) ?? []) for (const id of out.get(c.id) ?? []) set.add(id);
    out.set(e.id, set);
  }
  return out;
}

/**
 * A row's node. `zh` is the row's Chinese text and `entityId` its entity: the Chinese label names
 * the row by them (report/lineage-text.ts), never by its id, so a Chinese output holds no English.
 */
function rowNode(
  ctx: Ctx,
  register: string,
  row: { id: string; entityId: string; zh: string },
  label: string,
  value = '1',
  unit = 'count',
): string {
  const node = registerRowNode(register, row.id);
  const entity = ctx.org.entities.find((e) => e.id === row.entityId)?.name['zh-Hant'] ?? row.entityId;
  if (!ctx.graph.has(node))
    ctx.graph.add({
      kind: 'constant',
      id: node,
      label,
      labelKey: { key: `register-${register}`, args: { id: row.id, zh: row.zh, entity } },
      value: quantity(value, unit),
    });
  return node;
}

function figure(
  ctx: Ctx,
  indicatorId: string,
  entityId: string,
  inputs: readonly string[],
  unit: string,
  note: string,
  d: Disaggregation = {},
): string {
  return ctx.figures.addDerived(
    {
      indicatorId,
      entityId,
      periodId: ctx.year,
      disaggregation: d,
      precision: ctx.precisionOf(indicatorId),
      method: REGISTER_METHOD,
    },
    `${indicatorId}, ${entityId}, ${ctx.year}`,
    { op: 'sum', inputs, unit },
    note,
  );
}

function rate(ctx: Ctx, indicatorId: string, entityId: string, num: string, den: string, note: string): void {
  ctx.figures.addDerived(
    {
      indicatorId,
      entityId,
      periodId: ctx.year,
      disaggregation: {},
      precision: ctx.precisionOf(indicatorId),
      method: REGISTER_METHOD,
    },
    `${indicatorId}, ${entityId}, ${ctx.year}`,
    { op: 'ratio', inputs: [num, den], unit: '%' },
    note,
  );
}

function suppliers(
  ctx: Ctx,
  rows: readonly Supplier[],
  entities: ReadonlySet<string>,
  entityId: string,
): void {
  const counted = rows.filter((s) => entities.has(s.entityId) && s.status !== 'blacklisted');
  if (counted.length === 0) return;
  const firstByCode = new Map<string, Supplier>();
  const byRegion = new Map<string, Map<string, Supplier>>();
  for (const s of counted) {
    if (!firstByCode.has(s.creditCode)) firstByCode.set(s.creditCode, s);
    const m = byRegion.get(s.region) ?? new Map<string, Supplier>();
    if (!m.has(s.creditCode)) m.set(s.creditCode, s);
    byRegion.set(s.region, m);
  }
  const node = (s: Supplier) =>
    rowNode(
      ctx,
      'suppliers',
      { ...s, zh: s.name['zh-Hant'] },
      `supplier ${s.id} (${s.creditCode}, ${s.entityId})`,
    );
  const note = 'one per unified social credit code; approved and suspended suppliers';
  figure(ctx, 'suppliers.registered', entityId, [...firstByCode.values()].map(node), 'count', note);
  for (const [region, m] of [...byRegion].sort(([a], [b]) => (a < b ? -1 : 1)))
    figure(ctx, 'suppliers.registered', entityId, [...m.values()].map(node), 'count', note, { region }); // HKEX B5.2: suppliers where engagement practices are implemented = those with an ESG
  // assessment on file (a result and its date), one per credit code (the first assessed row).
  const assessed = new Map<string, Supplier>();
  for (const s of counted)
    if (s.esgResult !== undefined && !assessed.has(s.creditCode)) assessed.set(s.creditCode, s);
  if (assessed.size > 0)
    figure(
      ctx,
      'suppliers.assessed',
      entityId,
      [...assessed.values()].map(node),
      'count',
      'one per credit code; approved and suspended suppliers with an ESG assessment on file',
    );
}

function hazards(ctx: Ctx, rows: readonly Hazard[], entities: ReadonlySet<string>, entityId: string): void {
  const start = `${ctx.year}-01-01`;
  const end = `${ctx.year}-12-31`;
  const found = rows.filter((h) => entities.has(h.entityId) && h.foundOn >= start && h.foundOn <= end);
  if (found.length === 0) return;
  const node = (h: Hazard) =>
    rowNode(
      ctx,
      'hazards',
      { ...h, zh: h.description['zh-Hant'] },
      `hazard ${h.id} (${h.entityId}, found ${h.foundOn})`,
    );
  const rectified = found.filter((h) => h.rectifiedOn !== undefined && h.rectifiedOn <= end);
  const overdue = found.filter(
    (h) => !(h.rectifiedOn !== undefined && h.rectifiedOn <= end) && h.dueOn < end,
  );
  const f = figure(ctx, 'hazards.found', entityId, found.map(node), 'count', `found ${start} to ${end}`);
  const r = figure(ctx, 'hazards.rectified', entityId, rectified.map(node), 'count', `rectified by ${end}`);
  figure(ctx, 'hazards.overdue', entityId, overdue.map(node), 'count', `open at ${end} and due before it`);
  rate(ctx, 'hazards.rectification-rate', entityId, r, f, 'rectified ÷ found');
}

function projects(
  ctx: Ctx,
  rows: readonly SavingProject[],
  entities: ReadonlySet<string>,
  entityId: string,
): void {
  const live = rows.filter((p) => entities.has(p.entityId) && p.status !== 'cancelled');
  if (live.length === 0) return;
  const node = (p: SavingProject) =>
    rowNode(ctx, 'projects', { ...p, zh: p.name['zh-Hant'] }, `project ${p.id} (${p.entityId}, ${p.status})`);
  const completed = live.filter((p) => p.status === 'completed');
  const all = figure(ctx, 'projects.count', entityId, live.map(node), 'count', 'cancelled projects left out');
  const done = figure(ctx, 'projects.completed', entityId, completed.map(node), 'count', 'status completed');
  rate(ctx, 'projects.completion-rate', entityId, done, all, 'completed ÷ projects (cancelled left out)');
  const saved: readonly [string, 'tce' | 'MWh' | 'tCO2e'][] = [
    ['projects.saved.energy', 'tce'],
    ['projects.saved.electricity', 'MWh'],
    ['projects.saved.emissions', 'tCO2e'],
  ];
  for (const [indicatorId, unit] of saved) {
    const withValue = completed.filter((p) => p.verified?.[unit] !== undefined);
    if (withValue.length === 0) continue;
    const inputs = withValue.map((p) =>
      rowNode(
        ctx,
        `projects.${unit}`,
        { ...p, zh: p.name['zh-Hant'] },
        `verified savings of project ${p.id} (${unit})`,
        p.verified?.[unit] as string,
        unit,
      ),
    );
    figure(ctx, indicatorId, entityId, inputs, unit, 'Σ verified savings of completed projects');
  }
}

export function registerFigures(ctx: Ctx, r: Registers): void {
  const trees = subtrees(ctx.org);
  for (const e of postOrder(ctx.org)) {
    const entities = trees.get(e.id) as Set<string>;
    suppliers(ctx, r.suppliers ?? [], entities, e.id);
    hazards(ctx, r.hazards ?? [], entities, e.id);
    projects(ctx, r.projects ?? [], entities, e.id);
  }
}
