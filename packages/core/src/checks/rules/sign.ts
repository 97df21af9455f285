/**
 * Sign rule (issue #24), in the plausibility family: a value below zero of an indicator that cannot
 * be negative. Whether an indicator may be negative is catalogue data (`Indicator.signed`; absent:
 * it cannot — emissions, energy, headcounts, water withdrawn, waste…). Bundle inputs are refused
 * at validation already (data points: bundle/load-facts.ts; activity amounts are never negative);
 * this rule covers what validation cannot refuse:
 *
 * - `negative-printed`: a printed number (published.csv) that claims such an indicator and is below
 *   zero — the report is what it is, so it is a finding, not a refusal (error);
 * - `negative-figure`: a figure Assay computes below zero for such an indicator (a deduction larger
 *   than what it is deducted from, a carbon balance whose outputs exceed its inputs) (error),
 *   reported where it originates: a total whose roll-up children (util/roll-up.ts) include a
 *   negative figure is not reported again.
 *
 * Zero is not negative ("-0" prints as zero). Nothing here reads intervals: a printed value below
 * zero is below zero at any precision (−0.004 printed "-0.00" has value zero and is not flagged).
 */

import { parseFigureId } from '../../calc/figure.js';
import { isQuantity } from '../../units/quantity.js';
import { type CheckContext, claimedFigureId, whereOf, whereOfFigure } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { show } from '../util/compare.js';
import { unitLabelOf } from '../util/readings.js';
import { rollUps } from '../util/roll-up.js';

export const signRule: CheckRule = { id: 'plausibility', run };

/** Whether the catalogue lets the indicator go below zero (unknown indicators: no opinion). */
function mayBeNegative(ctx: CheckContext, indicatorId: string | undefined): boolean {
  const ind = indicatorId ? ctx.catalogue.get(indicatorId) : undefined;
  return !ind || ind.signed === true;
}

function run(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.bundle.published) {
    if (p.value === null || !p.value.isNegative() || p.value.isZero()) continue;
    const ref = claimedFigureId(p);
    const indicatorId = (ref ? parseFigureId(ref)?.indicatorId : undefined) ?? p.indicatorId;
    if (!indicatorId || mayBeNegative(ctx, indicatorId)) continue;
    const name = ctx.catalogue.get(indicatorId)?.name;
    out.push({
      ruleId: 'plausibility',
      code: 'negative-printed',
      severity: 'error',
      where: whereOf(p),
      expected: '≥ 0',
      actual: `${p.printed} ${unitLabelOf(p)}`.trim(),
      expectedText: msg('zero or more', '零或以上'),
      message: msg(
        `${p.id} prints ${p.printed} ${unitLabelOf(p)} for ${indicatorId} (${name?.en ?? indicatorId}), which cannot be negative.`,
        `${p.id} 就 ${indicatorId}（${name?.['zh-Hant'] ?? indicatorId}）印為 ${p.printed} ${unitLabelOf(p)}，但該指標不可能為負數。`,
      ),
    });
  }
  const negative = (id: string) => {
    const v = ctx.figureById.get(id)?.value;
    return v !== undefined && isQuantity(v) && v.value.isNegative() && !v.value.isZero();
  };
  const { childrenOf } = rollUps(ctx);
  for (const f of ctx.figures) {
    if (!negative(f.id) || mayBeNegative(ctx, f.indicatorId)) continue;
    if (childrenOf(f.id).some(negative)) continue; // reported at the child where it originates
    if (!isQuantity(f.value)) continue;
    const value = `${show(f.value.value)} ${f.value.unit.symbol}`;
    out.push({
      ruleId: 'plausibility',
      code: 'negative-figure',
      severity: 'error',
      where: whereOfFigure(f),
      expected: '≥ 0',
      actual: value,
      expectedText: msg('zero or more', '零或以上'),
      message: msg(
        `${f.id} computes to ${value}, but ${f.indicatorId} cannot be negative: an input or a deduction is wrong.`,
        `${f.id} 計算結果為 ${value}，但 ${f.indicatorId} 不可能為負數：某項輸入或扣減有誤。`,
      ),
    });
  }
  return out;
}
