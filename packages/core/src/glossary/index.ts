export * from './calc-terms.js';
export * from './glossary.js';
export * from './terms.js';
