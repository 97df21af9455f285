/**
 * Nodes of the calculation graph: facts (inputs with provenance), factors (values from the
 * factor library with their record), constants, and derived nodes (a Formula over other nodes).
 * A node may carry `figure`: it is then a reported figure with indicator, entity, period,
 * disaggregation and printed precision.
 */

import type { CalcError } from '../errors.js';
import type { Disaggregation, Provenance } from '../model/fact.js';
import type { FactorRecord } from '../model/factor-record.js';
import type { Quantity, QuantityResult } from '../units/quantity.js';
import type { Formula } from './formula.js';

export type FigureMeta = {
  readonly indicatorId: string;
  readonly entityId: string;
  readonly periodId: string;
  readonly disaggregation: Disaggregation;
  readonly precision: number;
  readonly method?: string;
};

export type LabelKey = { readonly key: string; readonly args?: Readonly<Record<string, string>> };

export type FactInfo = Provenance & {
  readonly factId: string;
  readonly entityId: string;
  readonly periodId: string;
};

type Common = {
  readonly id: string;
  /** English label (CLI explain, check messages). */
  readonly label: string;
  /**
   * What a derived node computes, as data for its label in each report language (a key of
   * report/lineage-text.ts DERIVED_LABELS and its arguments: fuel, carrier, method…), set by
   * the method that adds it. Figures, facts and factors need none: their labels come at report
   * time from the catalogue, the bundle and the glossary, so no text is kept per fact.
   */
  readonly labelKey?: LabelKey;
  readonly figure?: FigureMeta;
  readonly note?: string;
};

export type NodeSpec =
  | (Common & { readonly kind: 'fact'; readonly value: Quantity; readonly fact: FactInfo })
  | (Common & { readonly kind: 'factor'; readonly value: QuantityResult; readonly factor?: FactorRecord })
  | (Common & { readonly kind: 'constant'; readonly value: Quantity })
  | (Common & { readonly kind: 'derived'; readonly formula: Formula })
  /** A value that is known to be wrong before any arithmetic (e.g. a certificate used twice). */
  | (Common & { readonly kind: 'invalid'; readonly value: CalcError });

export function inputsOf(spec: NodeSpec): readonly string[] {
  return spec.kind === 'derived' ? spec.formula.inputs : [];
}
