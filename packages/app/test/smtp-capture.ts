/**
 * A real SMTP server inside a test (smtp-server, on 127.0.0.1 at a free port) that keeps every
 * message it accepts, parsed (mailparser): the e-mail tests send through it as through any SMTP
 * server. It can answer like a server in trouble: `mode` 'temporary' refuses every recipient
 * with 451 (try again later), addresses in `refuse` get 550 (no such user, permanent), and
 * `stop()` closes it (connection refused) until `start()` opens it again on the same port.
 */
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type CapturedMail = {
  readonly to: readonly string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  /** False: the message has no HTML part. */
  readonly html: string | false;
  readonly contentType: string;
};

export type SmtpCapture = {
  /** smtp://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  readonly messages: CapturedMail[];
  mode: 'up' | 'temporary';
  readonly refuse: Set<string>;
  /** Resolves once `count` messages are held (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
};

type SmtpError = Error & { responseCode?: number };
const smtpError = (message: string, responseCode: number): SmtpError =>
  Object.assign(new Error(message), { responseCode });

const addressesOf = (p: ParsedMail): string[] => {
  const to = p.to === undefined ? [] : Array.isArray(p.to) ? p.to : [p.to];
  return to.flatMap((a) => a.value.map((v) => v.address ?? ''));
};

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const state = { mode: 'up' as 'up' | 'temporary', refuse: new Set<string>() };
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (state.mode === 'temporary') return callback(smtpError('451 4.3.0 try again later (test)', 451));
        if (state.refuse.has(address.address.toLowerCase()))
          return callback(smtpError('550 5.1.1 no such user (test)', 550));
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((p) => {
            messages.push({
              to: addressesOf(p),
              from: p.from?.text ?? '',
              subject: p.subject ?? '',
              text: p.text ?? '',
              html: p.html ?? false,
              contentType: (p.headers.get('content-type') as { value?: string } | undefined)?.value ?? '',
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      },
    });
  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const a = server.server.address();
        resolve(typeof a === 'object' && a ? a.port : port);
      });
    });
  const port = await listen(0);
  let running = true;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    refuse: state.refuse,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until)
          throw new Error(`expected ${count} e-mail message(s), got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return messages;
    },
    async stop() {
      if (!running) return;
      running = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      if (running) return;
      server = make();
      await listen(port);
      running = true;
    },
  };
}
