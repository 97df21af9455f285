/** Disclosure frameworks, their crosswalk to figures and narrative, completeness and content indexes. */
export * from './assess-completeness.js';
export * from './availability.js';
export * from './citations.js';
export * from './content-index.js';
export * from './evidence.js';
export * from './framework.js';
export * from './materiality-outcome.js';
export * from './obligation.js';
export * from './registry.js';
export * from './requirement-text.js';
