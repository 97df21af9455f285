/**
 * The permission matrix (issue #16, acceptance): every API route × every role × granted on the
 * group or on one subsidiary (smelter) × a resource of the smelter ("own") or of the other
 * subsidiary, mine ("other"), plus no session at all, against the expected 2xx / 401 / 403 /
 * 404. The expectation is computed here from the role → action table (app's PERMISSIONS) and the
 * route's rule kind, independently of the server's middleware; the routes come from the app's
 * router, so a route added without a rule in route-rules.ts, or without a request here, fails.
 * Over a real PGlite store holding examples/minimal (group → smelter, mine).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluated, StoreWorkspace } from '@assay/app';
import {
  type Action,
  addUser,
  grantRole,
  issueApiToken,
  PERMISSIONS,
  ROLES,
  type Role,
} from '@assay/app/access';
import { loadBundle } from '@assay/io';
import { attachEvidence, migrate, openPgliteStore, type Store } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { ROUTE_RULES, type RouteEntry, type RouteRule } from '../src/http/route-rules.js';
import {
  ACTIVITY_LINE_POLICY,
  ACTIVITY_LINE_TARGETED,
  activityLineRequests,
} from './permission-matrix-activity-lines.js';
import { CASE_POLICY, caseRequests } from './permission-matrix-cases.js';
import { CLIMATE_POLICY, climateRequests } from './permission-matrix-climate.js';
import { CYCLE_POLICY, CYCLE_TARGETED, cycleRequests } from './permission-matrix-cycles.js';
import { FINDING_POLICY, FINDING_TARGETED, findingRequests } from './permission-matrix-findings.js';
import { MATERIALITY_POLICY, materialityRequests } from './permission-matrix-materiality.js';
import { METER_POLICY, meterRequests } from './permission-matrix-meters.js';
import { NARRATIVE_POLICY, narrativeRequests } from './permission-matrix-narrative.js';
import { NOTIFICATION_POLICY, notificationRequests } from './permission-matrix-notifications.js';
import {
  OPERATING_REGISTER_POLICY,
  operatingRegisterRequests,
} from './permission-matrix-operating-registers.js';
import {
  RESTATEMENT_POLICY,
  RESTATEMENT_TARGETED,
  restatementRequests,
} from './permission-matrix-restatements.js';
import { TARGET_POLICY, targetRequests } from './permission-matrix-targets.js';
import { WORKFLOW_POLICY, workflowRequests } from './permission-matrix-workflow.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');

const PASSWORD = 'matrix password 1';
const SCOPES = ['group', 'smelter'] as const;
const TARGETS = { own: 'smelter', other: 'mine' } as const;
type Scope = (typeof SCOPES)[number];
type Target = keyof typeof TARGETS;
type Expected = '2xx' | 400 | 401 | 403 | 404;

let dir: string;
let store: Store;
let ws: StoreWorkspace;
let app: ReturnType<typeof createApp>;
const userIds = new Map<string, string>();
let dummyUserId: string;
let n = 0;

const has = (role: Role, action: Action) => PERMISSIONS[role].some((p) => p.action === action);
const covers = (scope: Scope, entity: string) => scope === 'group' || scope === entity;

/**
 * The policy, written down here once more and independently of route-rules.ts: which action
 * each route needs and how its resource is found. A rule changed there without changing it here
 * (or the other way round) shows up as wrong answers below.
 */
