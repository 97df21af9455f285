/**
 * Rows of a section or appendix table, curated (issue #19): one entity's figures, each headline
 * indicator once, its breakdowns as sub-rows under it.
 * - A total (no breakdown) whose exact value and unit equal an earlier total it refines is the
 *   same number reached another way: it is not printed again, and its breakdown rows go under
 *   the total kept. It refines the earlier one when its id extends the earlier id
 *   (`ghg.scope1.combustion` and `ghg.scope1.by-fuel` under `ghg.scope1`, when all Scope 1 is
 *   combustion), when it is a `by-…` split beside it (`energy.by-carrier` beside `energy.total`),
 *   or when one is the other's total by a derivation rule (methods/rules.ts: `water.total` of
 *   `water.withdrawal`). Equal values of unrelated indicators are both printed (hazardous and
 *   non-hazardous waste of 2,800 t each are two facts), and zero is never taken for a repeat.
 * - A breakdown row prints its category only ("Diesel"), at level 1, under its total; a breakdown
 *   whose total is absent prints its full label at level 0. The same category with the same
 *   value under one total is printed once.
 */
import { axisValueLabel } from '../glossary/glossary.js';
import { DERIVED_RULES } from '../methods/rules.js';
import { disaggregationKey } from '../model/fact.js';
import type { LocalisedText } from '../model/text.js';
import type { ReportFigure } from './model.js';

export type TableRow = {
  readonly row: ReportFigure;
  /** 0: a headline row; 1: a breakdown printed under the row above it. */
  readonly level: 0 | 1;
  readonly label: LocalisedText;
};

const hasAxes = (r: ReportFigure) => Object.keys(r.disaggregation).length > 0;
const parentOf = (id: string) => id.slice(0, Math.max(0, id.lastIndexOf('.')));
const lastOf = (id: string) => id.slice(id.lastIndexOf('.') + 1);
/** Pairs "total|of" of the derivation rules' totals (methods/rules.ts), either way round. */
const TOTALS = new Set(
  DERIVED_RULES.flatMap((rule) =>
    rule.kind === 'total' ? [`${rule.indicator}|${rule.of}`, `${rule.of}|${rule.indicator}`] : [],
  ),
);
/** Whether indicator `r` is the same quantity as `k` reached another way (see above). */
const refines = (r: string, k: string) =>
  r.startsWith(`${k}.`) ||
  (parentOf(r) === parentOf(k) && parentOf(r) !== '' && lastOf(r).startsWith('by-')) ||
  TOTALS.has(`${r}|${k}`);
const isZero = (exact: string) => /^-?0(\.0*)?$/.test(exact);

function categoryLabel(r: ReportFigure): LocalisedText {
  const parts = Object.keys(r.disaggregation)
    .sort()
    .map((axis) => axisValueLabel(r.disaggregation[axis] ?? ''));
  return { 'zh-Hant': parts.map((p) => p['zh-Hant']).join('，'), en: parts.map((p) => p.en).join(', ') };
}

/** `rows` of one entity and period, in report order (figure-rows.ts sorts them). */
export function curateRows(rows: readonly ReportFigure[]): TableRow[] {
  const kept: ReportFigure[] = [];
  /** Indicator id → the indicator whose total row stands for it. */
  const standsFor = new Map<string, string>();
  for (const r of rows) {
    if (hasAxes(r)) continue;
    const same =
      r.exact !== null && !isZero(r.exact)
        ? kept.find(
            (k) => k.exact === r.exact && k.unit.en === r.unit.en && refines(r.indicatorId, k.indicatorId),
          )
        : undefined;
    if (same) standsFor.set(r.indicatorId, same.indicatorId);
    else {
      kept.push(r);
      standsFor.set(r.indicatorId, r.indicatorId);
    }
  }
  const children = new Map<string, ReportFigure[]>();
  for (const r of rows) {
    if (!hasAxes(r)) continue;
    const parent = standsFor.get(r.indicatorId);
    if (parent === undefined) continue;
    const list = children.get(parent) ?? [];
    const key = disaggregationKey(r.disaggregation);
    if (!list.some((c) => disaggregationKey(c.disaggregation) === key && c.exact === r.exact)) list.push(r);
    children.set(parent, list);
  }
  const out: TableRow[] = [];
  for (const r of rows) {
    if (!hasAxes(r)) {
      if (!kept.includes(r)) continue;
      out.push({ row: r, level: 0, label: r.label });
      for (const c of children.get(r.indicatorId) ?? [])
        out.push({ row: c, level: 1, label: categoryLabel(c) });
    } else if (!standsFor.has(r.indicatorId)) out.push({ row: r, level: 0, label: r.label });
  }
  return out;
}
