/** The disclosure checker (docs/checks.md). */
export * from './check-bundle.js';
export * from './context.js';
export * from './finding.js';
export * from './finding-id.js';
export * from './options.js';
export * from './rule.js';
export { SIMPLIFIED_TO_TRADITIONAL, toTraditional } from './util/simplified-chars.js';
