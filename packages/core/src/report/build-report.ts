/**
 * Build the report model from a bundle and its evaluated figures. Pure: the same inputs give the
 * same model. Provisions (titles, completeness status) from the framework module are optional,
 * so the model builds without it.
 */
import type { Figure } from '../calc/figure.js';
import type { Scope3Quality } from '../methods/scope3/scope3-quality.js';
import type { Bundle } from '../model/bundle.js';
import { groupEntity } from '../model/organisation.js';
import type { LocalisedText } from '../model/text.js';
import { aboutBlocks } from './about-blocks.js';
import { certificationBlocks } from './certifications-table.js';
import { changeNotes, unexplainedSwings } from './change-notes.js';
import { emissionsCharts, energyCharts, trendCharts } from './chart-blocks.js';
import { type ProvisionInput, reportContentIndex } from './content-index.js';
import { curateRows } from './curated-rows.js';
import { comparativeYears, reportFigures } from './figure-rows.js';
import { figureTable } from './figure-table.js';
import {
  boardApprovalNote,
  caseStudiesSection,
  ISSUER_IDS,
  issuerFrontSections,
  missingIssuerSlots,
} from './issuer-sections.js';
import { hkexIndexTitle, REPORT_LABELS } from './labels.js';
import type { Block, FigureGroup, ReportFigure, ReportModel, ReportStatusInput, Section } from './model.js';
import { type FigureLookup, figureLookup, resolveNarrative } from './narrative-text.js';
import { type Extra, OTHER_FIGURES_SECTION, OUTLINE, type OutlineNode } from './outline.js';
import { gateBlockers } from './publication-gate.js';
import { climateRiskBlocks, materialityBlocks, stakeholderBlocks, targetBlocks } from './register-blocks.js';
import { type RestatementNoteInput, restatementNote, restatementSection } from './restatement-note.js';
import { scope3Table } from './scope3-table.js';
import { reportStatus } from './status.js';
import { supplierPracticeBlocks } from './supplier-practices-table.js';
import { tailingsBlocks } from './tailings-table.js';
import { targetFigureIndex } from './target-progress.js';

export type BuildReportOptions = {
  readonly bundle: Bundle;
  readonly figures: readonly Figure[];
  readonly provisions?: readonly ProvisionInput[];
  /** Draft or final, decided by the app from the workflow records (status.ts); required, so no report is final by omission. */
  readonly status: ReportStatusInput;
  /**
   * The approved restatements and the base year's Scope 1 + 2, from the app's records
   * (restatement-note.ts). Without it, or with neither a base year nor a restatement, the
   * report has no restatement note.
   */
  readonly restatements?: RestatementNoteInput;
  /**
   * Error-level check findings not resolved (publication-gate.ts), from the app's checker run;
   * undefined when the caller did not run the checker (then not counted).
   */
  readonly openErrors?: number;
  /** Scope 3 data quality per category weighted by emissions (methods/scope3/scope3-quality.ts, from the graph). */
  readonly scope3Quality?: readonly Scope3Quality[];
  /**
   * A year-on-year change above this fraction needs an explanation (registers.explanations,
   * subject = the figure id); default 0.3, the checker's `yoyThreshold` (change-notes.ts).
   */
  readonly changeThreshold?: string;
  /**
   * Count the issuer sections left empty (chairman's statement, profile, highlights, case studies,
   * board statement and approval date; issuer-sections.ts) as a publication-gate item. The app
   * requires them; without it they are printed when present and not counted.
   */
  readonly requireIssuerSections?: boolean;
};

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });
const NO_NARRATIVE = t('本節尚未提供敘述內容。', 'No narrative has been provided for this section.');

type Ctx = {
  bundle: Bundle;
  rows: ReportFigure[];
  prior: string | null;
  /** Current year and the comparative years printed (most recent first, at most two). */
  years: { current: string; priors: string[] };
  group: string;
  /** Figures without disaggregation, for the targets' actuals (target-progress.ts). */
  targetFigures: ReadonlyMap<string, Figure>;
  scope3Quality: readonly Scope3Quality[];
  /** Narrative placeholders → the figure's row (narrative-text.ts). */
  lookup: FigureLookup;
};

