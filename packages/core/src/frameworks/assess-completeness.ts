/**
 * Completeness of a bundle against one framework, for the bundle's issuer type and a year. A
 * framework named by id is assessed in the edition in force for that year (registry.ts
 * editionFor); a year no edition covers gives no provisions and a `no-edition` error, never an
 * empty pass.
 * Each provision is disclosed, partly disclosed, explained (comply-or-explain omission with an
 * explanation in registers.explanations) or missing. A mandatory provision cannot be explained
 * away: such an explanation is an error finding and the provision keeps its status.
 * With the approved materiality outcome (`materiality`, materiality-outcome.ts), a comply-or-explain
 * provision of an aspect found not material and not disclosed is explained by the approval, and
 * one of a material aspect left missing gets a `material-missing` warning; without it nothing changes.
 */
import type { Figure } from '../calc/figure.js';
import type { Bundle } from '../model/bundle.js';
import type { Explanation } from '../model/registers.js';
import type { LocalisedText } from '../model/text.js';
import { type Availability, availability } from './availability.js';
import { bundleCitations, type CitationFinding } from './citations.js';
import { evidenceText } from './evidence.js';
import type { Framework, FrameworkId, Obligation, Provision } from './framework.js';
import {
  type MaterialityOutcome,
  materialityOf,
  notMaterialExplanation,
  topicNames,
} from './materiality-outcome.js';
import { provisionObligation, requirementObligation } from './obligation.js';
import { editionFor, noEditionMessage, splitCitation } from './registry.js';
import { isScope3ByCategory, scope3IncludedNote, scope3ScreeningExplanation } from './scope3-disclosure.js';

export type ProvisionStatus = 'disclosed' | 'partly-disclosed' | 'explained' | 'missing';

export type MissingElement = {
  readonly requirement: string;
  readonly obligation: Obligation;
  /** The evidence any of which would satisfy it. */
  readonly anyOf: readonly string[];
};

export type ProvisionAssessment = {
  readonly provision: Provision;
  readonly obligation: Obligation;
  readonly status: ProvisionStatus;
  /** Figure ids and "section:…"/"register:…" references that disclose it. */
  readonly where: readonly string[];
  readonly missing: readonly MissingElement[];
  readonly explanation?: Explanation;
  /** What the content index adds to a disclosed row: for Scope 3 by category, the categories included (scope3-disclosure.ts). */
  readonly note?: LocalisedText;
};

export type CompletenessFinding =
  | {
      readonly severity: 'error';
      readonly code: 'mandatory-missing' | 'mandatory-explained';
      readonly provision: string;
      readonly message: string;
    }
  | {
      readonly severity: 'error';
      readonly code: 'no-edition';
      readonly framework: FrameworkId;
      readonly year: string;
      readonly message: string;
    }
  | {
      /** The aspect is material under the approved assessment and the provision is missing. */
      readonly severity: 'warning';
      readonly code: 'material-missing';
      readonly provision: string;
      readonly aspect: string;
      /** The approved topics that make it material, and the approval's date. */
      readonly topics: LocalisedText;
      readonly approvedOn: string;
      readonly message: string;
    }
  | CitationFinding;

export type CompletenessReport = {
  readonly framework: FrameworkId;
  /** The edition applied ("2019", "2025"); '' when the year has none (a no-edition finding). */
  readonly version: string;
  readonly year: string;
  readonly issuerType: Bundle['organisation']['issuerType'];
  readonly provisions: readonly ProvisionAssessment[];
  readonly findings: readonly CompletenessFinding[];
};

export type AssessOptions = {
  readonly bundle: Bundle;
  readonly figures: readonly Figure[];
  readonly framework: Framework | FrameworkId;
  /** Financial year; defaults to bundle.reporting.current. */
  readonly year?: string;
  /** The approved materiality assessment (materiality-outcome.ts); absent: no approval, nothing changes. */
  readonly materiality?: MaterialityOutcome;
};

export function assessCompleteness(o: AssessOptions): CompletenessReport {
  const year = o.year ?? o.bundle.reporting.current;
  const fw = typeof o.framework === 'string' ? editionFor(o.framework, Number(year)) : o.framework;
  if (!fw) {
    const id = o.framework as FrameworkId;
    const missing: CompletenessFinding = {
      severity: 'error',
      code: 'no-edition',
      framework: id,
      year,
      message: noEditionMessage(id, year),
    };
    return {
      framework: id,
      version: '',
      year,
      issuerType: o.bundle.organisation.issuerType,
      provisions: [],
      findings: [missing, ...bundleCitations(o.bundle)],
    };
  }
  const ctx: Ctx = {
    bundle: o.bundle,
    fw,
    year: Number(year),
    issuerType: o.bundle.organisation.issuerType,
    avail: availability(o.bundle, o.figures, year),
    explanations: o.bundle.registers.explanations,
    materiality: o.materiality,
  };
  const provisions: ProvisionAssessment[] = [];
  const findings: CompletenessFinding[] = [];
  for (const p of fw.provisions) {
    const obligation = provisionObligation(fw, p, ctx.issuerType, ctx.year);
    if (obligation === 'withdrawn' || obligation === 'not-effective') continue;
    const a = assessProvision(ctx, p, obligation, findings);
    provisions.push(a);
  }
  findings.push(...bundleCitations(o.bundle));
  return { framework: fw.id, version: fw.version, year, issuerType: ctx.issuerType, provisions, findings };
}

