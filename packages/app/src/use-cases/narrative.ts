/**
 * Narrative sections (issue #19; docs/report.md, "Editing narrative"): list the sections with
 * their versions and unbound numbers, the figures a placeholder may name (the figure picker),
 * a preview of a text as the report prints it, and one section's text saved naming the version
 * it edits (a stale one is 'stale-version', 412 at the server). The text is the snapshot's
 * bundle narrative, so a save changes the report, the checker and the bundle export. Placeholders
 * resolve exactly as the report resolves them: core's resolveNarrative over the report model's
 * own figure rows (workspaceReport), so preview and report cannot differ.
 */
import {
  figureLookup,
  groupEntity,
  type LocalisedText,
  type NarrativeSection,
  type ReportFigure,
  resolveNarrative,
  unboundNumbers,
  withUnit,
} from '@assay/core';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';
import { workspaceReport } from './render-report.js';

type ByLang<T> = { readonly en: T; readonly 'zh-Hant': T };

export type NarrativeRow = {
  readonly section: NarrativeSection;
  readonly version: number;
  /** Numbers typed into the text that no placeholder binds (checker: narrative-unbound-number). */
  readonly unbound: ByLang<string[]>;
};

/** A figure the picker offers: the placeholder to insert and what the report prints for it. */
export type FigureChoice = {
  readonly figureId: string;
  /** The placeholder as inserted, e.g. "{{figure:ghg.scope1|unit}}" (group and current year implied). */
  readonly placeholder: string;
  readonly indicatorId: string;
  readonly label: LocalisedText;
  readonly entity: LocalisedText;
  readonly periodId: string;
  /** The number with its unit as the report prints it, per language. */
  readonly printed: LocalisedText;
};

export type NarrativeList = {
  readonly year: string;
  readonly workspaceVersion: number;
  readonly sections: NarrativeRow[];
  readonly figures: FigureChoice[];
};

const unboundOf = (t: LocalisedText) => ({
  en: unboundNumbers(t.en),
  'zh-Hant': unboundNumbers(t['zh-Hant']),
});

async function figureRows(ws: Workspace): Promise<ReportFigure[]> {
  const { model } = await workspaceReport(ws);
  return model.figureGroups.flatMap((g) => g.figures);
}

/** The shortest reference of a figure id: the group and the current year are implied. */
export function placeholderOf(figureId: string, group: string, year: string, unit: boolean): string {
  let ref = figureId.endsWith(`/${year}`) ? figureId.slice(0, -(year.length + 1)) : figureId;
  ref = ref.replace(`@${group}/`, '/');
  if (ref.endsWith(`@${group}`)) ref = ref.slice(0, -(group.length + 1));
  return `{{figure:${ref}${unit ? '|unit' : ''}}}`;
}

function choices(rows: readonly ReportFigure[], group: string, year: string): FigureChoice[] {
  const out: FigureChoice[] = [];
  const printed = (text: string, r: ReportFigure) => ({
    en: withUnit(text, r.unit.en, 'en'),
    'zh-Hant': withUnit(text, r.unit['zh-Hant'], 'zh-Hant'),
  });
  for (const r of rows) {
    const base = { indicatorId: r.indicatorId, label: r.label, entity: r.entity };
    const unit = r.unit.en !== '';
    if (r.current && !r.error)
      out.push({
        ...base,
        figureId: r.id,
        placeholder: placeholderOf(r.id, group, year, unit),
        periodId: r.periodId,
        printed: printed(r.current.text, r),
      });
    if (r.prior && r.priorId)
      out.push({
        ...base,
        figureId: r.priorId,
        placeholder: placeholderOf(r.priorId, group, year, unit),
        periodId: r.priorId.slice(r.priorId.lastIndexOf('/') + 1),
        printed: printed(r.prior.text, r),
      });
  }
  return out;
}

export async function listNarrative(i: { ws: Workspace }): Promise<Result<NarrativeList>> {
  const s = i.ws.snapshot();
  const versions = await i.ws.narrativeVersions();
  const year = s.bundle.reporting.current;
  const group = groupEntity(s.bundle.organisation).id;
  const sections = s.bundle.narrative.map(
    (n): NarrativeRow => ({ section: n, version: versions.get(n.id) ?? 1, unbound: unboundOf(n.body) }),
  );
  return success({
    year,
    workspaceVersion: s.version,
    sections,
    figures: choices(await figureRows(i.ws), group, year),
  });
}

export type NarrativePreview = {
  /** The text as the report prints it; an unresolved placeholder is a ⟦…⟧ marker. */
  readonly text: LocalisedText;
  readonly unbound: ByLang<string[]>;
};

/** A text as the report would print it now, without saving it. */
export async function previewNarrative(i: {
  ws: Workspace;
  body: LocalisedText;
}): Promise<Result<NarrativePreview>> {
  const s = i.ws.snapshot();
  const group = groupEntity(s.bundle.organisation).id;
  const lookup = figureLookup(await figureRows(i.ws));
  return success({
    text: resolveNarrative(i.body, lookup, group, s.bundle.reporting.current),
    unbound: unboundOf(i.body),
  });
}

/** Save one section's text (both languages), naming the version edited. */
export async function writeNarrativeSection(i: {
  ws: Workspace;
  id: string;
  body: LocalisedText;
  version: number;
  reason?: string;
  author: string;
}): Promise<Result<{ id: string; version: number; workspaceVersion: number }>> {
  const current = i.ws.snapshot().bundle.narrative.find((n) => n.id === i.id);
  if (!current) return failure('not-found', `no narrative section "${i.id}"`);
  const out = await i.ws.writeNarrativeSection(
    { ...current, body: { 'zh-Hant': i.body['zh-Hant'], en: i.body.en } },
    i.version,
    i.reason ?? `narrative ${i.id} changed`,
    i.author,
  );
  if (out.ok) return success({ id: i.id, version: out.version, workspaceVersion: out.workspaceVersion });
  if (out.reason === 'stale')
    return failure(
      'stale-version',
      `narrative section "${i.id}" is at version ${out.current}, not ${i.version}`,
      {
        field: 'version',
      },
    );
  return failure('not-found', `no narrative section "${i.id}"`);
}
