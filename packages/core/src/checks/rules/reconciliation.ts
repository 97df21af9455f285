/**
 * Rule 4, reconciliation: totals equal the sum of their parts, in the printed layer and among
 * the inputs; averages over categories reconcile with the whole. Relations are data
 * (util/relations.ts over methods/rules.ts); see the modules below for each kind.
 */
import type { CheckRule } from '../rule.js';
import { categoryAverages } from './reconcile-averages.js';
import { inputDisaggregations } from './reconcile-inputs.js';
import {
  publishedDisaggregations,
  publishedRatios,
  publishedSums,
  publishedTwice,
} from './reconcile-published.js';

export const reconciliationRule: CheckRule = {
  id: 'reconciliation',
  run: (ctx) => [
    ...publishedSums(ctx),
    ...publishedDisaggregations(ctx),
    ...publishedTwice(ctx),
    ...publishedRatios(ctx),
    ...inputDisaggregations(ctx),
    ...categoryAverages(ctx),
  ],
};
