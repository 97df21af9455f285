/**
 * `validateBundle`: the bundle layer's validation with the standard rules from above it (the
 * standard indicator catalogue, explanation subjects checked against the frameworks, what each
 * activity line's method needs of it: a unit it can convert, a Scope 3 category and method).
 */

import type { RawBundle } from '../bundle/raw.js';
import type { ActivityLineCheck } from '../bundle/row-context.js';
import type { BundleValidation } from '../bundle/validate-bundle.js';
import { validateBundleForm } from '../bundle/validate-bundle.js';
import { standardCatalogue } from '../catalogue/catalogue.js';
import { factorLibrary, withOverrides } from '../factors/library.js';
import { checkExplanations } from '../frameworks/check-explanations.js';
import { activityLineRule as activityLineRuleOf, type SupplierRef } from '../methods/activity-entry.js';
import type { FactorRecord } from '../model/factor-record.js';
import type { Indicator } from '../model/indicator.js';
import type { Methods } from '../model/methods.js';

export function validateBundle(
  raw: RawBundle,
  baseCatalogue: readonly Indicator[] = standardCatalogue(),
): BundleValidation {
  return validateBundleForm(raw, { baseCatalogue, checkExplanations, activityLineRule: activityLineCheck });
}

/**
 * What validateBundle checks of each activity line beyond its form (io's CSV fast path asks the
 * same): lines are checked against the library with the bundle's own factors over it.
 */
export function activityLineCheck(ctx: {
  methods: Methods;
  factors: readonly FactorRecord[];
  /** The supplier register, when the bundle has one: a Scope 3 line's `supplier` must name one of them. */
  suppliers?: readonly SupplierRef[];
}): ActivityLineCheck {
  return activityLineRuleOf({
    ...(ctx.suppliers === undefined ? {} : { suppliers: ctx.suppliers }),
    ghgMethod: ctx.methods.ghg,
    library: ctx.factors.length === 0 ? factorLibrary() : withOverrides(factorLibrary(), ctx.factors),
    ...(ctx.methods.scope3 === undefined ? {} : { scope3FactorSets: ctx.methods.scope3 }),
  });
}
