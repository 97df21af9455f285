/**
 * `assay remind [--time-zone Asia/Hong_Kong] [--at <ISO time>]`: an overdue reminder to the
 * assignee of every task overdue now (app's remindOverdue over the assignments; docs/workflow.md,
 * "Notifications and reminders"), in-app and, with ASSAY_SMTP_URL set, by e-mail; then the
 * e-mail due is delivered (new reminders and earlier mail whose retry has come). At most one
 * reminder per task and day: run it daily (cron), or as often as you like. `assay serve` does the
 * same every hour while it runs. The day is counted in --time-zone (default ASSAY_TIME_ZONE,
 * else UTC). --at names the time to remind for (default now), for a catch-up or a test.
 *
 * Runs on the local store as its administrator (the operating-system user; docs/security.md).
 * Exit status: 0 done (mail that failed is retried later and listed in the outbox, GET
 * /api/notifications/outbox); 1 the store holds no organisation or cannot be opened; 2 bad usage.
 */
import { type Command, EXIT, type ParsedArgs, UsageError } from '../command.js';
import { authorOf, withStore } from './db.js';
import { configuredNotifications } from './mail-config.js';

function options(args: ParsedArgs): { timeZone: string; at: Date } {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const zone = args.values['time-zone'];
  const timeZone = typeof zone === 'string' ? zone : process.env.ASSAY_TIME_ZONE || 'UTC';
  const atText = args.values.at;
  const at = typeof atText === 'string' ? new Date(atText) : new Date();
  if (typeof atText === 'string' && (!/^\d{4}-\d{2}-\d{2}T/.test(atText) || Number.isNaN(at.getTime())))
    throw new UsageError(`--at must be an ISO-8601 time such as 2026-02-20T09:00:00+08:00, not "${atText}"`);
  return { timeZone, at };
}

export const remindCommand: Command = {
  name: 'remind',
  usage: 'assay remind [--time-zone Asia/Hong_Kong] [--at 2026-02-20T09:00:00+08:00]',
  summary:
    'remind the assignees of overdue tasks (in-app, and by e-mail with ASSAY_SMTP_URL); once a day per task',
  options: { 'time-zone': { type: 'string' }, at: { type: 'string' } },
  async run(args, io) {
    const { timeZone, at } = options(args);
    const app = await import('@assay/app');
    if (app.dayIn(at, timeZone) === undefined)
      throw new UsageError(
        `--time-zone: "${timeZone}" is not a time zone (write e.g. Asia/Hong_Kong or UTC)`,
      );
    const { accountDirectory, entityTree, localCaller } = await import('@assay/app/access');
    return withStore(io, async (store) => {
      const source = await app.loadSource({ store });
      if (!source.ok) {
        io.err(
          `assay: ${source.where}: the store holds no organisation yet; nothing to remind (import a bundle first)`,
        );
        return EXIT.findings;
      }
      const bundle = source.snapshot.bundle;
      const opened = await app.StoreWorkspace.open(store, bundle);
      if (!opened.ok) {
        io.err(`assay: ${opened.reason}`);
        return EXIT.findings;
      }
      const notifications = await configuredNotifications(store, io);
      if (typeof notifications === 'number') return notifications;
      try {
        const entities = bundle.organisation.entities;
        const run = await app.remindOverdue({
          store,
          caller: localCaller(entityTree(entities), authorOf(undefined)),
          notifications,
          overdue: app.overdueFromAssignments(opened.workspace, accountDirectory(store)),
          entities,
          now: at,
          timeZone,
        });
        if (!run.ok) {
          io.err(
            `assay: ${run.error.field ? `--${run.error.field === 'timeZone' ? 'time-zone' : run.error.field}: ` : ''}${run.error.message}`,
          );
          return run.error.code === 'invalid-request' ? EXIT.usage : EXIT.findings;
        }
        const r = run.value;
        io.out(
          `${r.day} (${timeZone}): ${r.overdue} overdue task(s); ${r.reminded} reminded, ${r.alreadyToday} already reminded that day`,
        );
        for (const s of r.skipped) io.out(`  skipped assignment ${s.assignmentId}: ${s.reason}`);
        const deliverer = notifications.deliverer;
        if (deliverer) {
          // The reminders' own run (kicked when they were written) and one more for mail due.
          await deliverer.idle();
          await deliverer.deliverDue();
          const d = deliverer.totals;
          io.out(
            `e-mail: ${d.sent} sent, ${d.retrying} to try again later, ${d.failed} failed (see the outbox)`,
          );
        }
        return EXIT.clean;
      } finally {
        // The store (and any listener the workspace opened on it) is closed by withStore.
        await notifications.close();
      }
    });
  },
};
