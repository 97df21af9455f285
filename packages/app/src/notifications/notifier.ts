/**
 * Writing notifications (docs/workflow.md, "Notifications and reminders"): each one for one
 * recipient account, and, when e-mail is configured, its e-mail in the recipient's language
 * queued in the same transaction (the outbox); after commit the deliverer is kicked. Workflow
 * use cases call `afterTransition` once a transition is recorded; reminders call `record`.
 *
 * A transition never fails because of its notifications: `afterTransition` logs a fault and
 * returns (the transition is committed already; the notifications of that one transition are
 * then missing, which the log says).
 */
import type { Entity } from '@assay/core';
import {
  enqueueMail,
  insertNotification,
  type NewNotification,
  type NotifiableAccount,
  notifiableAccounts,
  type Store,
} from '@assay/store';
import { entityTree } from '../access/entity-tree.js';
import type { TransitionRecord, UnitRecord } from '../workspace/cycle-records.js';
import type { Workspace } from '../workspace/workspace.js';
import type { MailSettings } from './mail-settings.js';
import { noticeOf } from './notice-of.js';
import { noticeMail } from './notice-text.js';
import { OutboxDeliverer } from './outbox-deliverer.js';
import { transitionRecipients } from './recipients.js';
import { type Mailer, smtpMailer } from './smtp-mailer.js';

/** What the workflow use case hands over once a transition is recorded. */
export type RecordedTransition = {
  readonly ws: Workspace;
  readonly transition: TransitionRecord;
  readonly unit: UnitRecord;
};

/** The port the workflow use case calls (use-cases/workflow.ts). */
export interface WorkflowNotifier {
  afterTransition(t: RecordedTransition): Promise<void>;
}

/** One notification to write: its recipient and its row (without the time, stamped here). */
export type NotificationDraft = {
  readonly account: NotifiableAccount;
  readonly notification: Omit<NewNotification, 'at' | 'recipientId'>;
};

export type NotificationsOptions = {
  readonly store: Store;
  readonly now: () => Date;
  /** E-mail settings; none: in-app only. */
  readonly mail?: MailSettings | undefined;
  /** The mailer for `mail` (default: SMTP through nodemailer). */
  readonly mailer?: Mailer;
  readonly log?: (line: string) => void;
};

export class Notifications implements WorkflowNotifier {
  /** Delivers the outbox; undefined when e-mail is not configured. */
  readonly deliverer: OutboxDeliverer | undefined;

  constructor(private readonly o: NotificationsOptions) {
    this.deliverer = o.mail
      ? new OutboxDeliverer({
          store: o.store,
          mailer: o.mailer ?? smtpMailer(o.mail),
          now: o.now,
          ...(o.log ? { log: o.log } : {}),
        })
      : undefined;
  }

  get mailEnabled(): boolean {
    return this.deliverer !== undefined;
  }

  async afterTransition(r: RecordedTransition): Promise<void> {
    try {
      const t = r.transition;
      const submitterId =
        t.event === 'submit'
          ? t.userId
          : ([...(await r.ws.cycle.transitions(t))]
              .filter((x) => x.event === 'submit' && x.version < t.version)
              .at(-1)?.userId ?? null);
      const entities = r.ws.snapshot().bundle.organisation.entities;
      const recipients = transitionRecipients(
        { transition: t, unit: r.unit, submitterId },
        await notifiableAccounts(this.o.store),
        entityTree(entities),
      );
      await this.record(
        recipients.map(({ account, kind }) => ({
          account,
          notification: {
            kind,
            entityId: t.entityId,
            periodId: t.periodId,
            topic: t.topic,
            unitVersion: t.version,
            assignmentId: null,
            assignmentLabel: null,
            dueOn: null,
            reminderDay: null,
            actorId: t.userId,
            actor: t.actor,
            comment: t.comment,
          },
        })),
        entities,
      );
    } catch (e) {
      const t = r.transition;
      this.o.log?.(
        `notifications of ${t.event} on ${t.entityId} × ${t.periodId} × ${t.topic} (version ${t.version}) not written: ${(e as Error).message}`,
      );
    }
  }

  /**
   * Write the drafts (and their e-mail when configured) in one transaction, then kick delivery.
   * Each draft's id, or null for a reminder already written for that assignment and day.
   */
  async record(
    drafts: readonly NotificationDraft[],
    entities: readonly Entity[],
  ): Promise<(string | null)[]> {
    if (drafts.length === 0) return [];
    const at = this.o.now().toISOString();
    const ids = await this.o.store.transaction(async (tx) => {
      const out: (string | null)[] = [];
      for (const d of drafts) {
        const id = await insertNotification(tx, { ...d.notification, recipientId: d.account.id, at });
        out.push(id);
        if (id === null || !this.o.mail) continue;
        const mail = noticeMail(noticeOf(d.notification, entities), d.account.language, {
          email: d.account.email,
          baseUrl: this.o.mail.baseUrl,
        });
        await enqueueMail(tx, {
          notificationId: id,
          toAddress: d.account.email,
          toName: d.account.name,
          language: d.account.language,
          subject: mail.subject,
          body: mail.text,
          at,
        });
      }
      return out;
    });
    if (ids.some((id) => id !== null)) this.deliverer?.kick();
    return ids;
  }

  /** Stop delivering (waits for a run in progress). */
  async close(): Promise<void> {
    await this.deliverer?.stop();
  }
}
