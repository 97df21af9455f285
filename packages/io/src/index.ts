export * from './bundle-folder.js';
export * from './csv-text.js';
