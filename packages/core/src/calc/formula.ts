/**
 * Formulas as data. A derived node is one of these operations over other nodes, named by id;
 * no formula is code. Units are labels parsed by units/unit.ts; the result is expressed in
 * `unit` when given (and must have that dimension), else in the natural unit of the operation.
 *
 *   sum          Σ inputs                        (inputs share a dimension; empty sum = 0 unit)
 *   weighted-sum Σ weights[i] × inputs[i]        (consolidation: weights are ownership shares)
 *   product      Π inputs
 *   ratio        inputs[0] ÷ inputs[1]
 *   difference   inputs[0] − inputs[1]          (nonNegative: a negative result is an error)
 *   convert      inputs[0] expressed in unit
 */
export type Formula =
  | { readonly op: 'sum'; readonly inputs: readonly string[]; readonly unit: string }
  | {
      readonly op: 'weighted-sum';
      readonly inputs: readonly string[];
      readonly weights: readonly string[];
      readonly unit: string;
    }
  | { readonly op: 'product'; readonly inputs: readonly string[]; readonly unit?: string }
  | { readonly op: 'ratio'; readonly inputs: readonly [string, string]; readonly unit?: string }
  | {
      readonly op: 'difference';
      readonly inputs: readonly [string, string];
      readonly unit?: string;
      readonly nonNegative?: boolean;
    }
  | { readonly op: 'convert'; readonly inputs: readonly [string]; readonly unit: string };

export type FormulaOp = Formula['op'];

/**
 * The input list of a formula whose inputs are handed to CalcGraph.addWithInputs as node indices:
 * one shared empty list, so that such a formula object can be shared by many nodes (the graph
 * rebuilds the ids from its columns when a spec is asked for).
 */
export const NO_INPUTS: readonly string[] = Object.freeze([]);

export const OP_SYMBOL: { readonly [K in FormulaOp]: string } = {
  sum: '+',
  'weighted-sum': '+',
  product: '×',
  ratio: '÷',
  difference: '−',
  convert: '→',
};
