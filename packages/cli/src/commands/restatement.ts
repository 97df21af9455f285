/**
 * `assay restatement list`: the store's restatement requests (docs/workflow.md, "Restatement and
 * base year"), oldest first: id, state and version, the change, who requested it, the reason,
 * each fact it moves (old → new value), and once approved the revisions it wrote, each linked to
 * the one it restates. Reading only; requests are made and approved through the API or the web.
 */
import { restatementRecords, type StoredRestatement } from '@assay/store';
import { type Command, EXIT, UsageError } from '../command.js';
import { withStore } from './db.js';

export function formatRestatement(r: StoredRestatement): string[] {
  const head = `restatement ${r.id}: ${r.state} (version ${r.version}), ${r.change}, requested by ${r.requester} at ${r.requestedAt}`;
  const lines = [head, `  reason: ${r.reason}`];
  for (const i of r.items) {
    const old = i.old ? `${i.old.value} ${i.old.unit} (revision ${i.old.rev})` : '(new)';
    const link = r.revisions.find((l) => l.kind === i.kind && l.factKey === i.factKey);
    const written = link ? `, written as revision ${link.newRev} in change set ${link.changeSet}` : '';
    lines.push(
      `  ${i.kind} ${i.factId} (${i.entityId}, ${i.periodId}): ${old} → ${i.newValue} ${i.newUnit}${written}`,
    );
  }
  return lines;
}

export const restatementCommand: Command = {
  name: 'restatement',
  usage: 'assay restatement list',
  summary:
    'list the restatement requests in the store: state, change, reason, the facts each moves (old → new) and the revisions an approved one wrote',
  options: {},
  async run(args, io) {
    const [sub, ...rest] = args.positionals;
    if (sub !== 'list' || rest.length > 0) throw new UsageError('the only restatement subcommand is "list"');
    return withStore(io, async (store) => {
      const all = await restatementRecords(store);
      if (all.length === 0) io.out('no restatement requests');
      for (const r of all) for (const line of formatRestatement(r)) io.out(line);
      return EXIT.clean;
    });
  },
};
