/**
 * Undo the export's formula-injection guard (export/neutralise.ts): text that starts with one or
 * more apostrophes before a formula start (tab, CR, LF, or whitespace then = + - @ or their
 * full-width, small or minus-sign forms) had one apostrophe added on export, which is removed here.
 * Exported text therefore round-trips unchanged while staying inert in a spreadsheet. (A typed
 * "'=" at the start of a cell is read the same way.)
 */
import { FORMULA_GUARDED } from '../export/neutralise.js';

export function unneutralise(text: string): string {
  return FORMULA_GUARDED.test(text) ? text.slice(1) : text;
}
