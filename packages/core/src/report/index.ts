export * from './build-report.js';
export * from './content-index.js';
export * from './format-number.js';
export { REPORT_LABELS, STATUS_LABEL } from './labels.js';
export * from './model.js';
export * from './outline.js';
export * from './provisions-from-completeness.js';
export * from './restatement-note.js';
export * from './status.js';
