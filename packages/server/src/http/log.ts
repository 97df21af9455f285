/**
 * The server's log (docs/operations.md, "Logs"): one JSON object per line on stderr, e.g.
 *   {"time":"…","level":"info","msg":"request","requestId":"…","userId":"u1","method":"GET",
 *    "route":"/api/data-points/:id","status":200,"durationMs":3.2}
 * Every line is written by JSON.stringify, which escapes newlines and the C0 controls (ESC
 * included); DEL, the C1 controls and U+2028/U+2029 are escaped here as well, so nothing a
 * request carries can end a line early or reach the reader's terminal as a control sequence.
 * What is logged is chosen, never dumped: route patterns instead of paths (a path or query can
 * hold a token or an e-mail address), the user's id instead of their name or address, and no
 * header, cookie or body. E-mail addresses inside fault messages are masked.
 *
 * The level comes from ASSAY_LOG_LEVEL (debug, info, warn, error, silent); default info, and
 * warn under the test runner so request lines do not flood test output (faults still show).
 */
import type { Context } from 'hono';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
type Fields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export type Logger = {
  readonly level: LogLevel;
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
};

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
// DEL, C1 controls and the two Unicode line separators, which JSON.stringify leaves as they are.
const UNSAFE = /[\u007f-\u009f\u2028\u2029]/g;
// An address as people write them; a path such as node_modules/@scope/pkg is not one.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** One log line (with its newline): JSON with every character that could break a line escaped. */
export function logLine(level: LogLevel, msg: string, fields: Fields, time: Date): string {
  const clean: Record<string, unknown> = { time: time.toISOString(), level, msg };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    clean[k] = typeof v === 'string' ? v.replace(EMAIL, '<e-mail>') : v;
  }
  return `${JSON.stringify(clean).replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const v = env.ASSAY_LOG_LEVEL?.trim().toLowerCase();
  if (v && (LOG_LEVELS as readonly string[]).includes(v)) return v as LogLevel;
  return env.VITEST ? 'warn' : 'info';
}

export function createLogger(
  o: { level?: LogLevel; write?: (line: string, level: LogLevel) => void; now?: () => Date } = {},
): Logger {
  const level = o.level ?? levelFromEnv();
  // Both to stderr (stdout stays the CLI's); through console so that tests expecting a line spy on it.
  const write =
    o.write ??
    ((line: string, l: LogLevel) => (l === 'error' ? console.error : console.warn)(line.slice(0, -1)));
  const now = o.now ?? (() => new Date());
  const at =
    (l: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: Fields = {}) => {
      if (RANK[l] >= RANK[level]) write(logLine(l, msg, fields, now()), l);
    };
  return { level, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

let fallback: Logger | undefined;
/** The process's logger, for code that runs outside a request (made on first use). */
export function defaultLogger(): Logger {
  fallback ??= createLogger();
  return fallback;
}

type RequestLog = { readonly logger: Logger; readonly requestId: string };
const perRequest = new WeakMap<Request, RequestLog>();

export function bindRequestLog(c: Context, log: RequestLog): void {
  perRequest.set(c.req.raw, log);
}
/** The logger and request id of the request being answered (the default logger outside one). */
export function requestLogOf(c: Context): { logger: Logger; requestId: string | undefined } {
  const r = perRequest.get(c.req.raw);
  return { logger: r?.logger ?? defaultLogger(), requestId: r?.requestId };
}
