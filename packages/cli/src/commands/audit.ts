/**
 * `assay audit verify`: walk the hash chain of the audit log, check that fact revisions are
 * numbered 1..n in audited change sets, and hash every change set's revisions again against the
 * digest its audit entry records; exit 1 naming the first broken link and each changed revision.
 */
import { verifyAudit, verifyDigests, verifyRevisions } from '@assay/store';
import { type Command, EXIT, UsageError } from '../command.js';
import { withStore } from './db.js';

export const auditCommand: Command = {
  name: 'audit',
  usage: 'assay audit verify',
  summary:
    "check that no audit entry was edited, removed or reordered (the log's hash chain), that fact revisions are numbered 1..n in audited change sets, and that every revision still matches the digest its import or retraction recorded",
  options: {},
  async run(args, io) {
    const [sub, ...rest] = args.positionals;
    if (sub !== 'verify' || rest.length > 0) throw new UsageError('the only audit subcommand is "verify"');
    return withStore(io, async (store) => {
      const v = await verifyAudit(store);
      const problems = await verifyRevisions(store);
      for (const p of problems) io.err(`${p.table}: ${p.reason}`);
      const digests = await verifyDigests(store);
      for (const p of digests.problems) io.err(p.reason);
      if (v.ok && problems.length === 0 && digests.problems.length === 0) {
        const uncovered =
          digests.uncovered === 0
            ? ''
            : ` (${digests.uncovered} retraction(s) recorded before retractions had digests: numbering checked only)`;
        io.out(
          `audit log intact: ${v.entries} entries, each linked to the one before; latest hash ${v.head}; ` +
            `fact revisions consistent; ${digests.revisions} fact revisions match their digests in ${digests.checked} change sets${uncovered}`,
        );
        return EXIT.clean;
      }
      if (!v.ok) io.err(`audit log broken at entry ${v.brokenAt} of ${v.entries}: ${v.reason}`);
      return EXIT.findings;
    });
  },
};
