/**
 * Validate a raw bundle into the model, given the rules that come from above the bundle layer
 * (the base catalogue, the check of explanation subjects against frameworks): validate/ composes
 * the standard ones into `validateBundle`. Every problem is collected (not just the first), each
 * naming file, row and column; a bundle with any issue yields no model.
 */
import type { Bundle } from '../model/bundle.js';
import { BUNDLE_SCHEMA_VERSION } from '../model/bundle.js';
import type { Indicator } from '../model/indicator.js';
import type { IssuerType } from '../model/organisation.js';
import type { Explanation } from '../model/registers.js';
import { loadIndicators, loadNarrative, loadRegisters } from './load-documents.js';
import { loadFactors } from './load-factors.js';
import { loadActivityLines, loadDataPoints } from './load-facts.js';
import { loadPublished } from './load-published.js';
import { loadSettings } from './load-settings.js';
import type { BundleIssue, RawBundle } from './raw.js';

export type BundleValidation = { ok: true; bundle: Bundle } | { ok: false; issues: BundleIssue[] };

export type ExplanationContext = {
  /** Framework ids of assay.yaml's `frameworks`. */
  readonly frameworks: readonly string[];
  readonly issuerType: IssuerType;
  /** Reporting years, current first. */
  readonly years: readonly string[];
  readonly catalogue: ReadonlyMap<string, Indicator>;
  readonly entityIds: ReadonlySet<string>;
  readonly publishedIds: ReadonlySet<string>;
};

/** What validation needs from the layers above: the catalogue and the explanation-subject check. */
export type BundleRules = {
  readonly baseCatalogue: readonly Indicator[];
  /** Push an issue for every explanation whose subject names nothing (frameworks/check-explanations.ts). */
  readonly checkExplanations: (
    explanations: readonly Explanation[],
    ctx: ExplanationContext,
    file: string,
    issues: BundleIssue[],
  ) => void;
};

export function validateBundleForm(raw: RawBundle, rules: BundleRules): BundleValidation {
  const { baseCatalogue, checkExplanations } = rules;
  const issues: BundleIssue[] = [];
  const settings = loadSettings(raw.settings, issues);
  const indicators = loadIndicators(raw.indicators, issues);
  const catalogue = new Map<string, Indicator>(baseCatalogue.map((i) => [i.id, i]));
  for (const i of indicators) catalogue.set(i.id, i);
  const registers = loadRegisters(raw.registers, issues);
  const narrative = loadNarrative(raw.narrative, issues);
  const factors = raw.factors ? loadFactors(raw.factors, issues) : [];
  if (!settings) return { ok: false, issues };
  const ctx = { organisation: settings.organisation, reporting: settings.reporting, catalogue };
  const dataPoints = raw.dataPoints ? loadDataPoints(raw.dataPoints, ctx, issues) : [];
  const activityLines = raw.activityLines ? loadActivityLines(raw.activityLines, ctx, issues) : [];
  const published = raw.published ? loadPublished(raw.published, ctx, issues) : [];
  for (const t of registers.targets) {
    if (t.entityId !== undefined && !settings.organisation.entities.some((e) => e.id === t.entityId)) {
      issues.push({
        file: raw.registers?.file ?? 'registers.yaml',
        column: `targets.${t.id}.entityId`,
        reason: `unknown entity "${t.entityId}"`,
      });
    }
    if (t.indicatorId !== undefined && !catalogue.has(t.indicatorId)) {
      issues.push({
        file: raw.registers?.file ?? 'registers.yaml',
        column: `targets.${t.id}.indicatorId`,
        reason: `unknown indicator "${t.indicatorId}"`,
      });
    }
  }
  checkExplanations(
    registers.explanations,
    {
      frameworks: settings.frameworks,
      issuerType: settings.organisation.issuerType,
      years: [settings.reporting.current, ...settings.reporting.prior],
      catalogue,
      entityIds: new Set(settings.organisation.entities.map((e) => e.id)),
      publishedIds: new Set(published.map((p) => p.id)),
    },
    raw.registers?.file ?? 'registers.yaml',
    issues,
  );
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    bundle: {
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      organisation: settings.organisation,
      reporting: settings.reporting,
      methods: settings.methods,
      frameworks: { frameworks: settings.frameworks },
      indicators,
      dataPoints,
      activityLines,
      published,
      factors,
      registers,
      narrative,
    },
  };
}
