/**
 * Figures → report rows: each year figure of the current year (and each prior-year figure
 * without a current counterpart) with its comparatives and change, formatted once here.
 * Comparatives: the figure of the same indicator, entity and breakdown evaluated for each of the
 * bundle's prior years (`reporting.prior`, most recent first, at most COMPARATIVE_YEARS); the
 * change is against the most recent one. A prior value exists only where the bundle holds that
 * year's data (the evaluation computes every period it has facts for).
 * Values are shown in the catalogue unit of their indicator when the dimensions match.
 */

import type { Figure } from '../calc/figure.js';
import { figureId } from '../calc/figure.js';
import { bundleCatalogue } from '../catalogue/bundle-catalogue.js';
import { Decimal } from '../decimal.js';
import { axisValueLabel } from '../glossary/glossary.js';
import type { Bundle } from '../model/bundle.js';
import { disaggregationKey } from '../model/fact.js';
import type { Indicator } from '../model/indicator.js';
import { parsePeriod } from '../model/period.js';
import type { LocalisedText } from '../model/text.js';
import { convert, type Quantity } from '../units/quantity.js';
import { parseUnit, unitLabelZh } from '../units/unit.js';
import { formatChange, formatNumber } from './format-number.js';
import type { NumberText, ReportFigure } from './model.js';
import { sectionOfIndicator, sectionOrder } from './section-of.js';

type Shown = { value: Decimal; unit: LocalisedText } | { error: string; unit: LocalisedText };

function shown(f: Figure, ind: Indicator | undefined): Shown {
  const v = f.value;
  const target = ind ? parseUnit(ind.unit) : undefined;
  if (v.kind === 'error') {
    const u = target?.ok ? target.unit : undefined;
    return {
      error: v.message,
      unit: u ? { 'zh-Hant': unitLabelZh(u), en: u.symbol } : { 'zh-Hant': '', en: '' },
    };
  }
  let q: Quantity = v;
  if (target?.ok) {
    const c = convert(v, target.unit);
    if (c.kind === 'quantity') q = c;
  }
  return { value: q.value, unit: { 'zh-Hant': unitLabelZh(q.unit), en: q.unit.symbol } };
}

function joinLabels(name: LocalisedText, parts: LocalisedText[]): LocalisedText {
  if (parts.length === 0) return name;
  return {
    'zh-Hant': `${name['zh-Hant']}（${parts.map((p) => p['zh-Hant']).join('，')}）`,
    en: `${name.en} (${parts.map((p) => p.en).join(', ')})`,
  };
}

/** Prior years printed beside the current one (HKEX B2.1 and the issue ask for three years in all). */
export const COMPARATIVE_YEARS = 2;

/** The prior years a report prints, most recent first. */
export const comparativeYears = (bundle: Bundle): string[] =>
  bundle.reporting.prior.slice(0, COMPARATIVE_YEARS);

/**
 * Swings needing an explanation: |change| above `threshold` (a fraction, the checker's
 * `yoyThreshold`, default 0.3 = 30 %). The explanation is registers.explanations' text whose
 * subject is the figure's id or, for a breakdown row, its total's id (as the year-on-year check
 * reads them: an explanation of a total covers the moves below it).
 */
function swingOf(
  bundle: Bundle,
  f: Figure,
  cur: Decimal | undefined,
  pri: Decimal | undefined,
  threshold: Decimal,
): ReportFigure['swing'] {
  if (cur === undefined || pri === undefined || pri.isZero()) return undefined;
  if (cur.minus(pri).dividedBy(pri.abs()).abs().lessThanOrEqualTo(threshold)) return undefined;
  const subjects = [f.id, figureId(f.indicatorId, f.entityId, f.periodId, {})];
  const e = bundle.registers.explanations.find((x) => subjects.includes(x.subject));
  return { explanation: e ? e.text : null };
}

export const DEFAULT_CHANGE_THRESHOLD = '0.3';

