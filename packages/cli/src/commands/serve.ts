/**
 * `assay serve [bundle] [--port N] [--host H]`: the web app and API on a bundle folder.
 * Until accounts and roles exist the server listens on the loopback address only; another
 * host is refused with exit 2. The process runs until interrupted (Ctrl-C).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, LOOPBACK, listen, openWorkspace, type Started, WEB_ROOT } from '@assay/server';
import { type Command, EXIT, type ExitCode, type Output, type ParsedArgs, UsageError } from '../command.js';
import { formatIssue } from './validate.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
export const DEFAULT_PORT = 5170;

/** The demo bundle: examples/xinxin-2025 when present, else examples/minimal. */
export function demoBundle(): string {
  const full = join(ROOT, 'examples', 'xinxin-2025');
  return existsSync(join(full, 'assay.yaml')) ? full : join(ROOT, 'examples', 'minimal');
}

export function serveOptions(args: ParsedArgs): { port: number; host: string } {
  const portText = typeof args.values.port === 'string' ? args.values.port : String(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
  const host = typeof args.values.host === 'string' ? args.values.host : LOOPBACK;
  if (host !== LOOPBACK && host !== 'localhost')
    throw new UsageError(
      `--host ${host} refused: Assay has no accounts or roles yet, so it listens on ${LOOPBACK} only`,
    );
  return { port: Number(portText), host: LOOPBACK };
}

/** Load the bundle and listen; bundle errors are printed and give exit 1. */
export async function startOn(dir: string, port: number, io: Output): Promise<Started | ExitCode> {
  const ws = await openWorkspace(dir);
  if (!ws.ok) {
    for (const i of ws.issues) io.err(formatIssue(i));
    io.err(`${dir}: ${ws.issues.length} error(s); not serving`);
    return EXIT.findings;
  }
  const webRoot = existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : undefined;
  if (!webRoot) io.err('note: the web app is not built (npm run build -w @assay/web); serving the API only');
  return listen(createApp({ workspace: ws.workspace, ...(webRoot ? { webRoot } : {}) }), port);
}

export function untilInterrupted(server: Started): Promise<ExitCode> {
  return new Promise((resolve) => {
    const stop = () => void server.close().then(() => resolve(EXIT.clean));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'assay serve [bundle] [--port N] [--host 127.0.0.1]',
  summary: 'start the web app and API on a bundle folder (default: the demo bundle) and print its URL',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run(args, io) {
    const { port } = serveOptions(args);
    if (args.positionals.length > 1) throw new UsageError(`unexpected argument "${args.positionals[1]}"`);
    const dir = args.positionals[0] ?? demoBundle();
    const started = await startOn(dir, port, io);
    if (typeof started === 'number') return started;
    io.out(`Assay is serving ${dir} at ${started.url} (Ctrl-C to stop)`);
    return untilInterrupted(started);
  },
};