const P = { kind: 'public' } as const;
const S = { kind: 'signed-in' } as const;
const org = (action: Action): RouteRule => ({ kind: 'organisation', action });
const dp = (action: Action): RouteRule => ({ kind: 'data-point', action });
const line = (action: Action): RouteRule => ({ kind: 'activity-line', action });
const within = (action: Action): RouteRule => ({ kind: 'entities', action });
const own = (action: Action): RouteRule => ({ kind: 'own-account', action });
const POLICY: Record<string, RouteRule> = {
  'GET /openapi.json': P,
  'GET /health': P,
  'GET /health/details': org('manage-settings'),
  'GET /backup': org('manage-settings'),
  'GET /session': P,
  'POST /session': P,
  'DELETE /session': P,
  'GET /session/oidc/start': P,
  'GET /session/oidc/callback': P,
  'GET /organisation': S,
  'GET /periods': S,
  'GET /catalogue': S,
  'GET /data-points': within('read-data-points'),
  'POST /data-points': within('write-data-point'),
  'GET /data-points/:id/history': dp('read-history'),
  'PUT /data-points/:id': dp('write-data-point'),
  'POST /data-points/:id/retract': dp('retract-data-point'),
  'POST /data-points/:id/evidence': dp('write-data-point'),
  'GET /data-points/:id/evidence': dp('read-evidence'),
  'POST /activity-lines/:id/evidence': line('write-data-point'),
  'GET /activity-lines/:id/evidence': line('read-evidence'),
  'GET /evidence/:sha256': within('read-evidence'),
  'GET /figures': within('read-figures'),
  'GET /figure': within('read-lineage'),
  'GET /lineage': within('read-lineage'),
  'GET /overview': org('read-figures'),
  'GET /findings': within('read-findings'),
  'GET /disclosures': org('read-disclosures'),
  'GET /explanations': org('read-disclosures'),
  'PUT /explanations/:subject': org('write-explanation'),
  'GET /reports/:format': org('read-report'),
  'POST /import/data-points': within('import-data-points'),
  'GET /export/data-points.csv': within('export-data-points'),
  'GET /template/data-points.xlsx': within('export-data-points'),
  'GET /template/data-points.csv': within('export-data-points'),
  'GET /users': org('manage-users'),
  'POST /users': org('manage-users'),
  'POST /users/:id/grants': org('manage-users'),
  'DELETE /users/:id/grants/:role/:entity': org('manage-users'),
  'POST /users/:id/disable': org('manage-users'),
  'POST /users/:id/enable': org('manage-users'),
  'GET /tokens': own('manage-own-tokens'),
  'POST /tokens': own('manage-own-tokens'),
  'DELETE /tokens/:id': own('manage-own-tokens'),
  'POST /session/totp': S,
  'POST /session/totp/confirm': S,
  'DELETE /session/totp': S,
  'PUT /session/password': S,
  'POST /session/totp/recovery-codes': S,
  'GET /session/totp/recovery-codes': S,
  'GET /settings/security': org('manage-settings'),
  'PUT /settings/security': org('manage-settings'),
  ...WORKFLOW_POLICY,
  ...ACTIVITY_LINE_POLICY,
  ...CYCLE_POLICY,
  ...FINDING_POLICY,
  ...NOTIFICATION_POLICY,
  ...RESTATEMENT_POLICY,
  ...TARGET_POLICY,
  ...NARRATIVE_POLICY,
  ...CASE_POLICY,
  ...MATERIALITY_POLICY,
  ...CLIMATE_POLICY,
  ...OPERATING_REGISTER_POLICY,
  ...METER_POLICY,
};

/** What the route should answer, from this file's POLICY and the permission table alone. */
function expected(entry: RouteEntry, role: Role, scope: Scope, target: Target): Expected {
  const rule = POLICY[`${entry.method} ${entry.path}`];
  if (!rule) throw new Error(`no POLICY for ${entry.method} ${entry.path}`);
  const entity = TARGETS[target];
  switch (rule.kind) {
    case 'public':
      return publicAnswer(`${entry.method} ${entry.path}`);
    case 'signed-in':
      return PAST_THE_GATE[`${entry.method} ${entry.path}`] ?? '2xx';
    case 'own-account':
      return has(role, rule.action) ? '2xx' : 403;
    case 'organisation':
      return scope === 'group' && has(role, rule.action) ? '2xx' : 403;
    case 'entity': // the entity named in the path (workflow units): as a data point's
    case 'data-point':
    case 'activity-line':
      // Every role reads something wherever it is granted: a denial where it is granted is 403,
      // elsewhere the data point does not exist for it (404).
      if (!covers(scope, entity)) return 404;
      return has(role, rule.action) ? '2xx' : 403;
    case 'entities':
      if (!has(role, rule.action)) return 403;
      // Requests naming an entity (see TARGETED) find it absent when the grant does not cover it.
      return TARGETED.has(`${entry.method} ${entry.path}`) && !covers(scope, entity) ? 404 : '2xx';
  }
}

