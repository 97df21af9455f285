/**
 * Rule 3, rounding. A printed value must equal the computed value rounded half-up at its
 * printed places. Cutting the digits off (truncation) and rounding away from zero are findings
 * of their own, but only when they explain the printed value and rounding of the plausible
 * inputs does not: the figure's interval from its inputs at their precision (counts exact,
 * entered values at their places, factors also at three significant digits; util/figure-interval.ts)
 * must not meet the interval the printed value stands for. Other differences belong to
 * recomputation (rule 2).
 */
import type { PublishedFigure } from '../../model/published.js';
import { type CheckContext, whereOf } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg, quantityText, unitTextZh } from '../rule.js';
import { show } from '../util/compare.js';
import { plausibleInterval } from '../util/figure-interval.js';
import { meets, printedInterval, scale, showInterval } from '../util/interval.js';
import { comparePublished } from '../util/published-value.js';

export const roundingRule: CheckRule = {
  id: 'rounding',
  run: (ctx) => ctx.bundle.published.flatMap((p) => (p.value === null ? [] : checkOne(ctx, p))),
};

function checkOne(ctx: CheckContext, p: PublishedFigure): Finding[] {
  const cmp = comparePublished(ctx, p);
  const best = cmp.best;
  if (!best || !cmp.figure || p.value === null || best.outcome === 'equal' || best.outcome === 'different')
    return [];
  const unit = best.reading.unit;
  const printed = printedInterval(p.value, p.precision);
  const fromInputs = plausibleInterval(ctx, cmp.figure.id);
  const inputs = fromInputs ? scale(fromInputs, unit.scale.pow(-1)) : undefined;
  const right = show(best.computed, p.precision);
  const truncated = best.outcome === 'truncated';
  const range = inputs ? showInterval(inputs) : show(best.computed);
  const stands = showInterval(printed);
  if (inputs && meets(printed, inputs))
    // rounding of the inputs explains the printed value as well as truncation does: noted only
    return [
      {
        ruleId: 'rounding',
        code: 'explained-by-input-rounding',
        severity: 'info',
        where: whereOf(p),
        expected: `${right} ${unit.symbol}`,
        expectedText: quantityText(right, unit),
        actual: `${p.printed}`,
        message: msg(
          `${p.printed} is not ${show(best.computed)} ${unit.symbol} rounded half-up (${right}), but factors rounded to three significant digits explain it: the printed value stands for ${stands}, the inputs at plausible precision give ${range}.`,
          `${p.printed} 並非 ${show(best.computed)} ${unitTextZh(unit)} 四捨五入的結果（${right}），但排放因子取三位有效數字即可解釋：所印數值代表 ${stands}，按輸入的合理精度計算為 ${range}。`,
        ),
      },
    ];
  return [
    {
      ruleId: 'rounding',
      code: truncated ? 'truncated' : 'rounded-away',
      severity: 'warning',
      where: whereOf(p),
      expected: `${right} ${unit.symbol}`,
      expectedText: quantityText(right, unit),
      actual: `${p.printed}`,
      message: truncated
        ? msg(
            `${p.printed} cuts off ${show(best.computed)} ${unit.symbol} instead of rounding it half-up to ${right}: the printed value stands for ${stands}, the inputs at their precision give ${range}.`,
            `${p.printed} 是把 ${show(best.computed)} ${unitTextZh(unit)} 直接截斷所得，按四捨五入應為 ${right}：所印數值代表 ${stands}，按輸入精度計算為 ${range}。`,
          )
        : msg(
            `${p.printed} rounds ${show(best.computed)} ${unit.symbol} away from zero; half-up gives ${right}: the printed value stands for ${stands}, the inputs at their precision give ${range}.`,
            `${p.printed} 把 ${show(best.computed)} ${unitTextZh(unit)} 向上進位，按四捨五入應為 ${right}：所印數值代表 ${stands}，按輸入精度計算為 ${range}。`,
          ),
    },
  ];
}
