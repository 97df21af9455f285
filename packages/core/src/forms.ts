/**
 * `@assay/core/forms`: what the store sees of core — the domain model and the bundle's forms
 * (raw tables, columns, stored fact fields, serialisation), validation of a raw bundle, and the
 * approval workflow's shapes and period-lock rule (workflow/state.ts, period-lock.ts). Nothing of calculation, checks, frameworks or the report.
 */
export * from './bundle/columns.js';
export * from './bundle/fact-fields.js';
export * from './bundle/raw.js';
export * from './bundle/serialize-bundle.js';
export * from './bundle/table-rows.js';
export type { BundleValidation } from './bundle/validate-bundle.js';
export * from './decimal.js';
export * from './model/bundle.js';
export * from './model/fact.js';
export * from './model/factor-record.js';
export * from './model/indicator.js';
export * from './model/methods.js';
export * from './model/organisation.js';
export * from './model/period.js';
export * from './model/published.js';
export * from './model/registers.js';
export * from './model/restatement.js';
export * from './model/text.js';
export { validateBundle } from './validate/validate-bundle.js';
export * from './workflow/period-lock.js';
export * from './workflow/restatement.js';
export * from './workflow/state.js';
