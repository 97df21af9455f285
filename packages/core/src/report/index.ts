export * from './build-report.js';
export * from './content-index.js';
export * from './format-number.js';
export * from './model.js';
export * from './outline.js';
export * from './provisions-from-completeness.js';
