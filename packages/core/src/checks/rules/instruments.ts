/**
 * Rule 10, instruments. Energy attribute certificates (green-certificate activity lines) are
 * used once: a batch claimed twice, or for market-based Scope 2 and again as an offset, is an
 * error; a certificate presented as an offset is a warning (a GEC carries the attribute of one
 * MWh of renewable power; it does not remove or avoid emissions elsewhere). A figure the graph
 * could not compute because of double use is reported too.
 */
import { rootCause } from '../../errors.js';
import type { ActivityLine } from '../../model/fact.js';
import { isQuantity } from '../../units/quantity.js';
import { unitLabelZh } from '../../units/unit.js';
import { type CheckContext, whereOfFigure } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';
import { show } from '../util/compare.js';

export const instrumentsRule: CheckRule = { id: 'instruments', run };

const where = (l: ActivityLine) => ({
  entityId: l.entityId,
  periodId: l.periodId,
  section: `activity-lines ${l.id}`,
});

function run(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const certs = ctx.bundle.activityLines.filter((l) => l.activity === 'green-certificate');
  const byBatch = new Map<string, ActivityLine[]>();
  for (const l of certs) {
    const b = l.attributes.batch ?? l.id;
    byBatch.set(b, [...(byBatch.get(b) ?? []), l]);
  }
  for (const [batch, ls] of byBatch) {
    if (ls.length < 2) continue;
    const claims = ls.map((l) => l.attributes.claim ?? 'scope2-market');
    const first = ls[0] as ActivityLine;
    out.push({
      ruleId: 'instruments',
      code: new Set(claims).size > 1 ? 'claimed-two-ways' : 'claimed-twice',
      severity: 'error',
      where: where(first),
      expected: 'each certificate claimed once',
      actual: ls.map((l) => `${l.id} (${l.attributes.claim ?? 'scope2-market'})`).join(', '),
      expectedText: msg('each certificate claimed once', '每張證書只申報一次'),
      actualText: msg(
        ls.map((l) => `${l.id} (${l.attributes.claim ?? 'scope2-market'})`).join(', '),
        ls.map((l) => `${l.id}（${l.attributes.claim ?? 'scope2-market'}）`).join('、'),
      ),
      message: msg(
        `Certificate batch ${batch} is claimed ${ls.length} times (${claims.join(', ')}) in ${ls.map((l) => l.id).join(', ')}.`,
        `綠證批次 ${batch} 被重複申報 ${ls.length} 次（${claims.join('、')}），見 ${ls.map((l) => l.id).join('、')}。`,
      ),
    });
  }
  for (const l of certs.filter((x) => x.attributes.claim === 'offset'))
    out.push({
      ruleId: 'instruments',
      code: 'certificate-as-offset',
      severity: 'warning',
      where: where(l),
      expected: 'claim=scope2-market (or not claimed)',
      actual: `claim=offset, ${show(l.amount.value)} ${l.amount.unit.symbol}`,
      expectedText: msg(
        'claim=scope2-market (or not claimed)',
        '用於基於市場的範圍二（claim=scope2-market）或不申報',
      ),
      actualText: msg(
        `claim=offset, ${show(l.amount.value)} ${l.amount.unit.symbol}`,
        `列作抵銷（claim=offset），${show(l.amount.value)} ${unitLabelZh(l.amount.unit)}`,
      ),
      message: msg(
        `${l.id}: ${show(l.amount.value)} green electricity certificates are presented as offsets; a certificate only carries the renewable attribute of 1 MWh for market-based Scope 2 and does not offset emissions.`,
        `${l.id}：${show(l.amount.value)} 張綠色電力證書被列作抵銷；綠證只代表 1 兆瓦時可再生電力的環境屬性，可用於基於市場的範圍二計算，不能抵銷排放。`,
      ),
    });
  for (const f of ctx.figures) {
    if (isQuantity(f.value) || rootCause(f.value).code !== 'instrument-double-use') continue;
    out.push({
      ruleId: 'instruments',
      code: 'double-use-figure',
      severity: 'error',
      where: whereOfFigure(f),
      actual: rootCause(f.value).message,
      message: msg(
        `${f.id} cannot be computed: ${rootCause(f.value).message}.`,
        `${f.id} 無法計算：有綠證批次被重複使用（${rootCause(f.value).origin}）。`,
      ),
    });
  }
  return out;
}
