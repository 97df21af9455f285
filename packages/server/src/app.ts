/** The HTTP app: /api/* over the workspace and core, everything else from the web build. */

import type { Workspace } from '@assay/app';
import { checkResult, completeness, evaluated, Notifications } from '@assay/app';
import { Hono } from 'hono';
import { failure } from './http/api-error.js';
import { bodyLimits } from './http/body-limits.js';
import { type AccountsOptions, identify } from './http/caller.js';
import { enforceRules } from './http/enforce-rules.js';
import { createLogger, type Logger } from './http/log.js';
import { openApiDocument } from './http/openapi.js';
import { requestGuard } from './http/request-guard.js';
import { requestLog } from './http/request-log.js';
import { sendError, sendInternal } from './http/respond.js';
import { securityHeaders } from './http/security-headers.js';
import { staticFiles, webNotBuilt } from './http/static-files.js';
import { activityLineRoutes } from './routes/activity-lines.js';
import { backupRoute } from './routes/backup.js';
import { commentRoutes } from './routes/comments.js';
import { complianceCaseRoutes } from './routes/compliance-cases.js';
import { cycleRoutes } from './routes/cycles.js';
import { dataPointRoutes } from './routes/data-points.js';
import { disclosureRoutes } from './routes/disclosure.js';
import { evidenceRoutes } from './routes/evidence.js';
import { figureRoutes } from './routes/figures.js';
import { findingRoutes } from './routes/findings.js';
import { healthRoutes } from './routes/health.js';
import { importExportRoutes } from './routes/import-export.js';
import { materialityRoutes } from './routes/materiality.js';
import { meterBillsLinesRoutes } from './routes/meter-bills-lines.js';
import { meterRoutes } from './routes/meters.js';
import { narrativeRoutes } from './routes/narrative.js';
import { notificationRoutes } from './routes/notifications.js';
import { oidcRoutes } from './routes/oidc.js';
import { operatingRegisterRoutes } from './routes/operating-registers.js';
import { organisationRoutes } from './routes/organisation.js';
import { passwordRoutes } from './routes/password.js';
import { restatementRoutes } from './routes/restatements.js';
import { securitySettingsRoutes } from './routes/security-settings.js';
import { sessionRoutes } from './routes/session.js';
import { siteRegisterRoutes } from './routes/site-registers.js';
import { targetRoutes } from './routes/targets.js';
import { tokenRoutes } from './routes/tokens.js';
import { totpRoutes } from './routes/totp.js';
import { userRoutes } from './routes/users.js';
import { workflowRoutes } from './routes/workflow.js';

export type AppOptions = {
  workspace: Workspace;
  /** Folder of the built web app; omitted: API only. */
  webRoot?: string;
  author?: string;
  /**
   * Host header values accepted besides 127.0.0.1, localhost and [::1] with the server's port,
   * exactly as sent ("assay.internal:8443"); see http/request-guard.ts.
   */
  allowedHosts?: readonly string[];
  /**
   * Accounts (issue #16): the store holding users, sessions and tokens (the workspace's store),
   * and the clock for sessions. Without a store, or while the store has no account, the server
   * is open: every request is the local user (administrator), as before accounts existed.
   */
  accounts?: AccountsOptions;
  /**
   * Notifications (docs/workflow.md, "Notifications and reminders"): made by the front door
   * with its e-mail settings (the CLI's serve), which also starts and stops its delivery.
   * Omitted: in-app notifications only, over the accounts' store when there is one.
   */
  notifications?: Notifications;
  /** The structured log (http/log.ts); default: JSON lines on stderr at ASSAY_LOG_LEVEL. */
  logger?: Logger;
  /**
   * Where the meter routes keep the register, readings and bills when there is no accounts'
   * store (a bundle served in memory: an in-memory PGlite; docs/meters.md). Ignored otherwise.
   */
  meterStore?: AccountsOptions['store'];
};

