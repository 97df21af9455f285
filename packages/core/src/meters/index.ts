/** Meters and readings (issue #22; docs/meters.md). */
export * from './analyse-meter.js';
export * from './finding-text.js';
export * from './meter.js';
export * from './meter-months.js';
export * from './reading.js';
export * from './reconcile.js';
export * from './roll-up.js';
export * from './roll-up-readings.js';
export * from './timestamp.js';
export * from './utility-bills.js';
export * from './validate-meters.js';
