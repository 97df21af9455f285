/**
 * Test fixtures for other packages' tests and benchmarks (`@assay/core/testing`); never part of
 * core's public index, so no product code can reach them.
 */

export { generateCleanBundle } from '../checks/testing/generate-clean-bundle.js';
export { HOSTILE_TEXT, reportTestBundle } from '../report/test-report-bundle.js';
export * as builder from './bundle-builder.js';
export * from './raw-bundle.js';