export function createApp(o: AppOptions): Hono {
  // Evaluate, check and assess once now so that the first page waits for none of them.
  evaluated(o.workspace.snapshot());
  checkResult(o.workspace.snapshot());
  completeness(o.workspace.snapshot());
  const accounts = o.accounts ?? {};
  const now = accounts.now ?? (() => new Date());
  const logger = o.logger ?? createLogger();
  const notifications =
    o.notifications ??
    (accounts.store
      ? new Notifications({
          store: accounts.store,
          now,
          log: (line) => logger.warn('notifications', { detail: line }),
        })
      : undefined);
  const deps = {
    workspace: o.workspace,
    author: o.author ?? 'local user',
    notifier: notifications,
  };
  const api = new Hono();
  // The public health status answers before `identify`, which reads the accounts from the
  // database: a load balancer must get 503, not a 500, when the database is gone. Its rule in
  // route-rules.ts is public, so skipping the rule check here lets nobody more in.
  const health = healthRoutes(accounts.store);
  api.get('/health', health.publicStatus);
  // Who asks, then whether the route's rule allows it (http/route-rules.ts): before every route.
  api.use('*', identify(o.workspace, accounts));
  api.use('*', enforceRules(o.workspace, accounts));
  api.route('/session', sessionRoutes(accounts));
  api.route('/session/oidc', oidcRoutes(accounts));
  api.route('/session/totp', totpRoutes(accounts));
  api.route('/session/password', passwordRoutes(accounts));
  api.route('/settings/security', securitySettingsRoutes(accounts.store, now));
  api.route('/users', userRoutes(o.workspace, accounts.store, now));
  api.route('/tokens', tokenRoutes(accounts.store, now));
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.get('/health/details', health.details);
  api.get('/backup', backupRoute(accounts.store, now));
  api.route('/data-points', dataPointRoutes(deps));
  api.route('/activity-lines', activityLineRoutes(deps));
  api.route('/', evidenceRoutes({ ...deps, store: accounts.store, now }));
  api.route('/', organisationRoutes(deps));
  api.route('/', figureRoutes(deps));
  api.route('/', importExportRoutes(deps));
  api.route('/', disclosureRoutes(deps));
  api.route('/', workflowRoutes(deps));
  api.route('/', restatementRoutes(deps));
  api.route('/', cycleRoutes({ ...deps, store: accounts.store, now }));
  api.route('/', commentRoutes(deps));
  api.route('/', findingRoutes({ ...deps, store: accounts.store }));
  api.route('/', targetRoutes(deps));
  api.route('/', narrativeRoutes(deps));
  api.route('/', operatingRegisterRoutes(deps));
  const meterStore = accounts.store ?? o.meterStore;
  api.route('/', meterRoutes({ ...deps, store: meterStore, now }));
  api.route('/', meterBillsLinesRoutes({ ...deps, store: meterStore, now }));
  api.route('/', complianceCaseRoutes(deps));
  api.route('/', materialityRoutes(deps));
  api.route('/', siteRegisterRoutes(deps));
  api.route(
    '/notifications',
    notificationRoutes({ workspace: o.workspace, store: accounts.store, notifications, now }),
  );
  api.all('*', (c) => sendError(c, failure('not-found', `no API route ${c.req.method} ${c.req.path}`).error));
  const app = new Hono();
  // One log line per request, whoever answers it (http/request-log.ts).
  app.use('*', requestLog(logger));
  // Every request, in this order: headers on whatever answers, then the host/origin/type gate,
  // then the body limit; only then a route (docs/api.md, "Requests from browsers").
  app.use('*', securityHeaders());
  app.use('*', requestGuard({ allowedHosts: o.allowedHosts ?? [] }));
  app.use('*', bodyLimits());
  app.route('/api', api);
  app.onError((err, c) => sendInternal(c, err));
  app.notFound((c) => sendError(c, failure('not-found', `no route ${c.req.method} ${c.req.path}`).error));
  // Without a web build `/` says so and what to run, instead of a bare 404 (the API is served).
  if (o.webRoot) app.get('*', staticFiles(o.webRoot));
  else app.get('/', webNotBuilt);
  return app;
}
