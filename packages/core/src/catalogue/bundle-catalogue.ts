import type { Bundle } from '../model/bundle.js';
import type { Indicator } from '../model/indicator.js';
import { standardCatalogue } from './catalogue.js';

/** The catalogue a bundle sees: the standard one with the bundle's additions and overrides. */
export function bundleCatalogue(
  bundle: Bundle,
  base: readonly Indicator[] = standardCatalogue(),
): Map<string, Indicator> {
  const m = new Map<string, Indicator>(base.map((i) => [i.id, i]));
  for (const i of bundle.indicators) m.set(i.id, i);
  return m;
}
