/**
 * Every command prints through this: text that came from input (cell values, file names, stored
 * reasons and subjects) cannot drive the terminal. Control characters other than the newline and
 * tab the commands use for layout are shown escaped (io's printableLines); values that could hold
 * a newline of their own are escaped whole where they are formatted (formatImportIssue).
 */
import { printableLines } from '@assay/io';
import type { Output } from './command.js';

export function safeOutput(io: Output): Output {
  return { out: (t) => io.out(printableLines(t)), err: (t) => io.err(printableLines(t)) };
}
