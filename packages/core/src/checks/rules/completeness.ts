/**
 * Rule 8, completeness, from the frameworks code (frameworks/assess-completeness.ts) for every
 * framework the bundle reports against: a mandatory provision missing (or explained away) is an
 * error; a comply-or-explain element missing without an explanation is a warning; citing a
 * withdrawn or unknown provision is a warning; a reporting year for which a framework has no
 * edition loaded is an error (nothing could be assessed). Findings repeated across frameworks
 * appear once. With the approved materiality outcome (options.materiality; docs/frameworks.md
 * "Materiality and completeness") a not-material aspect's omission is explained by the approval,
 * and a material aspect's missing provision keeps its warning (same code, so the same finding id)
 * with a message saying the approved topic list requires it.
 */
import { assessCompleteness } from '../../frameworks/assess-completeness.js';
import { editionsText, isFrameworkId } from '../../frameworks/registry.js';
import { requirementNamer } from '../../frameworks/requirement-text.js';
import type { CheckContext } from '../context.js';
import type { Finding } from '../finding.js';
import { type CheckRule, msg } from '../rule.js';

export const completenessRule: CheckRule = { id: 'completeness', run };

function run(ctx: CheckContext): Finding[] {
  const out = new Map<string, Finding>();
  const add = (key: string, f: Finding) => {
    if (!out.has(key)) out.set(key, f);
  };
  const periodId = ctx.bundle.reporting.current;
  // requirement ids by their Chinese names in the zh-Hant texts (the English keep the ids)
  const nameOf = requirementNamer(ctx.bundle);
  for (const fw of ctx.bundle.frameworks.frameworks.filter(isFrameworkId)) {
    const report = assessCompleteness({
      bundle: ctx.bundle,
      figures: ctx.figures,
      framework: fw,
      ...(ctx.options.materiality ? { materiality: ctx.options.materiality } : {}),
    });
    const required = new Map<
      string,
      Extract<(typeof report.findings)[number], { code: 'material-missing' }>
    >();
    for (const f of report.findings) {
      if (f.code === 'material-missing') {
        required.set(f.provision, f);
        continue;
      }
      if (f.code === 'no-edition') {
        // No edition covers the year: nothing was assessed, which must not read as complete.
        add(`${f.code}|${f.framework}|${f.year}`, {
          ruleId: 'completeness',
          code: f.code,
          severity: 'error',
          where: { section: f.framework, periodId },
          expected: 'an edition of the framework for the reporting year',
          actual: `no edition for FY${f.year}`,
          expectedText: msg('an edition of the framework for the reporting year', '適用於報告年度的框架版本'),
          actualText: msg(`no edition for FY${f.year}`, `沒有${f.year}財政年度的版本`),
          message: msg(
            f.message,
            `${f.framework} 未載入適用於${f.year}財政年度的版本，無法評估披露完整性（可用版本：${editionsText(f.framework)}）。`,
          ),
        });
      } else if ('provision' in f) {
        const explained = f.code === 'mandatory-explained';
        add(`${f.code}|${f.provision}`, {
          ruleId: 'completeness',
          code: f.code,
          severity: 'error',
          where: { section: f.provision, periodId },
          expected: 'disclosed',
          actual: explained ? 'explained' : 'missing',
          expectedText: msg('disclosed', '已披露'),
          actualText: explained ? msg('explained', '僅有解釋') : msg('missing', '未披露'),
          message: msg(
            f.message,
            explained
              ? `${f.provision} 為強制披露項目，不能以解釋代替披露。`
              : `${f.provision} 為強制披露項目，但未有披露。`,
          ),
        });
      } else
        add(`${f.code}|${f.citation}|${f.citedBy}`, {
          ruleId: 'completeness',
          code: f.code,
          severity: 'warning',
          where: { section: f.citedBy },
          actual: f.citation,
          message: msg(
            f.message,
            f.code === 'deprecated-provision'
              ? `${f.citedBy} 引用了已廢止的條文 ${f.citation}。`
              : `${f.citedBy} 引用的 ${f.citation} 並非該框架的條文。`,
          ),
        });
    }
    for (const a of report.provisions) {
      if (a.explanation || a.status === 'disclosed' || a.status === 'explained') continue;
      const missing = a.missing.filter((m) => m.obligation === 'comply-or-explain');
      if (missing.length === 0) continue;
      const tag = `${report.framework}:${a.provision.code}`;
      const requiredBy = required.get(tag);
      add(`coe|${tag}`, {
        ruleId: 'completeness',
        code: 'comply-or-explain-missing',
        severity: 'warning',
        where: { section: tag, periodId },
        expected: 'disclosed, or an explanation',
        actual: `missing ${missing.map((m) => m.requirement).join(', ')}`,
        expectedText: msg('disclosed, or an explanation', '已披露，或已記錄解釋'),
        actualText: msg(
          `missing ${missing.map((m) => m.requirement).join(', ')}`,
          `未披露：${missing.map((m) => nameOf(m.requirement)['zh-Hant']).join('、')}`,
        ),
        message: requiredBy
          ? msg(
              `${tag} is required by the material topics approved on ${requiredBy.approvedOn} (${requiredBy.topics.en}) and is not disclosed (${missing.map((m) => m.requirement).join(', ')}).`,
              `${tag} 屬於${requiredBy.approvedOn}審批的重要議題（${requiredBy.topics['zh-Hant']}）須披露的內容，但未有披露（${missing.map((m) => nameOf(m.requirement)['zh-Hant']).join('、')}）。`,
            )
          : msg(
              `${tag} (comply or explain) is not disclosed (${missing.map((m) => m.requirement).join(', ')}) and no explanation is recorded.`,
              `${tag}（不遵守就解釋）未有披露（${missing.map((m) => nameOf(m.requirement)['zh-Hant']).join('、')}），亦未記錄解釋。`,
            ),
      });
    }
  }
  return [...out.values()];
}
