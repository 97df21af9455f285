/**
 * `assay serve [bundle] [--port N] [--host H] [--memory]`: the web app and API on a bundle.
 * Data lives in the store (PostgreSQL with DATABASE_URL, else PGlite in ASSAY_DATA_DIR or
 * .assay-data/), filled from the bundle folder when empty; `--memory` keeps edits in memory only.
 * The server listens on the loopback address unless `--host` names another; that is allowed only
 * over a store with an enabled administrator of the group (issue #16: until the first account
 * exists every request is the local user, which must not be reachable from the network), and
 * never with `--memory` (no accounts). Single sign-on through an OpenID Connect provider is
 * offered when ASSAY_OIDC_* are set (sso-config.ts; not with `--memory`); the redirect URI's
 * host is then accepted as this server's. The process runs until interrupted (Ctrl-C).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Started } from '@assay/server';
import {
  migrate,
  openMemoryPgliteStore,
  openStore,
  SchemaTooNewError,
  type Store,
  StoreLockedError,
} from '@assay/store';
import { type Command, EXIT, type ExitCode, type Output, type ParsedArgs, UsageError } from '../command.js';
import { now, storeConfig } from './db.js';
import { configuredNotifications, MAIL_ENV } from './mail-config.js';
import { startServeReminders } from './serve-reminders.js';
import { OIDC_ENV, oidcFromEnv } from './sso-config.js';
import { formatIssue } from './validate.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
export const DEFAULT_PORT = 5170;
/** The only address served until accounts exist (as @assay/server's LOOPBACK, which is loaded lazily). */
const LOOPBACK = '127.0.0.1';
const isLoopback = (host: string) => host === LOOPBACK || host === 'localhost';

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
  if (!/^[0-9A-Za-z.:[\]-]{1,253}$/.test(host))
    throw new UsageError(`--host must be an address or host name, not "${host}"`);
  if (isLoopback(host)) return { port: Number(portText), host: LOOPBACK };
  if (args.values.memory === true)
    throw new UsageError(
      `--host ${host} refused with --memory: a bundle in memory has no accounts, so it listens on ${LOOPBACK} only`,
    );
  return { port: Number(portText), host };
}

async function openConfiguredStore(io: Output): Promise<Store | ExitCode> {
  try {
    const store = await openStore(storeConfig());
    try {
      await migrate(store, now());
    } catch (e) {
      await store.close();
      throw e;
    }
    return store;
  } catch (e) {
    if (e instanceof SchemaTooNewError) {
      io.err(`assay: ${e.message}`);
      return EXIT.findings;
    }
    if (e instanceof StoreLockedError || /cannot connect to PostgreSQL/.test((e as Error).message)) {
      io.err(`assay: ${(e as Error).message}`);
      return EXIT.findings;
    }
    throw e;
  }
}

export type Serving = Started & { note: string };

