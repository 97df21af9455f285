/**
 * HKEX B7.1 (number of concluded legal cases regarding corrupt practices brought against the
 * issuer or its employees during the reporting period) derived from the compliance case counts
 * (compliance-case-counts.ts; docs/registers.md "Compliance cases", "B7.1 in the report").
 *
 * Rule: when the case register has any case counted in the reporting year (concluded in it, or
 * open at its end), the figure `anticorruption.cases@<root entity>/<year>` is the number of
 * `legal-case` cases concluded in the year (any outcome) and replaces a typed-in value; when it
 * has none, nothing is derived and the typed data point stands. The lineage names counts only:
 * one node per (kind, type, outcome) line summed, labelled by its terms and count; no case id,
 * date, entity or text exists in the input to leak.
 */
import type { Figure } from '../calc/figure.js';
import { figureId } from '../calc/figure.js';
import type { Lineage } from '../calc/lineage.js';
import { Decimal } from '../decimal.js';
import type { Bundle } from '../model/bundle.js';
import type { LocalisedText } from '../model/text.js';
import { quantity } from '../units/quantity.js';
import type { CaseCount } from './compliance-case-counts.js';

export const CASE_COUNT_INDICATOR = 'anticorruption.cases';
export const CASE_COUNT_METHOD = 'counted from the compliance case register (counts only)';

const TYPE_TEXT: Readonly<Record<CaseCount['type'], LocalisedText>> = {
  bribery: { 'zh-Hant': '賄賂', en: 'bribery' },
  extortion: { 'zh-Hant': '勒索', en: 'extortion' },
  fraud: { 'zh-Hant': '欺詐', en: 'fraud' },
  'money-laundering': { 'zh-Hant': '洗黑錢', en: 'money laundering' },
  other: { 'zh-Hant': '其他', en: 'other' },
};
const OUTCOME_TEXT: Readonly<Record<CaseCount['outcome'], LocalisedText>> = {
  substantiated: { 'zh-Hant': '屬實', en: 'substantiated' },
  unsubstantiated: { 'zh-Hant': '不屬實', en: 'unsubstantiated' },
  withdrawn: { 'zh-Hant': '撤回', en: 'withdrawn' },
  open: { 'zh-Hant': '未結', en: 'open' },
};

/** One counted line as printed in the lineage (both languages). */
export function caseCountText(a: Readonly<Record<string, string>>): LocalisedText {
  const t = TYPE_TEXT[a.type as CaseCount['type']] ?? { 'zh-Hant': '其他', en: 'other' };
  const o = OUTCOME_TEXT[a.outcome as CaseCount['outcome']] ?? { 'zh-Hant': '未結', en: 'open' };
  return {
    'zh-Hant': `已審結法律案件：${t['zh-Hant']}，${o['zh-Hant']}（${a.year}年，${a.count}宗）`,
    en: `concluded legal cases: ${t.en}, ${o.en} (${a.year}, ${a.count})`,
  };
}

export type CaseCountFigure = { readonly figure: Figure; readonly lineage: Lineage };

/** The derived B7.1 figure for the bundle's reporting year, or undefined (keep the typed value). */
export function caseCountFigure(bundle: Bundle, counts: readonly CaseCount[]): CaseCountFigure | undefined {
  if (counts.length === 0) return undefined;
  const root = bundle.organisation.entities.find((e) => e.parentId === undefined);
  if (!root) return undefined;
  const year = bundle.reporting.current;
  const lines = counts.filter((c) => c.kind === 'legal-case' && c.outcome !== 'open');
  const total = lines.reduce((n, c) => n + c.count, 0);
  const id = figureId(CASE_COUNT_INDICATOR, root.id, year);
  const value = quantity(new Decimal(total), 'count');
  const meta = {
    indicatorId: CASE_COUNT_INDICATOR,
    entityId: root.id,
    periodId: year,
    disaggregation: {},
    precision: 0,
    method: CASE_COUNT_METHOD,
  };
  const children: Lineage[] = lines.map((c) => {
    const args = { type: c.type, outcome: c.outcome, year, count: String(c.count) };
    const text = caseCountText(args);
    return {
      id: `case-count:${c.kind}/${c.type}/${c.outcome}/${year}`,
      kind: 'constant',
      label: text.en,
      labelKey: { key: 'case-count', args },
      text,
      value: quantity(new Decimal(c.count), 'count'),
      children: [],
    };
  });
  return {
    figure: { id, ...meta, value },
    lineage: {
      id,
      kind: 'derived',
      op: 'sum',
      label: `${CASE_COUNT_INDICATOR}, ${root.id}, ${year}`,
      value,
      figure: meta,
      note: CASE_COUNT_METHOD,
      children,
    },
  };
}
