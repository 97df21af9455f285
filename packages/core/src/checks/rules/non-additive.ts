/**
 * Sums that mean nothing (issue #24), in the reconciliation family: a printed number that claims an
 * indicator without a category on an axis the catalogue marks non-additive
 * (Indicator.nonAdditiveAxes) — "air emissions 1,234 t" adding NOx, SOx and particulate matter,
 * three substances — is a `non-additive-total` warning. Assay forms no such total (consolidation
 * skips those axes; validation refuses a data point without the category), and year on year never
 * compares one.
 */

import { parseFigureId } from '../../calc/figure.js';
import { type CheckContext, claimedFigureId, whereOf } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { unitLabelOf } from '../util/readings.js';
import { isNonAdditiveTotal } from '../util/roll-up.js';

/** Axis names in Chinese for the message (the axis id otherwise). */
const AXIS_ZH: Readonly<Record<string, string>> = { pollutant: '污染物', material: '物料', category: '類別' };
const zhAxes = (axes: readonly string[]) => axes.map((a) => AXIS_ZH[a] ?? a).join('、');

export const nonAdditiveRule: CheckRule = { id: 'reconciliation', run };

function run(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.bundle.published) {
    if (p.value === null) continue;
    const ref = claimedFigureId(p);
    const key = ref ? parseFigureId(ref) : undefined;
    const indicatorId = key?.indicatorId ?? p.indicatorId;
    const d = key?.disaggregation ?? p.disaggregation;
    if (!indicatorId || !isNonAdditiveTotal(ctx, indicatorId, d)) continue;
    const ind = ctx.catalogue.get(indicatorId);
    const axes = (ind?.nonAdditiveAxes ?? []).filter((a) => !(a in d));
    out.push({
      ruleId: 'reconciliation',
      code: 'non-additive-total',
      severity: 'warning',
      where: whereOf(p),
      expected: `one figure per ${axes.join(', ')}`,
      actual: `${p.printed} ${unitLabelOf(p)}`.trim(),
      expectedText: msg(`one figure per ${axes.join(', ')}`, `按${zhAxes(axes)}逐項列示`),
      message: msg(
        `${p.id} prints ${p.printed} ${unitLabelOf(p)} as one ${ind?.name.en ?? indicatorId} figure, a total over ${axes.join(', ')}: its categories are different substances and their sum means nothing; print each one.`,
        `${p.id} 將${ind?.name['zh-Hant'] ?? indicatorId}印為單一數字 ${p.printed} ${unitLabelOf(p)}，即跨${zhAxes(axes)}的合計；各類別為不同物質，相加並無意義，應逐項列示。`,
      ),
    });
  }
  return out;
}
