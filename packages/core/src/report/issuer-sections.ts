/**
 * Issuer sections (issue #19; docs/report.md, "Issuer sections"): the parts of a listed
 * company's report written by the company rather than derived from data — the chairman's
 * statement, the company profile, highlights (KPI tiles bound to figures), case studies (text
 * and an optional picture) and the board statement with the date the board approved the report.
 * They are narrative sections of the bundle with reserved ids (narrative.yaml, model/registers.ts
 * NarrativeSection). A slot left empty prints nothing — no filler text — and is a
 * publication-gate item (`issuer`, publication-gate.ts) when the caller requires the slots.
 * Pure.
 */
import type { Bundle } from '../model/bundle.js';
import { refFigureId } from '../model/narrative-refs.js';
import type { NarrativeSection } from '../model/registers.js';
import type { LocalisedText } from '../model/text.js';
import type { Block, KpiTile, Section } from './model.js';
import { type FigureLookup, resolveNarrative } from './narrative-text.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });

export const ISSUER_IDS = {
  chairman: 'chairman-statement',
  profile: 'company-profile',
  highlights: 'highlights',
  board: 'board-statement',
  caseStudyPrefix: 'case-study',
} as const;

const isCaseStudy = (n: NarrativeSection) => n.id.startsWith(ISSUER_IDS.caseStudyPrefix);
/** Narrative ids printed by the issuer sections (not by the outline's topic sections). */
export const isIssuerNarrative = (id: string) =>
  id === ISSUER_IDS.chairman ||
  id === ISSUER_IDS.profile ||
  id === ISSUER_IDS.highlights ||
  id.startsWith(ISSUER_IDS.caseStudyPrefix);

type Ctx = { bundle: Bundle; lookup: FigureLookup; group: string };

const body = (ctx: Ctx, n: NarrativeSection): Block => ({
  kind: 'paragraph',
  text: resolveNarrative(n.body, ctx.lookup, ctx.group, ctx.bundle.reporting.current),
  role: 'user',
});
const hasText = (n: NarrativeSection | undefined) =>
  n !== undefined && (n.body['zh-Hant'].trim() !== '' || n.body.en.trim() !== '');

/** A tile: the figure's current value as its table prints it; null (printed "—") when it is absent or in error. */
function tile(ctx: Ctx, figure: string, label: LocalisedText): KpiTile {
  const id = refFigureId(figure, ctx.group, ctx.bundle.reporting.current) ?? null;
  const hit = id ? ctx.lookup(id) : undefined;
  const value = hit && !(hit.which === 'current' && hit.row.error) ? hit.row[hit.which] : null;
  return { figureId: id, label, value: value ?? null, unit: hit?.row.unit ?? t('', '') };
}

/**
 * The sections that open the report, numbered from `first`: the chairman's statement, then the
 * company profile with its highlights. Only slots with content make a section.
 */
export function issuerFrontSections(ctx: Ctx, first: number): Section[] {
  const find = (id: string) => ctx.bundle.narrative.find((n) => n.id === id);
  const chairman = find(ISSUER_IDS.chairman);
  const profile = find(ISSUER_IDS.profile);
  const highlights = find(ISSUER_IDS.highlights);
  const out: Section[] = [];
  if (hasText(chairman) && chairman)
    out.push({
      id: 'chairman',
      number: '',
      title: chairman.title,
      blocks: [body(ctx, chairman)],
      sections: [],
    });
  const tiles = (highlights?.tiles ?? []).map((x) => tile(ctx, x.figure, x.label));
  const profileBlocks: Block[] = [
    ...(hasText(profile) && profile ? [body(ctx, profile)] : []),
    ...(highlights && tiles.length > 0
      ? [
          { kind: 'subheading', text: highlights.title } as const,
          ...(hasText(highlights) ? [body(ctx, highlights)] : []),
          { kind: 'kpi-tiles', tiles } as const,
        ]
      : []),
  ];
  if (profileBlocks.length > 0)
    out.push({
      id: 'profile',
      number: '',
      title: profile?.title ?? t('公司概覽', 'Company profile'),
      blocks: profileBlocks,
      sections: [],
    });
  return out.map((s, i) => ({ ...s, number: String(first + i) }));
}

/** The case studies, one subsection each (text, then the picture), or undefined when there are none. */
export function caseStudiesSection(ctx: Ctx, number: string): Section | undefined {
  const cases = ctx.bundle.narrative.filter((n) => isCaseStudy(n) && hasText(n));
  if (cases.length === 0) return undefined;
  return {
    id: 'case-studies',
    number,
    title: t('案例分享', 'Case studies'),
    blocks: [],
    sections: cases.map((c, i) => ({
      id: c.id,
      number: `${number}.${i + 1}`,
      title: c.title,
      blocks: [
        body(ctx, c),
        ...(c.image
          ? [{ kind: 'image', id: `${c.id}-image`, dataUri: c.image.dataUri, alt: c.image.alt } as const]
          : []),
      ],
      sections: [],
    })),
  };
}

/** The board statement's approval line, printed under its text; none without a date. */
export function boardApprovalNote(bundle: Bundle): Block[] {
  const d = bundle.narrative.find((n) => n.id === ISSUER_IDS.board)?.approvedOn;
  if (!d) return [];
  return [
    {
      kind: 'note',
      text: t(`董事會已於${d}審議並批准本報告。`, `The board reviewed and approved this report on ${d}.`),
    },
  ];
}

/** The issuer slots the bundle leaves empty, named in both languages (publication-gate.ts). */
export function missingIssuerSlots(bundle: Bundle): LocalisedText[] {
  const find = (id: string) => bundle.narrative.find((n) => n.id === id);
  const board = find(ISSUER_IDS.board);
  const missing: LocalisedText[] = [];
  if (!hasText(find(ISSUER_IDS.chairman))) missing.push(t('主席報告', "chairman's statement"));
  if (!hasText(find(ISSUER_IDS.profile))) missing.push(t('公司概覽', 'company profile'));
  if ((find(ISSUER_IDS.highlights)?.tiles ?? []).length === 0)
    missing.push(t('年度摘要（關鍵績效指標）', 'highlights (KPI tiles)'));
  if (!bundle.narrative.some((n) => isCaseStudy(n) && hasText(n)))
    missing.push(t('案例分享', 'case studies'));
  if (!hasText(board)) missing.push(t('董事會聲明', 'board statement'));
  else if (!board?.approvedOn) missing.push(t('董事會批准日期', "the board's approval date"));
  return missing;
}
