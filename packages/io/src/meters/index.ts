export * from './file-digest.js';
export * from './reading-round-sheet.js';
export * from './reading-row.js';
export * from './readings-columns.js';
export * from './readings-csv.js';
