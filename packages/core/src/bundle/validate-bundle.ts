/**
 * Validate a raw bundle into the model, given the rules that come from above the bundle layer
 * (the base catalogue, the check of explanation subjects against frameworks): validate/ composes
 * the standard ones into `validateBundle`. Every problem is collected (not just the first), each
 * naming file, row and column; a bundle with any issue yields no model.
 */

import type { Bundle } from '../model/bundle.js';
import { BUNDLE_SCHEMA_VERSION } from '../model/bundle.js';
import type { FactorRecord } from '../model/factor-record.js';
import type { Indicator } from '../model/indicator.js';
import type { Methods } from '../model/methods.js';
import type { IssuerType } from '../model/organisation.js';
import type { Explanation } from '../model/registers.js';
import { loadIndicators, loadNarrative, loadRegisters } from './load-documents.js';
import { loadFactors } from './load-factors.js';
import { loadActivityLines, loadDataPoints } from './load-facts.js';
import { loadPublished } from './load-published.js';
import { loadSettings } from './load-settings.js';
import type { BundleIssue, RawBundle } from './raw.js';
import type { ActivityLineCheck } from './row-context.js';

export type { ActivityLineCheck } from './row-context.js';

import { checkClimateRegister } from './validate-climate-register.js';
import { checkRegisterRows } from './validate-register-rows-bundle.js';
import { checkSiteRegisters } from './validate-site-registers.js';
import { validateTarget } from './validate-target.js';

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
  /**
   * What each activity line's method needs of it (methods/activity-entry.ts activityLineRule),
   * given the bundle's methods and its own factors (factors.csv); its problems name the row.
   */
  readonly activityLineRule?: (ctx: {
    readonly methods: Methods;
    readonly factors: readonly FactorRecord[];
    /** The supplier register (registers.yaml), for a Scope 3 line's `supplier`. */
    readonly suppliers?: readonly { readonly id: string; readonly creditCode: string }[];
  }) => ActivityLineCheck;
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
  const checkActivityLine = rules.activityLineRule?.({
    methods: settings.methods,
    factors,
    ...(registers.suppliers === undefined ? {} : { suppliers: registers.suppliers }),
  });
  const ctx = {
    organisation: settings.organisation,
    reporting: settings.reporting,
    catalogue,
    ...(checkActivityLine === undefined ? {} : { checkActivityLine }),
  };
  const dataPoints = raw.dataPoints ? loadDataPoints(raw.dataPoints, ctx, issues) : [];
  const activityLines = raw.activityLines ? loadActivityLines(raw.activityLines, ctx, issues) : [];
  const published = raw.published ? loadPublished(raw.published, ctx, issues) : [];
  const targetIds = new Set<string>();
  const targetRules = { entityIds: new Set(settings.organisation.entities.map((e) => e.id)), catalogue };
  for (const t of registers.targets) {
    const file = raw.registers?.file ?? 'registers.yaml';
    if (targetIds.has(t.id))
      issues.push({ file, column: `targets.${t.id}.id`, reason: `a second target "${t.id}"` });
    targetIds.add(t.id);
    for (const i of validateTarget(t, targetRules))
      issues.push({ file, column: `targets.${t.id}.${i.field}`, reason: i.reason });
  }
  checkSiteRegisters(
    registers,
    { entityIds: targetRules.entityIds },
    raw.registers?.file ?? 'registers.yaml',
    issues,
  );
  checkRegisterRows(registers, targetRules, raw.registers?.file ?? 'registers.yaml', issues);
  checkClimateRegister(registers, targetRules, raw.registers?.file ?? 'registers.yaml', issues);
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
