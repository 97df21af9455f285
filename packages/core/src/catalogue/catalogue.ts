/**
 * The standard indicator catalogue: the union of the topic files. Ids are stable, dotted,
 * lower-case ("ghg.scope1", "employees.headcount"). Bundles may add to or override it.
 */
import type { Indicator } from '../model/indicator.js';
import { CLIMATE_INDICATORS } from './climate.js';
import { DERIVED_INDICATORS } from './derived.js';
import { ECONOMIC_INDICATORS } from './economic.js';
import { ENVIRONMENT_INDICATORS } from './environment.js';
import { GOVERNANCE_INDICATORS } from './governance.js';
import { REGISTER_INDICATORS } from './registers.js';
import { SOCIAL_INDICATORS } from './social.js';

export function standardCatalogue(): Indicator[] {
  return [
    ...ECONOMIC_INDICATORS,
    ...ENVIRONMENT_INDICATORS,
    ...SOCIAL_INDICATORS,
    ...GOVERNANCE_INDICATORS,
    ...CLIMATE_INDICATORS,
    ...DERIVED_INDICATORS,
    ...REGISTER_INDICATORS,
  ];
}
