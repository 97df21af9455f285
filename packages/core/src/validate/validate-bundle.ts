/**
 * `validateBundle`: the bundle layer's validation with the standard rules from above it (the
 * standard indicator catalogue, explanation subjects checked against the frameworks).
 */

import type { RawBundle } from '../bundle/raw.js';
import type { BundleValidation } from '../bundle/validate-bundle.js';
import { validateBundleForm } from '../bundle/validate-bundle.js';
import { standardCatalogue } from '../catalogue/catalogue.js';
import { checkExplanations } from '../frameworks/check-explanations.js';
import type { Indicator } from '../model/indicator.js';

export function validateBundle(
  raw: RawBundle,
  baseCatalogue: readonly Indicator[] = standardCatalogue(),
): BundleValidation {
  return validateBundleForm(raw, { baseCatalogue, checkExplanations });
}
