/** `assay validate <bundle>`: load the bundle folder and report every problem with file, row and column. */
import type { BundleIssue } from '@assay/core';
import { loadBundle } from '@assay/io';
import { type Command, EXIT, formatOption, onePositional } from '../command.js';

export function formatIssue(i: BundleIssue): string {
  const where = [
    i.file,
    i.row === undefined ? undefined : `row ${i.row}`,
    i.column === undefined ? undefined : `column ${i.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${i.reason}`;
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'assay validate <bundle> [--format text|json]',
  summary: 'check a bundle folder and list every error with file, row and column',
  options: { format: { type: 'string' } },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json'], 'text');
    const dir = onePositional(args, 'bundle folder');
    const result = await loadBundle(dir);
    if (format === 'json') {
      const body = result.ok
        ? { ok: true, counts: counts(result.bundle) }
        : { ok: false, issues: result.issues };
      io.out(JSON.stringify(body, null, 2));
    } else if (result.ok) {
      const c = counts(result.bundle);
      io.out(
        `${dir}: valid — ${c.entities} entities, ${c.dataPoints} data points, ${c.activityLines} activity lines, ${c.published} published figures`,
      );
    } else {
      for (const i of result.issues) io.err(formatIssue(i));
      io.err(`${dir}: ${result.issues.length} error(s)`);
    }
    return result.ok ? EXIT.clean : EXIT.findings;
  },
};

function counts(b: import('@assay/core').Bundle) {
  return {
    entities: b.organisation.entities.length,
    dataPoints: b.dataPoints.length,
    activityLines: b.activityLines.length,
    published: b.published.length,
    factors: b.factors.length,
  };
}
