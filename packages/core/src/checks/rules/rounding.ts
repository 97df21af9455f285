/**
 * Rule 3, rounding. A printed value must equal the computed value rounded half-up at its
 * printed places. Cutting the digits off (truncation) and rounding away from zero are findings
 * of their own; other differences belong to recomputation (rule 2).
 */
import type { PublishedFigure } from '../../model/published.js';
import { type CheckContext, whereOf } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { show } from '../util/compare.js';
import { comparePublished } from '../util/published-value.js';

export const roundingRule: CheckRule = {
  id: 'rounding',
  run: (ctx) => ctx.bundle.published.flatMap((p) => (p.value === null ? [] : checkOne(ctx, p))),
};

function checkOne(ctx: CheckContext, p: PublishedFigure): Finding[] {
  const best = comparePublished(ctx, p).best;
  if (!best || best.outcome === 'equal' || best.outcome === 'different') return [];
  const right = show(best.computed, p.precision);
  const unit = best.reading.unit.symbol;
  const truncated = best.outcome === 'truncated';
  return [
    {
      ruleId: 'rounding',
      code: truncated ? 'truncated' : 'rounded-away',
      severity: 'warning',
      where: whereOf(p),
      expected: `${right} ${unit}`,
      actual: `${p.printed}`,
      message: truncated
        ? msg(
            `${p.printed} cuts off ${show(best.computed)} ${unit} instead of rounding it half-up to ${right}.`,
            `${p.printed} 是把 ${show(best.computed)} ${unit} 直接截斷所得，按四捨五入應為 ${right}。`,
          )
        : msg(
            `${p.printed} rounds ${show(best.computed)} ${unit} away from zero; half-up gives ${right}.`,
            `${p.printed} 把 ${show(best.computed)} ${unit} 向上進位，按四捨五入應為 ${right}。`,
          ),
    },
  ];
}