/**
 * Public routes of single sign-on, which this matrix's server does not configure: they answer
 * 404 not-found to everyone (oidc-sign-in.test.ts runs them against a real provider).
 */
/**
 * Routes whose request here is let through and then refused by the route itself (no second
 * factor is enrolled in this matrix: a made-up code is 400, turning off a factor one does not
 * have is 404); what they answer still shows the gate let them pass.
 */
const PAST_THE_GATE: Record<string, Expected> = {
  'POST /session/totp/confirm': 400,
  'DELETE /session/totp': 404,
  'PUT /session/password': 400,
  'POST /session/totp/recovery-codes': 404,
};
const NOT_CONFIGURED = new Set(['GET /session/oidc/start', 'GET /session/oidc/callback']);
const publicAnswer = (key: string): Expected => (NOT_CONFIGURED.has(key) ? 404 : '2xx');

/** `entities` routes whose request names one entity's resource (the others are lists). */
const TARGETED = new Set([
  'POST /data-points',
  'GET /template/data-points.xlsx',
  'GET /figure',
  'GET /lineage',
  'GET /evidence/:sha256',
  ...ACTIVITY_LINE_TARGETED,
  ...CYCLE_TARGETED,
  ...FINDING_TARGETED,
  ...RESTATEMENT_TARGETED,
]);

const DP = { own: 'hc-s-m', other: 'hc-m-m' } as const;
/** Activity lines of examples/minimal: diesel of the smelter, grid electricity of the mine. */
const LINE = { own: 'd1', other: 'e2' } as const;
const figureOf = (entity: string) => {
  const f = evaluated(ws.snapshot()).evaluation.figures.find((x) => x.entityId === entity);
  if (!f) throw new Error(`no figure of ${entity}`);
  return f.id;
};
const version = (id: string) => ws.snapshot().versionOf(id) ?? 1;
const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });

