export * from './glossary.js';
export * from './terms.js';
