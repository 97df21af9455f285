/** Evaluate the workspace's bundle once per workspace version (figures are derived, never stored). */
import { bundleCatalogue, type Evaluation, evaluateBundle, type Figure, type Indicator } from '@assay/core';
import type { Snapshot } from '../workspace/workspace.js';

export type Evaluated = {
  readonly evaluation: Evaluation;
  readonly byId: ReadonlyMap<string, Figure>;
  readonly catalogue: ReadonlyMap<string, Indicator>;
};

const cache = new WeakMap<object, Evaluated>();

export function evaluated(s: Snapshot): Evaluated {
  const hit = cache.get(s.bundle);
  if (hit) return hit;
  const evaluation = evaluateBundle(s.bundle);
  const value = {
    evaluation,
    byId: new Map(evaluation.figures.map((f) => [f.id, f])),
    catalogue: bundleCatalogue(s.bundle),
  };
  cache.set(s.bundle, value);
  return value;
}
