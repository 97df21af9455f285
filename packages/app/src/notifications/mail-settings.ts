/**
 * The e-mail settings a front door reads from its configuration (the CLI's serve and remind
 * commands: ASSAY_SMTP_URL, ASSAY_MAIL_FROM, ASSAY_BASE_URL) and checks here: the SMTP server's
 * URL (smtp:// or smtps://, user and password in it when the server needs them), the sender
 * address, and the app's address for the link in each e-mail. No SMTP URL: notifications are
 * in-app only. Problems name the setting.
 */

export type MailSettings = {
  /** smtp://user:password@host:587 or smtps://…:465 (nodemailer's connection URL). */
  readonly smtpUrl: string;
  /** "Assay <assay@example.com>". */
  readonly from: string;
  /** The web app's address, without a trailing slash, for the link in each e-mail. */
  readonly baseUrl?: string;
};

export type MailSettingsInput = {
  readonly smtpUrl?: string | undefined;
  readonly from?: string | undefined;
  readonly baseUrl?: string | undefined;
};

export type MailSettingsProblem = { readonly field: keyof MailSettingsInput; readonly message: string };

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;
/** "Name <address>" or "address", one line. */
const FROM = /^(?:[^\p{Cc}<>]{0,200}<([^<>]+)>|([^<>]+))$/u;

/** The SMTP URL for a log line: the password replaced by ***. */
export function describeSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

/** Checked settings; undefined when no SMTP URL is given (in-app only). */
export function mailSettings(
  input: MailSettingsInput,
): { ok: true; settings: MailSettings | undefined } | ({ ok: false } & MailSettingsProblem) {
  const smtpUrl = input.smtpUrl?.trim() ?? '';
  if (smtpUrl === '') {
    if (input.from || input.baseUrl)
      return { ok: false, field: 'smtpUrl', message: 'a sender or base URL is set but no SMTP server URL' };
    return { ok: true, settings: undefined };
  }
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return { ok: false, field: 'smtpUrl', message: 'not a URL: write smtp://host:587 or smtps://host:465' };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    return { ok: false, field: 'smtpUrl', message: `"${url.protocol}" is not smtp: or smtps:` };
  if (url.hostname === '') return { ok: false, field: 'smtpUrl', message: 'the URL names no host' };
  const host = /^[0-9.]+$|^\[/.test(url.hostname) || !url.hostname.includes('.') ? 'localhost' : url.hostname;
  const from = input.from?.trim() || `Assay <assay@${host}>`;
  const m = FROM.exec(from);
  const address = (m?.[1] ?? m?.[2] ?? '').trim();
  if (!ADDRESS.test(address))
    return { ok: false, field: 'from', message: `"${from}" is not an address ("Assay <assay@example.com>")` };
  let baseUrl: string | undefined;
  if (input.baseUrl?.trim()) {
    try {
      const b = new URL(input.baseUrl.trim());
      if (b.protocol !== 'http:' && b.protocol !== 'https:') throw new Error('scheme');
      baseUrl = b.toString().replace(/\/$/, '');
    } catch {
      return { ok: false, field: 'baseUrl', message: `"${input.baseUrl}" is not an http(s) URL` };
    }
  }
  return { ok: true, settings: { smtpUrl, from, ...(baseUrl ? { baseUrl } : {}) } };
}
