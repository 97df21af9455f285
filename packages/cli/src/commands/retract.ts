/**
 * `assay retract --data-point <id-or-key>… --activity-line <id>… --reason R [--author A]`:
 * withdraw facts that should not be there. Each gets a new revision marked retracted, in one
 * change set with one audit entry; nothing is removed, and importing the fact again brings it
 * back. Exit 0 when retracted, 1 when any fact is unknown or already retracted (then nothing
 * is written), 2 on bad usage (nothing named, no reason).
 */
import { retractFacts } from '@assay/store';
import { type Command, EXIT, UsageError } from '../command.js';
import { authorOf, now, withStore } from './db.js';

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const retractCommand: Command = {
  name: 'retract',
  usage: 'assay retract --data-point <id-or-key>… --activity-line <id>… --reason R [--author A]',
  summary:
    'retract data points (by id or entity|period|indicator|disaggregation key) and activity lines: a new revision marks each withdrawn, audited; re-importing brings it back',
  options: {
    'data-point': { type: 'string', multiple: true },
    'activity-line': { type: 'string', multiple: true },
    reason: { type: 'string' },
    author: { type: 'string' },
  },
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const dataPoints = list(args.values['data-point']);
    const activityLines = list(args.values['activity-line']);
    if (dataPoints.length + activityLines.length === 0)
      throw new UsageError('name at least one --data-point or --activity-line');
    const reason = typeof args.values.reason === 'string' ? args.values.reason.trim() : '';
    if (reason === '') throw new UsageError('--reason is required: say why the facts are retracted');
    return withStore(io, async (store) => {
      const r = await retractFacts(
        store,
        { dataPoints, activityLines },
        { author: authorOf(args.values.author), reason, at: now(), subject: 'assay retract' },
      );
      if (!r.ok) {
        for (const p of r.problems) io.err(p.message);
        io.err(`${plural(r.problems.length, 'problem')}; nothing was retracted`);
        return EXIT.findings;
      }
      io.out(
        `retracted ${plural(r.dataPoints.length, 'data point')} and ${plural(r.activityLines.length, 'activity line')} (change set ${r.changeSet})`,
      );
      for (const key of r.dataPoints) io.out(`  data point ${key}`);
      for (const id of r.activityLines) io.out(`  activity line ${id}`);
      return EXIT.clean;
    });
  },
};
