/**
 * Delivers the e-mail outbox after commit (store/notifications/outbox-rows.ts): claim what is
 * due, send each message through the Mailer, record the outcome (retry-policy.ts decides when
 * to try again). It runs when kicked (right after a transition queued mail) and on a timer (for
 * retries), one run at a time in this process: a kick during a run makes one more run after it.
 * Nothing here ever throws into the caller; a fault is logged and the next run tries again.
 * Several processes may deliver from one database: the claims keep them off each other's
 * messages.
 */
import { claimDueMail, recordMailOutcome, type Store } from '@assay/store';
import { nextAttemptAt } from './retry-policy.js';
import type { Mailer } from './smtp-mailer.js';

/** How long a claim holds (ms): longer than one send can take (smtp-mailer.ts timeouts). */
const CLAIM_MS = 5 * 60_000;
const BATCH = 20;

export type DeliveryCounts = { sent: number; retrying: number; failed: number };

export type DelivererOptions = {
  readonly store: Store;
  readonly mailer: Mailer;
  readonly now: () => Date;
  /** One line per problem (the server's log); default: none. */
  readonly log?: (line: string) => void;
};

export class OutboxDeliverer {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** What every run of this deliverer did, added up (a command prints it at its end). */
  readonly totals: DeliveryCounts = { sent: 0, retrying: 0, failed: 0 };

  constructor(private readonly o: DelivererOptions) {}

  /** Deliver every message due now, oldest first; what happened to them. */
  async deliverDue(): Promise<DeliveryCounts> {
    const counts: DeliveryCounts = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const now = this.o.now();
      const claimed = await claimDueMail(this.o.store, {
        now: now.toISOString(),
        claimUntil: new Date(now.getTime() + CLAIM_MS).toISOString(),
        limit: BATCH,
      });
      if (claimed.length === 0) return counts;
      for (const m of claimed) {
        const out = await this.o.mailer.send({
          to: { name: m.toName, address: m.toAddress },
          subject: m.subject,
          text: m.body,
        });
        const at = this.o.now();
        if (out.ok) {
          await recordMailOutcome(this.o.store, { id: m.id, at: at.toISOString(), outcome: 'sent' });
          counts.sent++;
          this.totals.sent++;
          continue;
        }
        const retryAt = nextAttemptAt(at, m.attempts, out.permanent);
        await recordMailOutcome(this.o.store, {
          id: m.id,
          at: at.toISOString(),
          outcome: out.permanent ? 'permanent-failure' : 'temporary-failure',
          error: out.error,
          retryAt,
        });
        const kind = retryAt === null ? 'failed' : 'retrying';
        counts[kind]++;
        this.totals[kind]++;
        this.o.log?.(
          `mail ${m.id} to ${m.toAddress}: ${out.error}; ${retryAt === null ? 'given up (see the outbox)' : `next attempt ${retryAt}`}`,
        );
      }
    }
  }

  /** Start a run in the background (or one more after the current one). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.deliverDue();
        } catch (e) {
          this.o.log?.(`mail delivery: ${(e as Error).message}; trying again later`);
        }
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when no run is going on (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Kick every `intervalMs` (retries fall due); the timer does not keep the process alive. */
  start(intervalMs = 60_000): void {
    this.stopTimer();
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Stop the timer, wait for a run in progress, close the SMTP transport. */
  async stop(): Promise<void> {
    this.stopTimer();
    await this.idle();
    this.o.mailer.close();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
