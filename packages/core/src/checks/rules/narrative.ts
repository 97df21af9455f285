/**
 * Rule 12, narrative numbers (docs/checks.md; syntax and exemptions in model/narrative-refs.ts):
 * - `narrative-unresolved` (error): a placeholder that cannot be read, names a period other than
 *   the report's current or prior year, names no figure, or names a figure in error — the report
 *   prints a visible ⟦…⟧ marker there (report/narrative-text.ts);
 * - `narrative-unbound-number` (warning): a number typed into narrative text that no placeholder
 *   binds, one finding per narrative section and language listing the numbers. Either blocks a
 *   final report (report/publication-gate.ts).
 */

import { narrativeRefs, unboundNumbers } from '../../model/narrative-refs.js';
import { groupEntity } from '../../model/organisation.js';
import type { Lang } from '../../model/text.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';

export const narrativeRule: CheckRule = { id: 'narrative', run };

const LANGS: readonly Lang[] = ['zh-Hant', 'en'];
const LANG_ZH: Record<Lang, string> = { 'zh-Hant': '繁體中文', en: '英文' };

function run(ctx: CheckContext): Finding[] {
  const b = ctx.bundle;
  const group = groupEntity(b.organisation).id;
  const years = new Set([b.reporting.current, ...b.reporting.prior.slice(0, 1)]);
  const out: Finding[] = [];
  for (const n of b.narrative)
    for (const lang of LANGS) {
      const text = n.body[lang];
      const section = `narrative ${n.id} (${lang})`;
      for (const ref of narrativeRefs(text, group, b.reporting.current)) {
        const id = ref.figureId;
        const f = id ? ctx.figureById.get(id) : undefined;
        const period = id?.slice(id.lastIndexOf('/') + 1);
        const why = !id
          ? msg('cannot be read', '無法解讀')
          : period === undefined || !years.has(period)
            ? msg(
                `names period ${period}, not the report's year or prior year`,
                `所指期間${period}不是報告年度或上一年度`,
              )
            : !f
              ? msg('names no figure', '沒有對應的數據')
              : f.value.kind === 'error'
                ? msg(`names a figure in error: ${f.value.message}`, '所指數據未能計算')
                : undefined;
        if (!why) continue;
        out.push({
          ruleId: 'narrative',
          code: 'narrative-unresolved',
          severity: 'error',
          where: { section, ...(id ? { figureId: id } : {}) },
          actual: ref.raw,
          message: msg(
            `Narrative "${n.id}" (${lang}): the placeholder ${ref.raw} ${why.en}; the report prints it as an unresolved marker.`,
            `敘述「${n.id}」（${LANG_ZH[lang]}）：數據引用 ${ref.raw} ${why['zh-Hant']}；報告中顯示為未能解析的標記。`,
          ),
        });
      }
      const loose = unboundNumbers(text);
      if (loose.length > 0)
        out.push({
          ruleId: 'narrative',
          code: 'narrative-unbound-number',
          severity: 'warning',
          where: { section },
          actual: loose.join(', '),
          message: msg(
            `Narrative "${n.id}" (${lang}) types ${loose.length} number(s) not bound to a figure: ${loose.join(', ')}. Write {{figure:<id>}} instead, so the text follows the data.`,
            `敘述「${n.id}」（${LANG_ZH[lang]}）有${loose.length}個數字未與數據綁定：${loose.join('、')}。請改用 {{figure:<id>}}，使文字隨數據更新。`,
          ),
        });
    }
  return out;
}
