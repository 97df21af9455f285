/**
 * Sending one e-mail through the configured SMTP server (nodemailer), as plain text. The answer
 * says whether a failure is permanent (the server refused the message or recipient with a 5xx
 * reply: trying again will not help) or temporary (no connection, a timeout, a 4xx reply, a
 * failed sign-in that a corrected configuration may fix): the outbox tries again later only then.
 */
import { createTransport } from 'nodemailer';
import type { MailSettings } from './mail-settings.js';

export type OutgoingMail = {
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
};

export type SendOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly permanent: boolean; readonly error: string };

/** The port the outbox deliverer sends through. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

/** Seconds: a send never waits longer than about a minute (the outbox claim lasts longer). */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

type SmtpError = Error & { code?: string; responseCode?: number };

export function smtpMailer(settings: MailSettings): Mailer {
  const transport = createTransport({ url: settings.smtpUrl, ...TIMEOUTS });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: { name: mail.to.name, address: mail.to.address },
          subject: mail.subject,
          text: mail.text,
          // No HTML part: every value stays text.
        });
        return { ok: true };
      } catch (e) {
        const err = e as SmtpError;
        const code = err.responseCode;
        const permanent = code !== undefined && code >= 500 && code < 600 && err.code !== 'EAUTH';
        return { ok: false, permanent, error: err.message || String(e) };
      }
    },
    close: () => transport.close(),
  };
}
