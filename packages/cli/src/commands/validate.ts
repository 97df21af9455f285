/** `assay validate <bundle>`: load the bundle folder and report every problem with file, row and column. */
import type { BundleIssue } from '@assay/core';
import { formatImportIssue, loadBundle } from '@assay/io';
import { type Command, EXIT, formatOption, onePositional } from '../command.js';

/** One line per issue, escaped whole (io's formatImportIssue), since a reason may quote a cell. */
export function formatIssue(i: BundleIssue): string {
  return formatImportIssue(i);
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