function narrativeBlocks(ctx: Ctx, node: OutlineNode): Block[] {
  const ids = node.narrative ?? [];
  if (ids.length === 0) return [];
  const wanted = ctx.bundle.narrative.filter(
    (n) => ids.includes(n.id) || (ids.some((i) => i.startsWith('climate-')) && n.id.startsWith('climate-')),
  );
  wanted.sort((a, b) => rankOf(ids, a.id) - rankOf(ids, b.id));
  if (wanted.length === 0) return [{ kind: 'paragraph', text: NO_NARRATIVE, role: 'placeholder' }];
  return wanted.flatMap((n): Block[] => [
    ...(wanted.length > 1 ? [{ kind: 'subheading', text: n.title } as const] : []),
    {
      kind: 'paragraph',
      text: resolveNarrative(n.body, ctx.lookup, ctx.group, ctx.bundle.reporting.current),
      role: 'user',
    },
  ]);
}
const rankOf = (ids: readonly string[], id: string) => (ids.includes(id) ? ids.indexOf(id) : ids.length);

function extraBlocks(ctx: Ctx, extra: Extra): Block[] {
  const r = ctx.bundle.registers;
  switch (extra) {
    case 'about':
      return aboutBlocks(ctx.bundle);
    case 'stakeholders':
      return stakeholderBlocks(r);
    case 'materiality':
      return materialityBlocks(r);
    case 'climate-risks':
      return climateRiskBlocks(r, ctx.bundle.organisation.entities);
    case 'targets':
      return targetBlocks(r, ctx.targetFigures, ctx.bundle.reporting.current, ctx.group);
    case 'emissions-charts':
      return emissionsCharts(ctx.bundle, ctx.rows, ctx.years.priors);
    case 'scope3-categories':
      return scope3Table(ctx.bundle, ctx.rows, ctx.group, ctx.scope3Quality);
    case 'energy-charts':
      return energyCharts(ctx.bundle, ctx.rows, ctx.years.priors);
    case 'trends':
      return trendCharts(ctx.bundle, ctx.rows, ctx.years.priors);
    case 'tailings':
      return tailingsBlocks(ctx.bundle);
    case 'certifications':
      return certificationBlocks(ctx.bundle);
    case 'supplier-practices':
      return supplierPracticeBlocks(ctx.bundle.registers);
  }
}

function keyFigures(ctx: Ctx, node: OutlineNode): Block[] {
  const rows = curateRows(ctx.rows.filter((r) => r.sectionId === node.id && r.entityId === ctx.group));
  if (rows.length === 0) return [];
  return [
    figureTable(`key-${node.id}`, t('集團主要數據', 'Key group figures'), rows, ctx.years),
    ...changeNotes(rows),
  ];
}

/**
 * The appendix: every figure once, a table per section and entity (the entity named in the
 * caption, not on every row), curated like the section tables (curated-rows.ts).
 */
function appendixTables(ctx: Ctx, g: FigureGroup): Block[] {
  const present = new Set(g.figures.map((r) => r.entityId));
  const entities = [
    ...ctx.bundle.organisation.entities.map((e) => e.id).filter((e) => present.has(e)),
    ...[...present].filter((e) => !ctx.bundle.organisation.entities.some((x) => x.id === e)),
  ];
  return entities.map((e) => {
    const own = g.figures.filter((r) => r.entityId === e);
    const entity = own[0]?.entity ?? t(e, e);
    const caption =
      e === ctx.group
        ? g.title
        : t(`${g.title['zh-Hant']}：${entity['zh-Hant']}`, `${g.title.en}: ${entity.en}`);
    const id = e === ctx.group ? `data-${g.sectionId}` : `data-${g.sectionId}-${e}`;
    return figureTable(id, caption, curateRows(own), ctx.years);
  });
}

function buildSection(ctx: Ctx, node: OutlineNode, number: string): Section {
  return {
    id: node.id,
    number,
    title: node.title,
    blocks: [
      ...narrativeBlocks(ctx, node),
      ...(node.narrative?.includes(ISSUER_IDS.board) ? boardApprovalNote(ctx.bundle) : []),
      ...(node.extras ?? []).flatMap((e) => extraBlocks(ctx, e)),
      ...keyFigures(ctx, node),
    ],
    sections: (node.children ?? []).map((c, i) => buildSection(ctx, c, `${number}.${i + 1}`)),
  };
}