/** Load the bundle (into the store unless `memory`) and listen; problems are printed, exit 1. */
export async function startOn(
  dir: string,
  port: number,
  io: Output,
  memory = true,
  host = LOOPBACK,
): Promise<Serving | ExitCode> {
  const { administratorExists, entityTree, oidcSettings } = await import('@assay/app/access');
  const ssoInput = oidcFromEnv();
  const sso = ssoInput === undefined ? undefined : oidcSettings(ssoInput);
  if (sso && !sso.ok) {
    io.err(`assay: ${OIDC_ENV[sso.field]}: ${sso.message}`);
    return EXIT.usage;
  }
  if (sso && memory) {
    io.err(
      `assay: ${OIDC_ENV.issuer} is set, but --memory has no accounts to sign in to: unset ASSAY_OIDC_* or drop --memory`,
    );
    return EXIT.usage;
  }
  const { hasMeterFolder, openWorkspace } = await import('@assay/app');
  // In memory, the folder's meters (examples/xinxin-2025/meters) go to an in-memory PGlite of
  // their own, since readings live only in a store (docs/meters.md, "The demo group's meters");
  // opened while the rest starts (a few seconds: PGlite's start and the migrations).
  const meterStoreOpening =
    memory && hasMeterFolder(dir)
      ? openMemoryPgliteStore().then(async (s) => {
          await migrate(s, now());
          return s;
        })
      : Promise.resolve(undefined);
  // Loaded here, not at the top, so that other commands do not pay for the server's start-up.
  const { createApp, listen, WEB_ROOT } = await import('@assay/server');
  const store = memory ? undefined : await openConfiguredStore(io);
  if (typeof store === 'number') return store;
  // Notifications need accounts, so a store: said once in the log, with whether e-mail is sent.
  const notifications = store ? await configuredNotifications(store, io) : undefined;
  if (typeof notifications === 'number') {
    await store?.close();
    return notifications;
  }
  if (!store && process.env[MAIL_ENV.smtpUrl])
    io.err(`note: --memory has no accounts to notify: ${MAIL_ENV.smtpUrl} is ignored`);
  const meterStore = await meterStoreOpening;
  const ws = await openWorkspace(dir, store, meterStore ? { meterStore } : {});
  if (!ws.ok) {
    for (const i of ws.issues) io.err(formatIssue(i));
    io.err(`${ws.where}: ${ws.issues.length} error(s); not serving`);
    await store?.close();
    await meterStore?.close();
    return EXIT.findings;
  }
  if (!isLoopback(host)) {
    const root = entityTree(ws.workspace.snapshot().bundle.organisation.entities).rootId;
    if (!store || !(await administratorExists(store, root))) {
      io.err(
        `assay: --host ${host} refused: no enabled administrator of "${root}" yet, so every request would be ` +
          `the local user. Add one first: assay user add <email> --name <name> --password-stdin; ` +
          `assay user grant <email> --role administrator --entity ${root}`,
      );
      await ws.workspace.close();
      await meterStore?.close();
      return EXIT.usage;
    }
  }
  const webRoot = existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : undefined;
  if (!webRoot) io.err('note: the web app is not built (npm run build -w @assay/web); serving the API only');
  const app = createApp({
    workspace: ws.workspace,
    ...(webRoot ? { webRoot } : {}),
    accounts: store ? { store, ...(sso ? { oidc: sso.settings } : {}) } : {},
    ...(notifications ? { notifications } : {}),
    ...(meterStore ? { meterStore } : {}),
    // Beyond loopback the browser sends the host it was given: accept it (request guard); so is
    // the host the provider sends the browser back to.
    allowedHosts: [
      ...(isLoopback(host) ? [] : [`${host}:${port}`]),
      ...(sso ? [new URL(sso.settings.redirectUri).host] : []),
    ],
  });
  const started = await listen(app, port, host);
  // Mail queued by transitions is delivered at once; retries fall due on the minute timer.
  notifications?.deliverer?.start(60_000);
  const stopReminders =
    store && notifications ? await startServeReminders(store, ws.workspace, notifications, io) : undefined;
  return {
    ...started,
    note: ws.note,
    close: async () => {
      await started.close();
      await stopReminders?.();
      await notifications?.close();
      await ws.workspace.close();
      await meterStore?.close();
    },
  };
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
  usage: 'assay serve [bundle] [--port N] [--host 127.0.0.1] [--memory]',
  summary: 'start the web app and API on a bundle folder (default: the demo bundle) and print its URL',
  options: { port: { type: 'string' }, host: { type: 'string' }, memory: { type: 'boolean' } },
  async run(args, io) {
    const { port, host } = serveOptions(args);
    if (args.positionals.length > 1) throw new UsageError(`unexpected argument "${args.positionals[1]}"`);
    const dir = args.positionals[0] ?? demoBundle();
    const started = await startOn(dir, port, io, args.values.memory === true, host);
    if (typeof started === 'number') return started;
    io.out(`Assay is serving ${dir} at ${started.url} (${started.note}; Ctrl-C to stop)`);
    return untilInterrupted(started);
  },
};
