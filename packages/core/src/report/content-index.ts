/**
 * Content indices (HKEX, GRI, SASAC). Rows come from the outline's provision codes and, when the
 * framework module supplies them, from its provisions (printed label, text, completeness status,
 * explanation, the narrative sections that disclose them). A provision no section answers is
 * still listed, with its status and explanation. Register explanations ("hkex:<code>") attach
 * to their rows.
 */
import { parseFigureId } from '../calc/figure.js';
import type { ProvisionStatus } from '../frameworks/assess-completeness.js';
import type { Registers } from '../model/registers.js';
import type { LocalisedText } from '../model/text.js';
import type { ReportIndexRow } from './model.js';
import { OUTLINE, type OutlineNode } from './outline.js';
import { flattenOutline, sectionOfIndicator } from './section-of.js';

type Framework = ReportIndexRow['framework'];

/** A framework provision as the completeness assessment sees it (packages/core/src/frameworks). */
export type ProvisionInput = {
  readonly framework: Framework;
  readonly code: string;
  readonly label?: string;
  readonly title?: LocalisedText;
  readonly status?: ReportIndexRow['status'];
  /** The explanation of an omission, or a disclosed row's note (Scope 3 by category: the categories included). */
  readonly explanation?: LocalisedText;
  /** Narrative section ids ("emissions", "climate-strategy") that disclose it. */
  readonly narrativeIds?: readonly string[];
  /** Registers that disclose it ("targets"): printed in the section REGISTER_SECTION names. */
  readonly registers?: readonly string[];
  /** Figure ids that disclose it: printed in their indicator's section (section-of.ts). */
  readonly figureIds?: readonly string[];
};

/**
 * Where each register is printed (outline.ts extras). A register with no place (policies) gives
 * a provision no place: it cannot count as disclosed in the report.
 */
const REGISTER_SECTION: Readonly<Record<string, string>> = {
  stakeholders: 'stakeholder-engagement',
  materialTopics: 'materiality',
  climateRisks: 'climate',
  targets: 'climate',
  supplierPractices: 'supply-chain',
};

/**
 * Honest status (issue #19): a provision is disclosed or partly disclosed in the report only with
 * a place in it; evidence the report does not print leaves it not disclosed.
 */
function placedStatus(status: ProvisionStatus, placed: boolean): ProvisionStatus {
  if (!placed && (status === 'disclosed' || status === 'partly-disclosed')) return 'missing';
  return status;
}

/** HKEX order: Part B (MDR), then A1..B8 (general disclosure before its KPIs), then Part D by pillar. */
const D_PILLARS = ['D.GOV', 'D.STR', 'D.RM', 'D.MT'];
function hkexKey(code: string): string {
  const m = /^([AB])(\d+)\.(GD|\d+)$/.exec(code);
  if (m)
    return `${m[1] === 'A' ? 1 : 2}|${(m[2] ?? '').padStart(3, '0')}|${m[3] === 'GD' ? '000' : (m[3] ?? '').padStart(3, '0')}`;
  if (code.startsWith('MDR')) return `0|${code}`;
  const pillar = D_PILLARS.findIndex((p) => code.startsWith(p));
  return `3|${pillar < 0 ? 9 : pillar}|${code}`;
}
const numericKey = (code: string) => code.replace(/\d+/g, (d) => d.padStart(4, '0'));
const hkexLabel = (code: string) => (/^[AB]\d+\.\d+$/.test(code) ? `KPI ${code}` : code);
/** A code as printed when the framework module does not supply a label ("KPI A1.1", "GRI 302-4"). */
const printedLabel = (framework: Framework, code: string) =>
  framework === 'hkex' ? hkexLabel(code) : framework === 'gri' ? `GRI ${code}` : code;

function titles(nodes: readonly OutlineNode[]): LocalisedText {
  return {
    'zh-Hant': nodes.map((n) => n.title['zh-Hant']).join('；'),
    en: nodes.map((n) => n.title.en).join('; '),
  };
}

function sectionsForNarrative(nodes: readonly OutlineNode[], ids: readonly string[]): OutlineNode[] {
  return nodes.filter((n) =>
    (n.narrative ?? []).some(
      (x) => ids.includes(x) || (x.startsWith('climate-') && ids.some((i) => i.startsWith('climate-'))),
    ),
  );
}

export function reportContentIndex(
  registers: Registers,
  provisions: readonly ProvisionInput[] = [],
): ReportIndexRow[] {
  const nodes = flattenOutline(OUTLINE);
  const rows: ReportIndexRow[] = [];
  for (const framework of ['hkex', 'gri', 'sasac'] as const) {
    const supplied = provisions.filter((p) => p.framework === framework);
    const codes = new Map<string, OutlineNode[]>();
    if (framework === 'sasac' && supplied.length === 0) {
      for (const n of nodes)
        for (const topic of n.sasac ?? []) codes.set(topic.en, [...(codes.get(topic.en) ?? []), n]);
      const topicOf = new Map(nodes.flatMap((n) => (n.sasac ?? []).map((x) => [x.en, x] as const)));
      for (const [en, answered] of codes)
        rows.push({
          framework,
          code: '',
          label: '',
          title: topicOf.get(en) ?? { 'zh-Hant': en, en },
          sectionIds: answered.map((n) => n.id),
        });
      continue;
    }
    if (framework !== 'sasac')
      for (const n of nodes) for (const c of n[framework] ?? []) codes.set(c, [...(codes.get(c) ?? []), n]);
    // With the framework's provisions supplied, the index lists exactly them (each with its
    // status); outline codes the framework does not hold would have no status and are left out.
    if (supplied.length > 0)
      for (const c of [...codes.keys()]) if (!supplied.some((p) => p.code === c)) codes.delete(c);
    for (const p of supplied) {
      const extra = [
        ...sectionsForNarrative(nodes, p.narrativeIds ?? []),
        ...nodes.filter(
          (n) =>
            (p.registers ?? []).some((r) => REGISTER_SECTION[r.split('#')[0] ?? r] === n.id) ||
            (p.figureIds ?? []).some((f) => sectionOfIndicator(parseFigureId(f)?.indicatorId ?? '') === n.id),
        ),
      ];
      codes.set(p.code, [...new Set([...(codes.get(p.code) ?? []), ...extra])]);
    }
    const key = framework === 'hkex' ? hkexKey : numericKey;
    for (const code of [...codes.keys()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))) {
      const answered = codes.get(code) ?? [];
      const p = supplied.find((x) => x.code === code);
      const explanation =
        p?.explanation ?? registers.explanations.find((e) => e.subject === `${framework}:${code}`)?.text;
      rows.push({
        framework,
        code,
        label: p?.label ?? printedLabel(framework, code),
        title: p?.title ?? titles(answered),
        sectionIds: answered.map((n) => n.id),
        ...(p?.status ? { status: placedStatus(p.status, answered.length > 0) } : {}),
        ...(explanation ? { explanation } : {}),
      });
    }
  }
  return rows;
}
