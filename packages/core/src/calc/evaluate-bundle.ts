/**
 * Evaluate a bundle into figures. Every input data point is a figure in its own right (its
 * value as entered); derived figures come from the calculation graph (added by calc/graph).
 */

import { bundleCatalogue } from '../bundle/validate-bundle.js';
import type { Bundle } from '../model/bundle.js';
import { type Figure, figureId } from './figure.js';

export type Evaluation = { readonly figures: readonly Figure[] };

export function inputFigures(bundle: Bundle): Figure[] {
  const catalogue = bundleCatalogue(bundle);
  return bundle.dataPoints.map((d) => ({
    id: figureId(d.indicatorId, d.entityId, d.periodId, d.disaggregation),
    indicatorId: d.indicatorId,
    entityId: d.entityId,
    periodId: d.periodId,
    disaggregation: d.disaggregation,
    value: d.quantity,
    precision: catalogue.get(d.indicatorId)?.precision ?? 2,
    method: 'input',
  }));
}

export function evaluateBundle(bundle: Bundle): Evaluation {
  return { figures: inputFigures(bundle) };
}
