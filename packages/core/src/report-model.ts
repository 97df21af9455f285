/**
 * `@assay/core/report-model`: what renderers see of core — the report model (blocks, cells,
 * labels), the glossary, lineage trees (the XLSX calculations sheet), quantities and decimals.
 * Renderers lay the model out; they never calculate, so nothing else is exported here.
 */

export type { Lineage } from './calc/lineage.js';
export * from './decimal.js';
export * from './glossary/index.js';
export type { LocalisedText } from './model/text.js';
export { REPORT_LABELS, STATUS_LABEL } from './report/labels.js';
export * from './report/model.js';
export * from './units/quantity.js';
// unit labels in Chinese (the Calculations sheet's unit column)
export { unitLabelZh } from './units/unit.js';
