/**
 * Data quality of Scope 3 per category, weighted by emissions: score = Σ(E_line × dq_line) ÷
 * Σ E_line over the current year's lines that carry a score (attribute `dq`, 1 best … 5), E in
 * tCO2e as the line's own node computed it (before any equity-share scaling). Lines without a
 * score, screening estimates and category 3 derived from the Scope 1 and 2 lines, are not weighted; `covered` says
 * how many tCO2e the score stands for, so a reader sees what it leaves out.
 */
import type { CalcGraph } from '../../calc/graph.js';
import { Decimal } from '../../decimal.js';
import type { Bundle } from '../../model/bundle.js';
import { toBase } from '../../units/quantity.js';
import { isScreeningLine, scope3LineNode } from './scope3-factor.js';
import { SCOPE3_ATTRIBUTES as A } from './scope3-methods.js';

export type Scope3Quality = {
  readonly category: string;
  /** Emissions-weighted score, exact (round at output). */
  readonly score: Decimal;
  /** tCO2e of the lines with a score. */
  readonly covered: Decimal;
  readonly lines: number;
};

export function scope3Quality(bundle: Bundle, graph: CalcGraph): Scope3Quality[] {
  const year = bundle.reporting.current;
  const sums = new Map<string, { weighted: Decimal; covered: Decimal; lines: number }>();
  for (const l of bundle.activityLines) {
    const dq = l.attributes[A.quality];
    if (l.activity !== 'scope3' || dq === undefined || !l.periodId.startsWith(year) || isScreeningLine(l))
      continue;
    const node = scope3LineNode(l);
    const e = graph.value(node);
    if (e?.kind !== 'quantity') continue;
    const t = toBase(e); // tCO2e, the base unit of the co2e dimension
    const s = sums.get(l.subject) ?? { weighted: new Decimal(0), covered: new Decimal(0), lines: 0 };
    sums.set(l.subject, {
      weighted: s.weighted.plus(t.times(dq)),
      covered: s.covered.plus(t),
      lines: s.lines + 1,
    });
  }
  return [...sums.entries()]
    .filter(([, s]) => s.covered.greaterThan(0))
    .map(([category, s]) => ({
      category,
      score: s.weighted.dividedBy(s.covered),
      covered: s.covered,
      lines: s.lines,
    }));
}
