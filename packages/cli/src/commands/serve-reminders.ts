/**
 * Overdue reminders while `assay serve` runs: every hour (and once at start) the same run as
 * `assay remind` (app's remindOverdue; at most one reminder per task and day, so running it
 * hourly adds one a day). Needed because an embedded (PGlite) store is open in one process at a
 * time: `assay remind` cannot run beside the server. The day is counted in ASSAY_TIME_ZONE
 * (default UTC). A run that reminds someone, or fails, says so in the log; the others are quiet.
 */
import type { Notifications, Workspace } from '@assay/app';
import type { Store } from '@assay/store';
import type { Output } from '../command.js';

const HOUR_MS = 3_600_000;

/** Start the hourly runs; the returned function stops them (waiting for a run under way). */
export async function startServeReminders(
  store: Store,
  ws: Workspace,
  notifications: Notifications,
  io: Output,
): Promise<() => Promise<void>> {
  const app = await import('@assay/app');
  const { accountDirectory, entityTree, localCaller } = await import('@assay/app/access');
  const timeZone = process.env.ASSAY_TIME_ZONE || 'UTC';
  const once = async () => {
    try {
      const entities = ws.snapshot().bundle.organisation.entities;
      const run = await app.remindOverdue({
        store,
        caller: localCaller(entityTree(entities), 'Assay'),
        notifications,
        overdue: app.overdueFromAssignments(ws, accountDirectory(store)),
        entities,
        now: new Date(),
        timeZone,
      });
      if (!run.ok) io.err(app.printable(`[assay] reminders: ${run.error.message}`));
      else if (run.value.reminded > 0)
        io.err(`[assay] reminders ${run.value.day}: ${run.value.reminded} overdue task(s) reminded`);
    } catch (e) {
      io.err(app.printable(`[assay] reminders: ${(e as Error).message}; trying again in an hour`));
    }
  };
  let running: Promise<void> | undefined;
  const start = () => {
    running ??= once().finally(() => {
      running = undefined;
    });
  };
  start();
  const timer = setInterval(start, HOUR_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
