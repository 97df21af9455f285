/**
 * E-mail settings for `assay serve` and `assay remind` from the environment (docs/workflow.md,
 * "Notifications and reminders"; docs/cli.md): ASSAY_SMTP_URL (smtp://user:password@host:587 or
 * smtps://…:465), ASSAY_MAIL_FROM (the sender, default "Assay <assay@<SMTP host>>") and
 * ASSAY_BASE_URL (the web app's address, for the link in each e-mail). No ASSAY_SMTP_URL:
 * notifications are in-app only. The environment rather than flags: the SMTP password is in the
 * URL, and a flag would show it to everyone who lists the machine's processes. app's
 * `mailSettings` checks them; its problem names a field, reported here as the variable to fix.
 */
import type { MailSettingsInput, Notifications } from '@assay/app';
import type { Store } from '@assay/store';
import { EXIT, type ExitCode, type Output } from '../command.js';

export const MAIL_ENV: { readonly [K in keyof MailSettingsInput]-?: string } = {
  smtpUrl: 'ASSAY_SMTP_URL',
  from: 'ASSAY_MAIL_FROM',
  baseUrl: 'ASSAY_BASE_URL',
};

/** What the environment says, unchecked (empty variables count as unset). */
export function mailFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettingsInput {
  return Object.fromEntries(
    Object.entries(MAIL_ENV).map(([field, name]) => [field, env[name] === '' ? undefined : env[name]]),
  ) as MailSettingsInput;
}

/**
 * Notifications over the store with the environment's e-mail settings, saying once on stderr
 * (the log) whether e-mail is sent and through which server (its password hidden); a setting
 * that is wrong is reported with its variable (exit 2). Delivery is not started here.
 */
export async function configuredNotifications(store: Store, io: Output): Promise<Notifications | ExitCode> {
  const { describeSmtpUrl, mailSettings, Notifications, printable } = await import('@assay/app');
  const mail = mailSettings(mailFromEnv());
  if (!mail.ok) {
    io.err(`assay: ${MAIL_ENV[mail.field]}: ${mail.message}`);
    return EXIT.usage;
  }
  io.err(
    mail.settings
      ? `e-mail: notifications are also mailed through ${describeSmtpUrl(mail.settings.smtpUrl)} from ${mail.settings.from}`
      : `e-mail: ${MAIL_ENV.smtpUrl} is not set, so notifications are in-app only`,
  );
  return new Notifications({
    store,
    now: () => new Date(),
    mail: mail.settings,
    log: (line) => io.err(printable(`[assay] ${line}`)),
  });
}
