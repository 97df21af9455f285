/**
 * @assay/core: the pure domain. No I/O, no Node built-ins, no clock, no randomness.
 */

export * from './bundle/columns.js';
export * from './bundle/fact-fields.js';
export * from './bundle/load-published.js';
export * from './bundle/raw.js';
export * from './bundle/serialize-bundle.js';
export * from './bundle/table-rows.js';
export * from './bundle/validate-bundle.js';
export * from './calc/figure.js';
export * from './calc/formula.js';
export * from './calc/graph.js';
export * from './calc/lineage.js';
export * from './calc/node.js';
export * from './catalogue/bundle-catalogue.js';
export * from './catalogue/catalogue.js';
export * from './catalogue/derived.js';
export * from './checks/index.js';
export * from './decimal.js';
export * from './errors.js';
export * from './factors/factor-quantity.js';
export * from './factors/factor-queries.js';
export * from './factors/library.js';
export * from './factors/select-factor.js';
export * from './frameworks/check-explanations.js';
export * from './frameworks/index.js';
export * from './glossary/index.js';
export * from './methods/build-graph.js';
export * from './methods/evaluate-bundle.js';
export * from './methods/rules.js';
export * from './model/bundle.js';
export * from './model/fact.js';
export * from './model/factor-record.js';

export * from './model/indicator.js';
export * from './model/methods.js';
export * from './model/organisation.js';
export * from './model/period.js';
export * from './model/published.js';
export * from './model/registers.js';
export * from './model/text.js';
export * from './report/index.js';
export * from './units/dimension.js';
export * from './units/quantity.js';
export * from './units/unit.js';
export * from './units/unit-table.js';
export * from './validate/validate-bundle.js';
export * from './workflow/period-lock.js';
export * from './workflow/state.js';
export * from './workflow/transition.js';