type Ctx = {
  bundle: Bundle;
  fw: Framework;
  year: number;
  issuerType: Bundle['organisation']['issuerType'];
  avail: Availability;
  explanations: readonly Explanation[];
  materiality: MaterialityOutcome | undefined;
};

function assessProvision(
  ctx: Ctx,
  p: Provision,
  obligation: Obligation,
  findings: CompletenessFinding[],
): ProvisionAssessment {
  const where: string[] = [];
  const missing: MissingElement[] = [];
  const reqObligations = p.requirements.map((r) =>
    requirementObligation(ctx.fw, p, r, ctx.issuerType, ctx.year),
  );
  p.requirements.forEach((r, i) => {
    const found = r.anyOf.flatMap((e) => ctx.avail.find(e));
    if (found.length > 0) where.push(...found);
    else
      missing.push({
        requirement: r.id,
        obligation: reqObligations[i] ?? obligation,
        anyOf: r.anyOf.map(evidenceText),
      });
  });
  const given = ctx.explanations.find((e) => {
    const c = splitCitation(e.subject);
    return c?.framework === ctx.fw.id && c.code === p.code;
  });
  const allMandatory =
    reqObligations.length === 0 ? obligation === 'mandatory' : reqObligations.every((x) => x === 'mandatory');
  const tag = `${ctx.fw.id}:${p.code}`;
  // Scope 3 by category not disclosed: the screening's justifications explain it (comply-or-explain only).
  const scope3 = isScope3ByCategory(p);
  const stated =
    given ??
    (scope3 && where.length === 0 && !allMandatory ? scope3ScreeningExplanation(ctx.bundle, tag) : undefined);
  const materiality = materialityOf(ctx.materiality, ctx.fw.id, p.code);
  // Not material under the approved assessment: the approval explains a comply-or-explain
  // provision with nothing disclosed (never a mandatory one; a stated explanation comes first).
  const explanation =
    stated ??
    (materiality &&
    !materiality.material &&
    ctx.materiality &&
    obligation === 'comply-or-explain' &&
    where.length === 0 &&
    !missing.some((m) => m.obligation === 'mandatory')
      ? notMaterialExplanation(ctx.materiality, materiality.aspect, tag)
      : undefined);
  if (explanation && allMandatory)
    findings.push({
      severity: 'error',
      code: 'mandatory-explained',
      provision: tag,
      message: `${tag} is mandatory for ${ctx.issuerType} issuers in ${ctx.year}: it must be disclosed, an explanation does not satisfy it`,
    });
  const mandatoryMissing = missing.filter((m) => m.obligation === 'mandatory');
  if (mandatoryMissing.length > 0 || (p.requirements.length === 0 && obligation === 'mandatory'))
    findings.push({
      severity: 'error',
      code: 'mandatory-missing',
      provision: tag,
      message: `${tag} is mandatory and not disclosed (${mandatoryMissing.map((m) => m.requirement).join(', ') || 'no evidence'})`,
    });
  const unmet = p.requirements.length === 0 || missing.length > 0;
  const status: ProvisionStatus = !unmet
    ? 'disclosed'
    : where.length > 0
      ? 'partly-disclosed'
      : explanation && !allMandatory && mandatoryMissing.length === 0
        ? 'explained'
        : 'missing';
  if (
    materiality?.material &&
    ctx.materiality &&
    status === 'missing' &&
    obligation === 'comply-or-explain'
  ) {
    const names = topicNames(materiality.topics);
    findings.push({
      severity: 'warning',
      code: 'material-missing',
      provision: tag,
      aspect: materiality.aspect,
      topics: names,
      approvedOn: ctx.materiality.approvedOn,
      message: `${tag} is required by the topic list approved on ${ctx.materiality.approvedOn} (material: ${names.en}) and is not disclosed or explained`,
    });
  }
  const note = scope3 && status === 'disclosed' ? scope3IncludedNote(ctx.bundle, where) : undefined;
  const base = { provision: p, obligation, status, where, missing, ...(note ? { note } : {}) };
  return explanation ? { ...base, explanation } : base;
}