/** One request per route, for a target; keyed by "METHOD /path" as in ROUTE_RULES. */
const REQUESTS: Record<string, (t: Target, who: string) => Promise<{ path: string; init?: RequestInit }>> = {
  ...workflowRequests(
    () => ws,
    loaded.bundle,
    TARGETS,
    () => dummyUserId,
  ),
  ...cycleRequests(
    () => ws,
    TARGETS,
    () => userIds.get('preparer@group') ?? '',
  ),
  ...restatementRequests(() => ws, loaded.bundle, TARGETS),
  ...notificationRequests(
    () => store,
    (who) => credentials(who).email,
  ),
  ...activityLineRequests(() => ws, TARGETS),
  ...findingRequests(() => ws, TARGETS),
  ...targetRequests(() => ws),
  ...narrativeRequests(() => ws),
  ...caseRequests(() => ws),
  ...materialityRequests(() => ws),
  ...climateRequests(() => ws),
  ...operatingRegisterRequests(() => ws),
  ...meterRequests(() => store),
  'GET /openapi.json': async () => ({ path: '/openapi.json' }),
  'GET /health': async () => ({ path: '/health' }),
  'GET /health/details': async () => ({ path: '/health/details' }),
  'GET /backup': async () => ({ path: '/backup' }),
  'GET /session': async () => ({ path: '/session' }),
  'POST /session/totp': async () => ({ path: '/session/totp', init: json({}) }),
  'POST /session/totp/confirm': async () => ({
    path: '/session/totp/confirm',
    init: json({ code: '000000' }),
  }),
  'DELETE /session/totp': async () => ({ path: '/session/totp', init: json({ code: '000000' }) }),
  // A new password below the policy: refused (400) before the current one is checked, so the
  // matrix's callers do not pile up failed attempts (which would throttle their sign-ins).
  'POST /session/totp/recovery-codes': async () => ({
    path: '/session/totp/recovery-codes',
    init: json({ code: '000000' }),
  }),
  'GET /session/totp/recovery-codes': async () => ({ path: '/session/totp/recovery-codes' }),
  'PUT /session/password': async () => ({
    path: '/session/password',
    init: json({ currentPassword: 'x', newPassword: 'short' }),
  }),
  'GET /settings/security': async () => ({ path: '/settings/security' }),
  // Never true here: it would restrict the administrators' sessions for the rest of the matrix.
  'PUT /settings/security': async () => ({
    path: '/settings/security',
    init: json({ requireTotpForAdministrators: false }),
  }),
  // Signing in again: the loop takes the new cookie (wrong passwords would soon be throttled).
  'POST /session': async (_t, who) => ({ path: '/session', init: json(credentials(who)) }),
  'DELETE /session': async () => ({ path: '/session' }), // run last for each caller (see ORDER)
  'GET /session/oidc/start': async () => ({ path: '/session/oidc/start' }),
  'GET /session/oidc/callback': async () => ({ path: '/session/oidc/callback?code=c&state=s' }),
  'GET /organisation': async () => ({ path: '/organisation' }),
  'GET /periods': async () => ({ path: '/periods' }),
  'GET /catalogue': async () => ({ path: '/catalogue' }),
  'GET /data-points': async () => ({ path: '/data-points' }),
  'POST /data-points': async (t) => ({
    path: '/data-points',
    init: json({
      entity: TARGETS[t],
      period: '2025',
      indicator: 'employees.headcount',
      disaggregation: `gender=m${++n}`,
      value: '1',
      unit: 'person',
      source: 'matrix test',
      reason: 'permission matrix',
    }),
  }),
  'GET /data-points/:id/history': async (t) => ({ path: `/data-points/${DP[t]}/history` }),
  'PUT /data-points/:id': async (t) => ({
    path: `/data-points/${DP[t]}`,
    init: json({ value: String(100 + (++n % 50)), reason: 'permission matrix', version: version(DP[t]) }),
  }),
  'POST /data-points/:id/retract': async (t) => ({
    path: `/data-points/${DP[t]}/retract`,
    init: json({ reason: 'permission matrix', version: version(DP[t]) }),
  }),
  'POST /data-points/:id/evidence': async (t) => ({
    path: `/data-points/${DP[t]}/evidence`,
    init: json({ fileName: `matrix-${++n}.csv`, contentBase64: btoa('matrix,upload\n1,2\n') }),
  }),
  'GET /data-points/:id/evidence': async (t) => ({ path: `/data-points/${DP[t]}/evidence` }),
  'POST /activity-lines/:id/evidence': async (t) => ({
    path: `/activity-lines/${LINE[t]}/evidence`,
    init: json({ fileName: `matrix-${++n}.csv`, contentBase64: btoa('matrix,line\n1,2\n') }),
  }),
  'GET /activity-lines/:id/evidence': async (t) => ({ path: `/activity-lines/${LINE[t]}/evidence` }),
  // A file linked to the target's data point only (its own bytes): found through that link.
  'GET /evidence/:sha256': async (t) => {
    const linked = await attachEvidence(store, {
      bytes: new TextEncoder().encode(`matrix,${TARGETS[t]}\n`),
      mediaType: 'text/csv',
      fileName: 'matrix.csv',
      target: { kind: 'data-point', id: DP[t] },
      entityId: TARGETS[t],
      uploadedBy: 'matrix',
      at: new Date().toISOString(),
    });
    return { path: `/evidence/${linked.sha256}` };
  },
  'GET /figures': async () => ({ path: '/figures' }),
  'GET /figure': async (t) => ({ path: `/figure?id=${encodeURIComponent(figureOf(TARGETS[t]))}` }),
  'GET /lineage': async (t) => ({ path: `/lineage?id=${encodeURIComponent(figureOf(TARGETS[t]))}` }),
  'GET /overview': async () => ({ path: '/overview' }),
  'GET /findings': async () => ({ path: '/findings' }),
  'GET /disclosures': async () => ({ path: '/disclosures' }),
  'GET /explanations': async () => ({ path: '/explanations' }),
  'PUT /explanations/:subject': async () => ({
    path: '/explanations/hkex%3AA1.1',
    init: json({ text: { 'zh-Hant': '不適用', en: 'not applicable' }, version: ws.snapshot().version }),
  }),
  'GET /reports/:format': async () => ({ path: '/reports/json?lang=en' }),
  'POST /import/data-points': async (t) => ({
    path: '/import/data-points',
    init: json({
      file: 'matrix.csv',
      csv: `entity,period,indicator,disaggregation,value,unit,source\n${TARGETS[t]},2025,employees.headcount,gender=male,${200 + (++n % 50)},person,matrix\n`,
    }),
  }),
  'GET /export/data-points.csv': async () => ({ path: '/export/data-points.csv' }),
  'GET /template/data-points.xlsx': async (t) => ({
    path: `/template/data-points.xlsx?entity=${TARGETS[t]}`,
  }),
  'GET /template/data-points.csv': async () => ({ path: '/template/data-points.csv' }),
  'GET /users': async () => ({ path: '/users' }),
  'POST /users': async () => ({
    path: '/users',
    init: json({ email: `new${++n}@example.com`, name: 'New user' }),
  }),
  'POST /users/:id/grants': async (t) => ({
    path: `/users/${dummyUserId}/grants`,
    init: json({ role: 'viewer', entityId: TARGETS[t] }),
  }),
  'DELETE /users/:id/grants/:role/:entity': async (t) => ({
    path: `/users/${dummyUserId}/grants/viewer/${TARGETS[t]}`,
  }),
  'POST /users/:id/disable': async () => ({ path: `/users/${dummyUserId}/disable`, init: json({}) }),
  'POST /users/:id/enable': async () => ({ path: `/users/${dummyUserId}/enable`, init: json({}) }),
  'GET /tokens': async () => ({ path: '/tokens' }),
  'POST /tokens': async () => ({ path: '/tokens', init: json({ label: 'matrix' }) }),
  'DELETE /tokens/:id': async (_t, who) => {
    const userId = userIds.get(who);
    if (!userId) return { path: '/tokens/none' };
    const made = await issueApiToken(store, { userId, label: 'to revoke' }, new Date());
    if (!made.ok) throw new Error(made.message);
    return { path: `/tokens/${made.id}` };
  },
};

