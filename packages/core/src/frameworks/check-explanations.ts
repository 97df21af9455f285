/**
 * registers.explanations: every subject must name what the explanation is for, or it explains
 * nothing and the omission it was written for stays unexplained without a word. A subject is
 * - a provision "<framework>:<code>" ("hkex:D.MT.GHG.e", "KPI " optional) of a framework the
 *   bundle reports against, in force for its issuer type and current year (not withdrawn, not
 *   yet effective): what completeness and the content index look up;
 * - a figure id ("ghg.scope1@group/2025") of a known indicator, entity and reporting year, or a
 *   published figure id: what the year-on-year check looks up.
 * A second explanation of the same subject would be ignored, so it is refused too.
 */

import type { BundleIssue } from '../bundle/raw.js';
import type { ExplanationContext } from '../bundle/validate-bundle.js';
import { parseFigureId } from '../calc/figure.js';
import type { Bundle } from '../model/bundle.js';
import type { Indicator } from '../model/indicator.js';
import { parsePeriod } from '../model/period.js';
import type { Explanation } from '../model/registers.js';
import type { Framework, FrameworkId } from './framework.js';
import { provisionObligation } from './obligation.js';
import {
  editionFor,
  editionsText,
  FRAMEWORKS,
  findProvision,
  isFrameworkId,
  splitCitation,
} from './registry.js';

export type { ExplanationContext } from '../bundle/validate-bundle.js';

/** The context of a validated bundle, for a writer that checks one subject (e.g. the API). */
export function explanationContextOf(
  bundle: Bundle,
  catalogue: ReadonlyMap<string, Indicator>,
): ExplanationContext {
  return {
    frameworks: bundle.frameworks.frameworks,
    issuerType: bundle.organisation.issuerType,
    years: [bundle.reporting.current, ...bundle.reporting.prior],
    catalogue,
    entityIds: new Set(bundle.organisation.entities.map((e) => e.id)),
    publishedIds: new Set(bundle.published.map((p) => p.id)),
  };
}

export function checkExplanations(
  explanations: readonly Explanation[],
  ctx: ExplanationContext,
  file: string,
  issues: BundleIssue[],
): void {
  const first = new Map<string, number>();
  explanations.forEach((e, i) => {
    const column = `explanations.${i}.subject`;
    const problem = explanationSubjectProblem(e.subject, ctx);
    if (problem !== undefined) {
      issues.push({ file, column, reason: problem });
      return;
    }
    const c = splitCitation(e.subject);
    const key = c ? `${c.framework}:${c.code}` : e.subject;
    const earlier = first.get(key);
    if (earlier !== undefined)
      issues.push({
        file,
        column,
        reason: `a second explanation for "${e.subject}" (the first is explanations.${earlier})`,
      });
    else first.set(key, i);
  });
}

/** Why a subject names nothing an explanation can attach to; undefined when it does. */
export function explanationSubjectProblem(subject: string, ctx: ExplanationContext): string | undefined {
  if (ctx.publishedIds.has(subject)) return undefined;
  const citation = splitCitation(subject);
  if (citation) return provisionProblem(subject, citation.framework, citation.code, ctx);
  const figure = parseFigureId(subject);
  if (figure) {
    if (!ctx.catalogue.has(figure.indicatorId))
      return `"${subject}" names an unknown indicator "${figure.indicatorId}"`;
    if (!ctx.entityIds.has(figure.entityId))
      return `"${subject}" names an unknown entity "${figure.entityId}"`;
    const p = parsePeriod(figure.periodId);
    if (!p || !ctx.years.includes(String(p.year)))
      return `"${subject}" names "${figure.periodId}", which is not a period of the reporting years ${ctx.years.join(', ')}`;
    return undefined;
  }
  const hint = citationHint(subject, ctx);
  return `"${subject}" names no provision ("hkex:A1.1"), figure ("ghg.scope1@group/2025") or published figure${hint === undefined ? '' : `: did you mean "${hint}"?`}`;
}

function provisionProblem(
  subject: string,
  frameworkId: FrameworkId,
  code: string,
  ctx: ExplanationContext,
): string | undefined {
  if (!ctx.frameworks.includes(frameworkId))
    return `"${subject}" cites ${frameworkId}, which the bundle does not report against (assay.yaml frameworks: ${ctx.frameworks.join(', ') || 'none'})`;
  const year = ctx.years[0] ?? '';
  // The edition in force for the current year (the 2019 HKEX Guide for FY2021–FY2024).
  const fw = editionFor(frameworkId, Number(year));
  if (!fw)
    return `"${subject}" cites ${frameworkId}, which has no edition loaded for FY${year} (editions: ${editionsText(frameworkId)})`;
  const p = findProvision(fw, code);
  if (!p) {
    const members = fw.provisions.filter((x) => x.code.startsWith(`${code}.`) && !x.deprecated);
    // An older edition is named, so that a 2025 code cited in a FY2024 bundle is understood.
    const which =
      fw === FRAMEWORKS[frameworkId] ? '' : ` (its ${fw.version} edition, in force for FY${year})`;
    if (members.length === 0) return `"${subject}" is not a provision of ${fw.id}${which}`;
    const shown = members.slice(0, 3).map((m) => `${fw.id}:${m.code}`);
    return `"${subject}" is an aspect, not a provision: explain one of its provisions (${shown.join(', ')}${members.length > 3 ? ', …' : ''})`;
  }
  const obligation = provisionObligation(fw, p, ctx.issuerType, Number(year));
  if (obligation === 'withdrawn' || obligation === 'not-effective')
    return `"${subject}" is not in force for ${ctx.issuerType} issuers in ${year} (${obligation})`;
  return undefined;
}

/** "D.MT.GHG.e" or "HKEX:A1.1" → "hkex:D.MT.GHG.e", "hkex:A1.1" when that provision exists. */
function citationHint(subject: string, ctx: ExplanationContext): string | undefined {
  const colon = subject.indexOf(':');
  const prefix = colon > 0 ? subject.slice(0, colon).trim().toLowerCase() : undefined;
  const code = colon > 0 ? subject.slice(colon + 1) : subject;
  const year = Number(ctx.years[0] ?? '');
  const candidates: Framework[] = ctx.frameworks
    .filter(isFrameworkId)
    .map((id) => editionFor(id, year) ?? FRAMEWORKS[id]);
  const fw = candidates.find((f) => (prefix === undefined || f.id === prefix) && findProvision(f, code));
  const p = fw && findProvision(fw, code);
  return fw && p ? `${fw.id}:${p.code}` : undefined;
}
