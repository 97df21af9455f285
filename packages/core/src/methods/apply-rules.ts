/**
 * Apply the declarative rules (rules.ts) at every entity and year, in rule order, over the
 * figures present after consolidation. A rule whose inputs are absent produces no figure (the
 * completeness check reports what cannot be derived); present inputs in error propagate.
 */
import type { Indicator } from '../model/indicator.js';
import type { Organisation } from '../model/organisation.js';
import type { FigureIndex } from './figure-index.js';
import type { DerivedRule, RatioRule } from './rules.js';

type Args = {
  org: Organisation;
  years: readonly string[];
  catalogue: ReadonlyMap<string, Indicator>;
  figures: FigureIndex;
  rules: readonly DerivedRule[];
  methodNote: (indicator: Indicator, entityId?: string) => string;
};

export function applyRules(a: Args): void {
  for (const rule of a.rules) {
    const indicator = a.catalogue.get(rule.indicator);
    if (!indicator) throw new Error(`rule for unknown indicator ${rule.indicator}`);
    for (const entity of a.org.entities) {
      for (const year of a.years) {
        const meta = (d: Record<string, string>) => ({
          indicatorId: rule.indicator,
          entityId: entity.id,
          periodId: year,
          disaggregation: d,
          precision: indicator.precision,
          method: a.methodNote(indicator, entity.id),
        });
        if (rule.kind === 'sum') {
          const inputs = rule.of
            .map((i) => a.figures.get(i, entity.id, year))
            .filter((x): x is string => x !== undefined);
          if (inputs.length === 0 || (rule.all && inputs.length < rule.of.length)) continue;
          a.figures.addDerived(
            meta({}),
            `${indicator.name.en}, ${entity.name.en}, ${year}`,
            { op: 'sum', inputs, unit: indicator.unit },
            `sum of ${rule.of.join(', ')}`,
          );
        } else if (rule.kind === 'total') {
          const total = a.figures.get(rule.of, entity.id, year);
          if (total === undefined) continue;
          a.figures.addDerived(
            meta({}),
            `${indicator.name.en}, ${entity.name.en}, ${year}`,
            { op: 'convert', inputs: [total], unit: indicator.unit },
            `total of ${rule.of}`,
          );
        } else {
          for (const pair of ratioPairs(rule, a.figures, entity.id, year)) {
            a.figures.addDerived(
              meta(pair.disaggregation),
              `${indicator.name.en}, ${entity.name.en}, ${year}`,
              { op: 'ratio', inputs: [pair.numerator, pair.denominator], unit: indicator.unit },
              rule.note ?? `${rule.numerator} ÷ ${rule.denominator}`,
            );
          }
        }
      }
    }
  }
}

type Pair = { numerator: string; denominator: string; disaggregation: Record<string, string> };

function ratioPairs(rule: RatioRule, figures: FigureIndex, entityId: string, year: string): Pair[] {
  if (rule.pairing === 'numerator-total') {
    const n = figures.get(rule.numerator, entityId, year);
    const d = figures.get(rule.denominator, entityId, year);
    return n !== undefined && d !== undefined ? [{ numerator: n, denominator: d, disaggregation: {} }] : [];
  }
  if (rule.pairing === 'total') {
    const n = figures.get(rule.numerator, entityId, year);
    if (n === undefined) return [];
    return figures
      .all(rule.denominator, entityId, year)
      .filter((d) => Object.keys(d.disaggregation).length > 0)
      .map((d) => ({ numerator: n, denominator: d.id, disaggregation: { ...d.disaggregation } }));
  }
  const out: Pair[] = [];
  for (const n of figures.all(rule.numerator, entityId, year)) {
    const d = figures.get(rule.denominator, entityId, year, n.disaggregation);
    if (d !== undefined)
      out.push({ numerator: n.id, denominator: d, disaggregation: { ...n.disaggregation } });
  }
  return out;
}
