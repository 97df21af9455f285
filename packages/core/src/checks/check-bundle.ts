/**
 * The disclosure checker: run every enabled rule family over a bundle and return the findings
 * sorted by severity then rule, with a summary. Pure: the bundle is read, never changed.
 */
import type { Figure } from '../calc/figure.js';
import type { CalcGraph } from '../calc/graph.js';
import type { Bundle } from '../model/bundle.js';
import { buildContext, type CheckContext, claimedFigureId } from './context.js';
import { type CheckSummary, type Coverage, type Finding, sortFindings, summarise } from './finding.js';
import type { CheckOptions } from './options.js';
import type { CheckRule } from './rule.js';
import { baseYearPromptRule } from './rules/base-year-prompts.js';
import { completenessRule } from './rules/completeness.js';
import { impliedDenominatorRule } from './rules/implied-denominators.js';
import { instrumentsRule } from './rules/instruments.js';
import { intensityPairsRule } from './rules/intensity-pairs.js';
import { masterDataRule } from './rules/master-data.js';
import { nameVariantsRule } from './rules/name-variants.js';
import { narrativeRule } from './rules/narrative.js';
import { narrativeArithmeticRule } from './rules/narrative-arithmetic.js';
import { nonAdditiveRule } from './rules/non-additive.js';
import { plausibilityRule } from './rules/plausibility.js';
import { recomputeRule } from './rules/recompute.js';
import { reconciliationRule } from './rules/reconciliation.js';
import { registersRule } from './rules/registers.js';
import { roundingRule } from './rules/rounding.js';
import { scope3DoubleCountRule, scope3MethodChangeRule, scope3ScreeningRule } from './rules/scope3.js';
import { signRule } from './rules/sign.js';
import { unitSlipRule } from './rules/unit-slip.js';
import { unitsRule } from './rules/units.js';
import { yearOnYearRule } from './rules/year-on-year.js';

export const CHECK_RULES: readonly CheckRule[] = [
  unitsRule,
  recomputeRule,
  roundingRule,
  reconciliationRule,
  intensityPairsRule, // issue #24: family reconciliation
  nonAdditiveRule, // issue #24: family reconciliation
  impliedDenominatorRule,
  yearOnYearRule,
  plausibilityRule,
  signRule, // issue #24: family plausibility
  completenessRule,
  masterDataRule,
  baseYearPromptRule,
  instrumentsRule,
  unitSlipRule,
  narrativeRule,
  narrativeArithmeticRule,
  nameVariantsRule,
  registersRule, // issue #18: screening gaps, certificate expiry
  scope3MethodChangeRule, // issue #21: family year-on-year
  scope3DoubleCountRule, // issue #21: family reconciliation
  scope3ScreeningRule, // issue #21: family completeness
];

export type CheckResult = { readonly findings: readonly Finding[]; readonly summary: CheckSummary };

export function checkBundle(
  bundle: Bundle,
  options?: CheckOptions,
  evaluation?: { figures: readonly Figure[]; graph: CalcGraph },
): CheckResult {
  const ctx = buildContext(bundle, options, evaluation);
  const findings = sortFindings(
    CHECK_RULES.filter((r) => !ctx.options.disabled.has(r.id)).flatMap((r) => r.run(ctx)),
  );
  return { findings, summary: summarise(findings, coverageOf(ctx)) };
}

/** The share of printed numbers tied to a figure (summary.coverage). */
export function coverageOf(ctx: CheckContext): Coverage {
  let printed = 0;
  let tied = 0;
  let computable = 0;
  for (const p of ctx.bundle.published) {
    if (p.value === null) continue;
    printed += 1;
    const id = claimedFigureId(p);
    if (!id) continue;
    tied += 1;
    if (ctx.figureById.has(id)) computable += 1;
  }
  return { printed, tied, computable };
}