/** A matrix user's email and password ("viewer@smelter"); another one's for nobody. */
const credentials = (who: string) => {
  const [role, scope] = who === 'nobody' ? ['viewer', 'group'] : who.split('@');
  return { email: `${role}.${scope}@example.com`, password: PASSWORD };
};

async function call(entry: RouteEntry, t: Target, who: string, cookie: string | undefined) {
  const key = `${entry.method} ${entry.path}`;
  const make = REQUESTS[key];
  if (!make) throw new Error(`no request for ${key}: add one to REQUESTS`);
  const { path, init } = await make(t, who);
  const r = await app.request(`/api${path}`, {
    method: entry.method,
    ...init,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `assay_session=${cookie}` } : {}) },
  });
  const cookie2 = /assay_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
  return { status: r.status, body: r.status >= 400 ? await r.text() : '', cookie: cookie2 };
}

const statusClass = (status: number): Expected | number =>
  status >= 200 && status < 300
    ? '2xx'
    : status === 401 || status === 403 || status === 404
      ? status
      : status;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-matrix-'));
  store = await openPgliteStore(dir);
  await migrate(store, '2026-01-01T00:00:00Z');
  const opened = await StoreWorkspace.open(store, loaded.bundle);
  if (!opened.ok) throw new Error(opened.reason);
  ws = opened.workspace;
  app = createApp({ workspace: ws, accounts: { store } });
  const now = new Date();
  const dummy = await addUser(store, { email: 'dummy@example.com', name: 'Dummy' }, now);
  if (!dummy.ok) throw new Error(dummy.message);
  dummyUserId = dummy.id;
  for (const role of ROLES)
    for (const scope of SCOPES) {
      const who = `${role}@${scope}`;
      const u = await addUser(
        store,
        { email: `${role}.${scope}@example.com`, name: who, password: PASSWORD },
        now,
      );
      if (!u.ok) throw new Error(u.message);
      await grantRole(store, { userId: u.id, role, entityId: scope, grantedBy: 'matrix' }, now);
      userIds.set(who, u.id);
    }
}, 120_000);
afterAll(async () => {
  await ws?.close();
  await rm(dir, { recursive: true, force: true });
});

