/**
 * exceljs, loaded on first use. Importing it costs about 0.45 s of start-up (measured here:
 * `import('exceljs')` 0.55 s against 0.1 s for an empty import), which the CSV import and most
 * `assay` commands never need. exceljs is CommonJS, so a synchronous require keeps the callers'
 * signatures as they were.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);
let loaded: typeof ExcelJS | undefined;

export function excel(): typeof ExcelJS {
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}
