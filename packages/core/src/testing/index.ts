/**
 * Test fixtures for other packages' tests and benchmarks (`@assay/core/testing`); never part of
 * core's public index, so no product code can reach them.
 */

export * as builder from './bundle-builder.js';
export { generateCleanBundle } from './generate-clean-bundle.js';
export * from './raw-bundle.js';
export { HOSTILE_TEXT, reportTestBundle } from './report-bundle.js';
