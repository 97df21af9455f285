/** `assay audit verify`: walk the hash chain of the audit log; exit 1 naming the first broken link. */
import { verifyAudit } from '@assay/store';
import { type Command, EXIT, UsageError } from '../command.js';
import { withStore } from './db.js';

export const auditCommand: Command = {
  name: 'audit',
  usage: 'assay audit verify',
  summary: "check that no audit entry was edited, removed or reordered (the log's hash chain)",
  options: {},
  async run(args, io) {
    const [sub, ...rest] = args.positionals;
    if (sub !== 'verify' || rest.length > 0) throw new UsageError('the only audit subcommand is "verify"');
    return withStore(io, async (store) => {
      const v = await verifyAudit(store);
      if (v.ok) {
        io.out(
          `audit log intact: ${v.entries} entries, each linked to the one before; latest hash ${v.head}`,
        );
        return EXIT.clean;
      }
      io.err(`audit log broken at entry ${v.brokenAt} of ${v.entries}: ${v.reason}`);
      return EXIT.findings;
    });
  },
};