function groupsOf(rows: readonly ReportFigure[]): FigureGroup[] {
  const titles = new Map<string, LocalisedText>();
  const visit = (ns: readonly OutlineNode[]) => {
    for (const n of ns) {
      titles.set(n.id, n.title);
      visit(n.children ?? []);
    }
  };
  visit([...OUTLINE, OTHER_FIGURES_SECTION]);
  const groups: FigureGroup[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last?.sectionId === r.sectionId) (last.figures as ReportFigure[]).push(r);
    else
      groups.push({
        sectionId: r.sectionId,
        title: titles.get(r.sectionId) ?? t(r.sectionId, r.sectionId),
        figures: [r],
      });
  }
  return groups;
}

export function buildReport(opts: BuildReportOptions): ReportModel {
  const { bundle } = opts;
  const rows = reportFigures(bundle, opts.figures, opts.changeThreshold);
  const ctx: Ctx = {
    bundle,
    rows,
    prior: bundle.reporting.prior[0] ?? null,
    years: { current: bundle.reporting.current, priors: comparativeYears(bundle) },
    group: groupEntity(bundle.organisation).id,
    targetFigures: targetFigureIndex(opts.figures),
    scope3Quality: opts.scope3Quality ?? [],
    lookup: figureLookup(rows),
  };
  // the chairman's statement and the company profile with its highlights open the report (issuer-sections.ts)
  const front = issuerFrontSections(ctx, 1);
  const main = [...front, ...OUTLINE.map((n, i) => buildSection(ctx, n, String(front.length + i + 1)))];
  // The restatement note (GRI 2-4) closes "About this report", where GRI 2-4 points.
  const about = main.findIndex((s) => s.id === 'about');
  const aboutSection = main[about];
  const note =
    opts.restatements && aboutSection
      ? restatementSection(
          bundle,
          opts.restatements,
          `${aboutSection.number}.${aboutSection.sections.length + 1}`,
        )
      : undefined;
  if (note && aboutSection) main[about] = { ...aboutSection, sections: [...aboutSection.sections, note] };
  const groups = groupsOf(rows);
  let n = main.length;
  const cases = caseStudiesSection(ctx, String(n + 1));
  if (cases) main.push(cases);
  n = main.length;
  const sections: Section[] = [...main];
  if (rows.some((r) => r.sectionId === OTHER_FIGURES_SECTION.id))
    sections.push(buildSection(ctx, { ...OTHER_FIGURES_SECTION, extras: [] }, String(++n)));
  sections.push({
    id: 'data-tables',
    number: String(++n),
    title: t('附錄：數據表', 'Appendix: data tables'),
    blocks: groups.flatMap((g) => appendixTables(ctx, g)),
    sections: [],
  });
  const indexSection = (id: string, title: LocalisedText, framework: 'hkex' | 'gri' | 'sasac'): Section => ({
    id,
    number: String(++n),
    title,
    blocks: [{ kind: 'content-index', framework }],
    sections: [],
  });
  sections.push(indexSection('hkex-index', hkexIndexTitle(bundle.reporting.current), 'hkex'));
  sections.push(indexSection('gri-index', REPORT_LABELS.griIndex, 'gri'));
  sections.push(indexSection('sasac-index', REPORT_LABELS.sasacIndex, 'sasac'));
  return {
    title: t(
      `${bundle.reporting.current}年環境、社會及管治報告`,
      `${bundle.reporting.current} Environmental, Social and Governance Report`,
    ),
    organisation: bundle.organisation.name,
    status: reportStatus(
      opts.status,
      bundle.reporting.current,
      gateBlockers({
        bundle,
        sections,
        unapproved: opts.status.state === 'draft' ? opts.status.unapproved : 0,
        units: opts.status.units,
        year: bundle.reporting.current,
        openErrors: opts.openErrors,
        unexplained: unexplainedSwings(rows, ctx.group),
        ...(opts.requireIssuerSections ? { issuerMissing: missingIssuerSlots(bundle) } : {}),
      }),
    ),
    restatementNote: note && opts.restatements ? restatementNote(bundle, opts.restatements) : null,
    ...(bundle.organisation.stockCode ? { stockCode: bundle.organisation.stockCode } : {}),
    currentYear: bundle.reporting.current,
    priorYear: ctx.prior,
    sections,
    figureGroups: groups,
    contentIndex: reportContentIndex(bundle.registers, opts.provisions ?? []),
    labels: REPORT_LABELS,
  };
}