async function signIn(who: string): Promise<string> {
  const r = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials(who)),
  });
  const cookie = /assay_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
  if (r.status !== 204 || !cookie) throw new Error(`sign-in of ${who}: ${r.status}`);
  return cookie;
}

/** DELETE /session ends the caller's session: it goes last. */
const ORDER = [...ROUTE_RULES].sort(
  (a, b) =>
    Number(a.method === 'DELETE' && a.path === '/session') -
    Number(b.method === 'DELETE' && b.path === '/session'),
);

describe('permission matrix: every route × role × scope × own/other entity', () => {
  it('every route of the app has a rule in route-rules.ts and a request here, and every rule a route', () => {
    const routed = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/^\/api/, '')}`),
    );
    const ruled = new Set(ROUTE_RULES.map((e) => `${e.method} ${e.path}`));
    expect(
      [...routed].filter((k) => !ruled.has(k)),
      'routes without a rule',
    ).toEqual([]);
    expect(
      [...ruled].filter((k) => !routed.has(k)),
      'rules without a route',
    ).toEqual([]);
    expect(
      [...ruled].filter((k) => !REQUESTS[k]),
      'rules without a request in this test',
    ).toEqual([]);
    expect(
      [...ruled].filter((k) => !POLICY[k]),
      'rules without a POLICY in this test',
    ).toEqual([]);
  });

  it('without a session every route but the public ones answers 401', async () => {
    const wrong: string[] = [];
    for (const entry of ORDER) {
      const { status } = await call(entry, 'own', 'nobody', undefined);
      const key = `${entry.method} ${entry.path}`;
      const want = POLICY[key]?.kind === 'public' ? publicAnswer(key) : 401;
      if (statusClass(status) !== want)
        wrong.push(`${entry.method} ${entry.path}: ${status}, expected ${want}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES.flatMap((role) => SCOPES.map((scope) => [role, scope] as const)))(
    '%s granted on %s',
    async (role, scope) => {
      const who = `${role}@${scope}`;
      let cookie = await signIn(who);
      const wrong: string[] = [];
      let cases = 0;
      for (const target of ['own', 'other'] as const) {
        for (const entry of ORDER) {
          const key = `${entry.method} ${entry.path}`;
          const want = expected(entry, role, scope, target);
          const { status, body, cookie: renewed } = await call(entry, target, who, cookie);
          if (key === 'POST /session' && renewed) cookie = renewed;
          cases += 1;
          if (statusClass(status) !== want)
            wrong.push(`${key} (${target}): ${status}, expected ${want} ${body.slice(0, 160)}`);
          // A retraction that went through: bring the data point back for the cases after it.
          if (key === 'POST /data-points/:id/retract' && status === 200) {
            const id = DP[target];
            const dp = loaded.bundle.dataPoints.find((d) => d.id === id);
            if (!dp) throw new Error(id);
            const back = await ws.writeDataPoints(
              [{ dataPoint: dp, expectedVersion: undefined }],
              'restore',
              'matrix',
            );
            if (!back.ok) throw new Error(`could not re-add ${id}: ${JSON.stringify(back)}`);
          }
          if (key === 'DELETE /session') cookie = await signIn(who);
        }
      }
      expect(wrong).toEqual([]);
      expect(cases).toBe(2 * ROUTE_RULES.length);
    },
    120_000,
  );
});
