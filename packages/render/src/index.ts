export * from './html/escape.js';
export * from './html/render-html.js';
export * from './pdf/browser.js';
export * from './pdf/pdf-text.js';
export * from './pdf/render-pdf.js';
export * from './text/lang.js';
export * from './text/simplified.js';
