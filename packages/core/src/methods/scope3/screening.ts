/**
 * First-year Scope 3 screening (GHG Protocol Scope 3 Standard, ch. 6: estimate every category,
 * then identify the relevant ones by size and the other criteria of its Table 6.1).
 * Per category, for the current year at the group:
 *   estimate = the reported figure ghg.scope3[category] when the group reports the category
 *              (basis "reported"), else Σ the tCO2e of its screening lines (attribute
 *              `screening=yes`, usually spend-based; basis "screening"), else none ("none").
 *   share    = estimate ÷ Σ estimates × 100 (per cent, exact; round at output).
 *   relevant by size when share ≥ thresholdPercent (assay.yaml methods.scope3.screening,
 *   default 5), and by each criterion the screening states for it (`relevant`).
 *   included when the group reports it; an excluded category carries the stated justification
 *   (`excluded`), which the content index prints (frameworks/scope3-disclosure.ts).
 * Screening lines are summed as entered (no equity-share scaling): an estimate for relevance,
 * not an inventory figure.
 */
import type { CalcGraph } from '../../calc/graph.js';
import { Decimal } from '../../decimal.js';
import type { Bundle } from '../../model/bundle.js';
import type { Scope3Criterion, Scope3ScreeningSettings } from '../../model/methods.js';
import { groupEntity } from '../../model/organisation.js';
import type { LocalisedText } from '../../model/text.js';
import { toBase } from '../../units/quantity.js';
import { SCOPE3_CATEGORIES } from './categories.js';
import { isScreeningLine, methodOf, scope3LineNode } from './scope3-factor.js';

export type ScreenedCategory = {
  readonly category: string;
  readonly basis: 'reported' | 'screening' | 'none';
  /** tCO2e, exact; undefined when nothing estimates the category. */
  readonly estimate?: Decimal;
  /** Per cent of the screened total, exact; undefined without an estimate or a total. */
  readonly share?: Decimal;
  /** The methods of the lines the estimate comes from ("spend-based", "given"…). */
  readonly methods: readonly string[];
  /** Node ids the estimate sums (the figure, or each screening line's tCO2e node), for lineage. */
  readonly nodes: readonly string[];
  /** The criteria that make it relevant: "size" by the threshold, the others as stated. */
  readonly relevantBy: readonly Scope3Criterion[];
  readonly included: boolean;
  readonly justification?: LocalisedText;
};

export type Scope3Screening = {
  readonly year: string;
  readonly thresholdPercent: Decimal;
  /** Σ estimates, tCO2e. */
  readonly total: Decimal;
  readonly categories: readonly ScreenedCategory[];
};

export const DEFAULT_SCREENING: Scope3ScreeningSettings = { thresholdPercent: '5' };

/** The group figure id of a category in a year. */
export function scope3CategoryFigureId(bundle: Bundle, category: string, year: string): string {
  return `ghg.scope3[category=${category}]@${groupEntity(bundle.organisation).id}/${year}`;
}

function tonnes(graph: CalcGraph, node: string): Decimal | undefined {
  const v = graph.value(node);
  return v?.kind === 'quantity' ? toBase(v) : undefined; // tCO2e: the base unit of the co2e dimension
}

export function screenScope3(bundle: Bundle, graph: CalcGraph): Scope3Screening {
  const year = bundle.reporting.current;
  const settings = bundle.methods.scope3?.screening ?? DEFAULT_SCREENING;
  const threshold = new Decimal(settings.thresholdPercent);
  const screeningLines = bundle.activityLines.filter(
    (l) => l.activity === 'scope3' && isScreeningLine(l) && l.periodId.startsWith(year),
  );
  const reportedLines = bundle.activityLines.filter(
    (l) => l.activity === 'scope3' && !isScreeningLine(l) && l.periodId.startsWith(year),
  );
  const estimated = SCOPE3_CATEGORIES.map((c) => {
    const figure = scope3CategoryFigureId(bundle, c.id, year);
    const reported = graph.has(figure) ? tonnes(graph, figure) : undefined;
    if (reported !== undefined) {
      const methods = reportedLines.filter((l) => l.subject === c.id).map(methodOf);
      return { c, basis: 'reported' as const, estimate: reported, methods, nodes: [figure] };
    }
    const mine = screeningLines.filter((l) => l.subject === c.id);
    const values = mine.map((l) => tonnes(graph, scope3LineNode(l)));
    if (mine.length === 0 || values.some((v) => v === undefined))
      return { c, basis: 'none' as const, methods: [], nodes: [] };
    const estimate = (values as Decimal[]).reduce((a, b) => a.plus(b), new Decimal(0));
    return {
      c,
      basis: 'screening' as const,
      estimate,
      methods: mine.map(methodOf),
      nodes: mine.map(scope3LineNode),
    };
  });
  const total = estimated.reduce((a, e) => (e.estimate ? a.plus(e.estimate) : a), new Decimal(0));
  const categories = estimated.map(({ c, basis, estimate, methods, nodes }): ScreenedCategory => {
    const share =
      estimate !== undefined && total.greaterThan(0) ? estimate.times(100).dividedBy(total) : undefined;
    const stated = settings.relevant?.[c.id] ?? [];
    const bySize = share?.greaterThanOrEqualTo(threshold) === true;
    const relevantBy = [...new Set<Scope3Criterion>([...(bySize ? ['size' as const] : []), ...stated])];
    const included = basis === 'reported';
    const justification = included ? undefined : settings.excluded?.[c.id];
    return {
      category: c.id,
      basis,
      ...(estimate === undefined ? {} : { estimate }),
      ...(share === undefined ? {} : { share }),
      methods: [...new Set(methods)],
      nodes,
      relevantBy,
      included,
      ...(justification === undefined ? {} : { justification }),
    };
  });
  return { year, thresholdPercent: threshold, total, categories };
}
