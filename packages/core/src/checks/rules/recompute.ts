/**
 * Rule 2, recomputation. Every printed figure that names an Assay figure is compared with it:
 * the printed value in its printed unit (converted), and when that does not fit or match, in
 * each unit its label implies. A difference beyond rounding is an error with both numbers and
 * the figure's lineage; a match only under an implied unit is noted.
 */

import type { Decimal } from '../../decimal.js';
import { isCalcError, rootCause } from '../../errors.js';
import type { PublishedFigure } from '../../model/published.js';
import { type CheckContext, claimedFigureId, whereOf } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg, quantityText, unitTextZh } from '../rule.js';
import { show } from '../util/compare.js';
import { printedInterval, showInterval } from '../util/interval.js';
import { lineageBrief } from '../util/lineage-brief.js';
import { comparePublished } from '../util/published-value.js';
import { HOW_TEXT, unitLabelOf } from '../util/readings.js';

/** The printed figure in a Chinese message: its label as printed (「…」), the id when it has none. */
const nameZh = (p: PublishedFigure) => (p.labelZh ? `「${p.labelZh}」` : `${p.id} `);

export const recomputeRule: CheckRule = {
  id: 'recompute',
  run: (ctx) =>
    ctx.bundle.published.flatMap((p) => (p.value === null || !p.figureRef ? [] : checkOne(ctx, p))),
};

function checkOne(ctx: CheckContext, p: PublishedFigure): Finding[] {
  const ref = claimedFigureId(p) as string;
  const where = whereOf(p);
  const cmp = comparePublished(ctx, p);
  const base = { ruleId: 'recompute' as const, where, actual: `${p.printed} ${unitLabelOf(p)}`.trim() };
  if (!cmp.figure)
    return [
      {
        ...base,
        code: 'not-computable',
        severity: 'info',
        message: msg(
          `${ref} cannot be computed from the bundle's inputs, so the printed value is not checked.`,
          `無法由數據包的輸入計算 ${ref}，所印數值未能核對。`,
        ),
      },
    ];
  const value = cmp.figure.value;
  if (isCalcError(value)) {
    if (rootCause(value).code === 'instrument-double-use') return []; // reported by the instruments rule
    return [
      {
        ...base,
        code: 'figure-error',
        severity: 'warning',
        message: msg(
          `${ref} could not be computed: ${rootCause(value).message}.`,
          `${ref} 無法計算：${rootCause(value).message}。`,
        ),
      },
    ];
  }
  const best = cmp.best;
  if (!best)
    return [
      {
        ...base,
        code: 'unit-incomparable',
        severity: 'info',
        expected: `${show(value.value)} ${value.unit.symbol}`,
        expectedText: quantityText(show(value.value), value.unit),
        message: msg(
          `The printed unit of ${p.id} cannot be read in ${value.unit.symbol}, so the value cannot be compared with the computed ${show(value.value)} ${value.unit.symbol}.`,
          `${nameZh(p)}的所印單位無法換算為${unitTextZh(value.unit)}，未能與計算值 ${show(value.value)} ${unitTextZh(value.unit)} 比較。`,
        ),
      },
    ];
  if (best.outcome !== 'different') {
    if (best.reading.how === 'printed') return [];
    return [
      {
        ...base,
        code: 'matches-implied-unit',
        severity: 'info',
        expected: `${show(best.computed, p.precision)} ${best.reading.unit.symbol}`,
        expectedText: quantityText(show(best.computed, p.precision), best.reading.unit),
        message: msg(
          `${p.id} matches the computed value only when read ${HOW_TEXT[best.reading.how].en} (${best.reading.unit.symbol}).`,
          `${nameZh(p)}只有${HOW_TEXT[best.reading.how]['zh-Hant']}（${unitTextZh(best.reading.unit)}）理解時才與計算值相符。`,
        ),
      },
    ];
  }
  const stands = showInterval(printedInterval(p.value as Decimal, p.precision));
  const readings = cmp.trials
    .map((t) => `${show(t.computed)} ${t.reading.unit.symbol} (${HOW_TEXT[t.reading.how].en})`)
    .join('; ');
  const readingsZh = cmp.trials
    .map((t) => `${show(t.computed)} ${unitTextZh(t.reading.unit)}（${HOW_TEXT[t.reading.how]['zh-Hant']}）`)
    .join('；');
  return [
    {
      ...base,
      code: 'value-differs',
      severity: 'error',
      expected: `${show(best.computed, p.precision)} ${best.reading.unit.symbol}`,
      expectedText: quantityText(show(best.computed, p.precision), best.reading.unit),
      message: msg(
        `${p.id} prints ${p.printed} ${unitLabelOf(p)}, which stands for ${stands} ${best.reading.unit.symbol}, but the inputs give ${show(value.value)} ${value.unit.symbol}, i.e. ${readings}.`,
        `${nameZh(p)}印為「${p.printed} ${unitLabelOf(p)}」（代表 ${stands} ${unitTextZh(best.reading.unit)}），但由輸入計算得 ${show(value.value)} ${unitTextZh(value.unit)}，即 ${readingsZh}。`,
      ),
      lineage: lineageBrief(ctx.graph, ref),
    },
  ];
}
