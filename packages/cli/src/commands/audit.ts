/** `assay audit verify`: walk the hash chain of the audit log; exit 1 naming the first broken link. */
import { verifyAudit, verifyRevisions } from '@assay/store';
import { type Command, EXIT, UsageError } from '../command.js';
import { withStore } from './db.js';

export const auditCommand: Command = {
  name: 'audit',
  usage: 'assay audit verify',
  summary:
    "check that no audit entry was edited, removed or reordered (the log's hash chain), and that fact revisions are numbered 1..n in audited change sets",
  options: {},
  async run(args, io) {
    const [sub, ...rest] = args.positionals;
    if (sub !== 'verify' || rest.length > 0) throw new UsageError('the only audit subcommand is "verify"');
    return withStore(io, async (store) => {
      const v = await verifyAudit(store);
      const problems = await verifyRevisions(store);
      for (const p of problems) io.err(`${p.table}: ${p.reason}`);
      if (v.ok && problems.length === 0) {
        io.out(
          `audit log intact: ${v.entries} entries, each linked to the one before; latest hash ${v.head}; fact revisions consistent`,
        );
        return EXIT.clean;
      }
      if (!v.ok) io.err(`audit log broken at entry ${v.brokenAt} of ${v.entries}: ${v.reason}`);
      return EXIT.findings;
    });
  },
};