export function reportFigures(
  bundle: Bundle,
  figures: readonly Figure[],
  changeThreshold: string = DEFAULT_CHANGE_THRESHOLD,
): ReportFigure[] {
  const threshold = new Decimal(changeThreshold);
  const catalogue = bundleCatalogue(bundle);
  const catalogueOrder = new Map([...catalogue.keys()].map((id, i) => [id, i]));
  const entityOrder = new Map(bundle.organisation.entities.map((e, i) => [e.id, i]));
  const entityName = new Map(bundle.organisation.entities.map((e) => [e.id, e.name]));
  const current = bundle.reporting.current;
  const prior = bundle.reporting.prior[0] ?? null;
  const byId = new Map(figures.map((f) => [f.id, f]));
  const years = figures.filter((f) => parsePeriod(f.periodId)?.kind === 'year');
  const currentIds = new Set(years.filter((f) => f.periodId === current).map((f) => f.id));

  const rows: ReportFigure[] = [];
  for (const f of years) {
    const isCurrent = f.periodId === current;
    const priorId = prior === null ? null : figureId(f.indicatorId, f.entityId, prior, f.disaggregation);
    const isOrphanPrior =
      f.periodId === prior && !currentIds.has(figureId(f.indicatorId, f.entityId, current, f.disaggregation));
    if (!isCurrent && !isOrphanPrior) continue;
    const ind = catalogue.get(f.indicatorId);
    const me = shown(f, ind);
    const p = isCurrent && priorId ? byId.get(priorId) : isOrphanPrior ? f : undefined;
    const pv = p ? shown(p, ind) : undefined;
    const precision = f.precision;
    const priors = comparativeYears(bundle).map((y): { periodId: string; value: NumberText | null } => {
      const x =
        y === f.periodId ? undefined : byId.get(figureId(f.indicatorId, f.entityId, y, f.disaggregation));
      const xv = isCurrent && x ? shown(x, ind) : undefined;
      return { periodId: y, value: xv && 'value' in xv ? formatNumber(xv.value, precision) : null };
    });
    const cur = isCurrent && 'value' in me ? me.value : undefined;
    const pri = pv && 'value' in pv ? pv.value : undefined;
    const swing = isCurrent ? swingOf(bundle, f, cur, pri, threshold) : undefined;
    const label = joinLabels(
      ind?.name ?? { 'zh-Hant': f.indicatorId, en: f.indicatorId },
      Object.keys(f.disaggregation)
        .sort()
        .map((axis) => axisValueLabel(f.disaggregation[axis] ?? '')),
    );
    rows.push({
      id: f.id,
      indicatorId: f.indicatorId,
      sectionId: sectionOfIndicator(f.indicatorId),
      label,
      unit: me.unit,
      entityId: f.entityId,
      entity: entityName.get(f.entityId) ?? { 'zh-Hant': f.entityId, en: f.entityId },
      periodId: f.periodId,
      disaggregation: f.disaggregation,
      precision,
      exact: cur === undefined ? null : cur.toString(),
      current: cur === undefined ? null : formatNumber(cur, precision),
      priorId: p ? p.id : null,
      prior: pri === undefined ? null : formatNumber(pri, precision),
      priors,
      change: cur !== undefined && pri !== undefined ? formatChange(cur, pri) : null,
      ...(isCurrent && 'error' in me ? { error: me.error } : {}),
      ...(swing ? { swing } : {}),
      ...(f.method === undefined ? {} : { method: f.method }),
    });
  }
  const sections = sectionOrder();
  const rank = (r: ReportFigure): (number | string)[] => [
    sections.indexOf(r.sectionId),
    catalogueOrder.get(r.indicatorId) ?? Number.MAX_SAFE_INTEGER,
    r.indicatorId,
    entityOrder.get(r.entityId) ?? Number.MAX_SAFE_INTEGER,
    disaggregationKey(r.disaggregation),
  ];
  return rows.sort((a, b) => compareKeys(rank(a), rank(b)));
}

function compareKeys(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
