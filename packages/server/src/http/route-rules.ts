/**
 * THE route table's permission rules (issue #16): for every API route, the action it needs
 * (app's permission table, packages/app/src/access/permissions.ts) and how the resource it acts
 * on is found. One middleware (enforce-rules.ts) applies them before any route; a route with no
 * rule here answers 404 to everybody, and the permission matrix test
 * (test/permission-matrix.test.ts) fails for any route of the app without a rule, or a rule
 * without a route.
 *
 * How the resource is found:
 *   public        no sign-in needed (the session routes, the OpenAPI document)
 *   signed-in     any caller: organisation structure, periods, catalogue (what everyone needs
 *                 to read any page; holds no reporting data)
 *   organisation  an organisation-wide resource: counts as the group entity, so only a grant on
 *                 the group covers it (the overview, disclosures, reports, settings, users)
 *   data-point    the entity of the data point named by the `:id` path parameter
 *   activity-line the entity of the activity line named by the `:id` path parameter
 *   entity        the entity named by the `:entity` path parameter (a workflow unit's)
 *   entities      the caller's entities where the action is allowed: lists are filtered to
 *                 them, and a write naming an entity outside them is refused (403 or 404)
 *   own-account   the caller's own account (API tokens, notifications)
 */
import type { Action } from '@assay/app/access';

export type RouteRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'organisation'; readonly action: Action }
  | { readonly kind: 'data-point'; readonly action: Action }
  | { readonly kind: 'activity-line'; readonly action: Action }
  | { readonly kind: 'entity'; readonly action: Action }
  | { readonly kind: 'entities'; readonly action: Action }
  | { readonly kind: 'own-account'; readonly action: Action };

export type RouteEntry = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under /api, Hono syntax (`:id` is one path segment). */
  readonly path: string;
  readonly rule: RouteRule;
  /**
   * A POST that changes nothing (it computes from what it is sent, e.g. a preview): not an
   * allowed write, so it is not written to the access log (denials of it still are).
   */
  readonly savesNothing?: true;
};

const r = (
  method: RouteEntry['method'],
  path: string,
  rule: RouteRule,
  opts: { readonly savesNothing?: true } = {},
): RouteEntry => ({ method, path, rule, ...opts });
const PUBLIC = { kind: 'public' } as const;
const SIGNED_IN = { kind: 'signed-in' } as const;
const org = (action: Action) => ({ kind: 'organisation', action }) as const;
const dp = (action: Action) => ({ kind: 'data-point', action }) as const;
const line = (action: Action) => ({ kind: 'activity-line', action }) as const;
const ent = (action: Action) => ({ kind: 'entity', action }) as const;
const within = (action: Action) => ({ kind: 'entities', action }) as const;
const own = (action: Action) => ({ kind: 'own-account', action }) as const;

export const ROUTE_RULES: readonly RouteEntry[] = [
  r('GET', '/openapi.json', PUBLIC),
  // Health (routes/health.ts): the bare status for anyone (monitors, load balancers); the
  // database, migrations and free disk for administrators only (docs/security.md).
  r('GET', '/health', PUBLIC),
  r('GET', '/health/details', org('manage-settings')),
  // The whole store as a backup file (routes/backup.ts): it holds password hashes, so administrators only.
  r('GET', '/backup', org('manage-settings')),
  r('GET', '/session', PUBLIC),
  r('POST', '/session', PUBLIC),
  r('DELETE', '/session', PUBLIC),
  // Single sign-on (routes/oidc.ts): the browser's way to the provider and back.
  r('GET', '/session/oidc/start', PUBLIC),
  r('GET', '/session/oidc/callback', PUBLIC),
  // The caller's own second factor (routes/totp.ts); with a session only, not an API token.
  r('POST', '/session/totp', SIGNED_IN),
  r('POST', '/session/totp/confirm', SIGNED_IN),
  r('DELETE', '/session/totp', SIGNED_IN),
  r('PUT', '/session/password', SIGNED_IN),
  r('POST', '/session/totp/recovery-codes', SIGNED_IN),
  r('GET', '/session/totp/recovery-codes', SIGNED_IN),

  r('GET', '/organisation', SIGNED_IN),
  r('GET', '/periods', SIGNED_IN),
  r('GET', '/catalogue', SIGNED_IN),

  r('GET', '/data-points', within('read-data-points')),
  r('POST', '/data-points', within('write-data-point')),
  r('GET', '/data-points/:id/history', dp('read-history')),
  r('PUT', '/data-points/:id', dp('write-data-point')),
  r('POST', '/data-points/:id/retract', dp('retract-data-point')),
  // Evidence files (routes/evidence.ts). A download names a file, not an entity: the route finds
  // the entities through the file's links and decides each with entityDecision.
  r('POST', '/data-points/:id/evidence', dp('write-data-point')),
  r('GET', '/data-points/:id/evidence', dp('read-evidence')),
  // Activity lines (routes/activity-lines.ts, issue #17): data of their entity like data points.
  r('GET', '/activity-lines', within('read-data-points')),
  r('POST', '/activity-lines', within('write-data-point')),
  r('PUT', '/activity-lines/:id', line('write-data-point')),
  r('POST', '/activity-lines/:id/retract', line('retract-data-point')),
  r('POST', '/activity-lines/:id/evidence', line('write-data-point')),
  r('GET', '/activity-lines/:id/evidence', line('read-evidence')),
  r('GET', '/evidence/:sha256', within('read-evidence')),

  r('GET', '/figures', within('read-figures')),
  r('GET', '/figure', within('read-lineage')),
  r('GET', '/lineage', within('read-lineage')),
  r('GET', '/overview', org('read-figures')),
  r('GET', '/findings', within('read-findings')),
  // Findings as work items (routes/findings.ts; docs/checks.md): the use case decides on the
  // finding's entity (404 where the caller cannot see it): assign, accept and reopen are the
  // ESG lead's (manage-findings), a comment is the thread's (write-comment).
  r('GET', '/findings/:id/history', within('read-findings')),
  r('POST', '/findings/:id/assign', within('manage-findings')),
  r('POST', '/findings/:id/accept', within('manage-findings')),
  r('POST', '/findings/:id/reopen', within('manage-findings')),
  r('GET', '/findings/:id/comments', within('read-comments')),
  r('POST', '/findings/:id/comments', within('write-comment')),
  r('GET', '/disclosures', org('read-disclosures')),
  r('GET', '/explanations', org('read-disclosures')),
  r('PUT', '/explanations/:subject', org('write-explanation')),
  r('GET', '/reports/:format', org('read-report')),
  // The targets register (routes/targets.ts, issue #18): read with the report, written by the
  // administrator (the ESG lead); organisation-wide like the report's targets table.
  r('GET', '/targets', org('read-targets')),
  r('POST', '/targets', org('write-target')),
  r('PUT', '/targets/:id', org('write-target')),
  r('POST', '/targets/:id/retract', org('write-target')),
  r('GET', '/targets/:id/history', org('read-targets')),
  r('GET', '/export/targets.xlsx', org('read-targets')),
  r('POST', '/import/targets', org('write-target')),
  // Narrative sections (routes/narrative.ts, issue #19): read and previewed with the report
  // (the preview saves nothing), saved by the administrator (the ESG lead) on the group.
  r('GET', '/narrative', org('read-report')),
  r('POST', '/narrative/preview', org('read-report'), { savesNothing: true }),
  r('PUT', '/narrative/:id', org('write-narrative')),
  // Compliance cases (routes/compliance-cases.ts, issue #18; docs/security.md "Compliance
  // cases"): rows only with the compliance role (granted on the group); counts for every reader
  // of the report.
  r('GET', '/cases/counts', org('read-case-counts')),
  r('GET', '/cases', org('read-cases')),
  r('POST', '/cases', org('write-case')),
  r('PUT', '/cases/:id', org('write-case')),
  r('POST', '/cases/:id/retract', org('write-case')),
  r('GET', '/cases/:id/history', org('read-cases')),
  r('GET', '/export/cases.xlsx', org('read-cases')),
  r('POST', '/import/cases', org('write-case')),
  // Certifications and tailings facilities (routes/site-registers.ts, issue #18): like targets.
  // The climate register, its scales and screening, and the B5 practices share their actions.
  ...[
    'certifications',
    'tailings-facilities',
    'climate-risks',
    'climate-scales',
    'hazard-screening',
    'supplier-practices',
  ].flatMap((p) => [
    r('GET', `/${p}`, org('read-site-registers')),
    r('POST', `/${p}`, org('write-site-register')),
    r('PUT', `/${p}/:id`, org('write-site-register')),
    r('POST', `/${p}/:id/retract`, org('write-site-register')),
    r('GET', `/${p}/:id/history`, org('read-site-registers')),
    r('GET', `/export/${p}.xlsx`, org('read-site-registers')),
    r('POST', `/import/${p}`, org('write-site-register')),
  ]),
  // The materiality assessment (routes/materiality.ts, issue #18; docs/registers.md "Materiality"):
  // the matrix for every reader of the report; building, responses, files and approval for the
  // administrator; the respond link for any signed-in user.
  r('GET', '/materiality/topics', org('read-materiality')),
  r('GET', '/materiality/surveys', org('read-materiality')),
  r('GET', '/materiality/surveys/:id/matrix.svg', org('read-materiality')),
  r('POST', '/materiality/surveys', org('manage-materiality')),
  r('GET', '/materiality/surveys/:id', org('read-materiality')),
  r('PUT', '/materiality/surveys/:id', org('manage-materiality')),
  r('POST', '/materiality/surveys/:id/retract', org('manage-materiality')),
  r('GET', '/materiality/surveys/:id/history', org('read-materiality')),
  r('GET', '/materiality/surveys/:id/responses', org('manage-materiality')),
  r('POST', '/materiality/surveys/:id/responses/:rid/withdraw', org('manage-materiality')),
  r('GET', '/materiality/surveys/:id/form', SIGNED_IN),
  r('PUT', '/materiality/surveys/:id/response', SIGNED_IN),
  r('POST', '/materiality/surveys/:id/approve', org('approve-materiality')),
  r('GET', '/materiality/surveys/:id/questionnaire.xlsx', org('manage-materiality')),
  r('POST', '/materiality/surveys/:id/questionnaire', org('manage-materiality')),
  r('GET', '/export/materiality.yaml', org('manage-materiality')),
  r('POST', '/import/materiality', org('manage-materiality')),
  // Suppliers, hazards and energy-saving projects (routes/operating-registers.ts, issue #18): like targets.
  ...['suppliers', 'hazards', 'projects'].flatMap((p) => [
    r('GET', `/${p}`, org('read-operating-registers')),
    r('POST', `/${p}`, org('write-operating-register')),
    r('PUT', `/${p}/:id`, org('write-operating-register')),
    r('POST', `/${p}/:id/retract`, org('write-operating-register')),
    r('GET', `/${p}/:id/history`, org('read-operating-registers')),
    r('GET', `/export/${p}.xlsx`, org('read-operating-registers')),
    r('POST', `/import/${p}`, org('write-operating-register')),
  ]),

  // Meters and readings (routes/meters.ts, issue #22; docs/meters.md "Access"): one
  // organisation-wide register and readings spanning sites: read with the report, the register
  // saved and readings imported by the administrator on the group.
  r('GET', '/meters', org('read-meters')),
  r('PUT', '/meters', org('write-meters')),
  r('POST', '/meters/readings', org('import-meter-readings')),
  r('GET', '/meters/findings', org('read-meters')),
  r('GET', '/meters/roll-up', org('read-meters')),
  r('GET', '/meters/reconciliation', org('read-meters')),
  // the roll-up written as activity lines of every site: entering data on the group
  r('GET', '/meters/activity-lines', org('read-meters')),
  r('POST', '/meters/activity-lines', org('write-data-point')),
  r('GET', '/meters/bills', org('read-meters')),
  r('PUT', '/meters/bills', org('write-meters')),
  r('GET', '/meters/reading-round.xlsx', org('read-meters')),
  r('POST', '/meters/reading-round', org('import-meter-readings')),
  r('POST', '/import/data-points', within('import-data-points')),
  r('GET', '/export/data-points.csv', within('export-data-points')),
  r('GET', '/template/data-points.xlsx', within('export-data-points')),
  r('GET', '/template/data-points.csv', within('export-data-points')),

  r('GET', '/users', org('manage-users')),
  r('POST', '/users', org('manage-users')),
  r('POST', '/users/:id/grants', org('manage-users')),
  r('DELETE', '/users/:id/grants/:role/:entity', org('manage-users')),
  r('POST', '/users/:id/disable', org('manage-users')),
  r('POST', '/users/:id/enable', org('manage-users')),

  r('GET', '/settings/security', org('manage-settings')),
  r('PUT', '/settings/security', org('manage-settings')),

  r('GET', '/tokens', own('manage-own-tokens')),
  r('POST', '/tokens', own('manage-own-tokens')),
  r('DELETE', '/tokens/:id', own('manage-own-tokens')),

  // The collection cycle (routes/workflow.ts; issue #17): one route per workflow event, each
  // with the action it needs on the unit's entity (app's EVENT_ACTION).
  r('GET', '/workflow', within('read-data-points')),
  r('GET', '/workflow/:entity/:period/:topic', ent('read-data-points')),
  r('POST', '/workflow/:entity/:period/:topic/submit', ent('submit-data')),
  r('POST', '/workflow/:entity/:period/:topic/return', ent('return-data')),
  r('POST', '/workflow/:entity/:period/:topic/review', ent('review-data')),
  r('POST', '/workflow/:entity/:period/:topic/approve', ent('approve-data')),
  r('POST', '/workflow/:entity/:period/:topic/reopen', ent('manage-cycle')),
  r('POST', '/workflow/:entity/:period/:topic/exception', ent('manage-cycle')),
  r('POST', '/periods/:period/lock', org('lock-period')),
  // Notifications (routes/notifications.ts): the caller's own, and the e-mail outbox (administrators).
  r('GET', '/notifications', own('manage-own-notifications')),
  r('POST', '/notifications/read-all', own('manage-own-notifications')),
  r('POST', '/notifications/:id/read', own('manage-own-notifications')),
  r('GET', '/notifications/preferences', own('manage-own-notifications')),
  r('PUT', '/notifications/preferences', own('manage-own-notifications')),
  r('GET', '/notifications/outbox', org('manage-notifications')),
  r('POST', '/notifications/outbox/:id/retry', org('manage-notifications')),
  r('DELETE', '/periods/:period/lock', org('lock-period')),

  // Reporting cycles, assignments, task lists and progress (routes/cycles.ts; issue #17): opening
  // a cycle is the group administrator's; assigning names its subtree's root in the body (the
  // use case decides 'manage-cycle' there); reads are filtered to the caller's entities.
  r('POST', '/cycles', org('manage-cycle')),
  r('GET', '/cycles', within('read-cycle')),
  r('POST', '/cycles/:period/assignments', within('manage-cycle')),
  r('GET', '/cycles/:period/assignments', within('read-cycle')),
  r('GET', '/cycles/:period/assignments/:id/history', within('read-cycle')),
  r('GET', '/cycles/:period/progress', within('read-cycle')),
  r('GET', '/tasks', within('read-cycle')),
  // Restatement and base year (routes/restatements.ts; docs/workflow.md): a request names its
  // facts in the body; the use case decides the action on every entity it touches (404 for one
  // the caller cannot see). Events take the workflow's actions; the base year is a setting.
  r('GET', '/restatements', within('read-data-points')),
  r('POST', '/restatements', within('request-restatement')),
  r('GET', '/restatements/:id', within('read-data-points')),
  r('POST', '/restatements/:id/submit', within('submit-data')),
  r('POST', '/restatements/:id/return', within('return-data')),
  r('POST', '/restatements/:id/review', within('review-data')),
  r('POST', '/restatements/:id/approve', within('approve-data')),
  r('GET', '/settings/base-year', org('manage-settings')),
  r('PUT', '/settings/base-year', org('manage-settings')),
  // Comment threads (routes/comments.ts): the target (?target=kind:id) names the entity, decided
  // by the use case with the target's own read action besides these.
  r('GET', '/comments', within('read-comments')),
  r('POST', '/comments', within('write-comment')),
];

/**
 * What a session that must enrol a second factor first (the security settings require one of
 * administrators; app/access/totp.ts mustEnrolTotp) may reach besides the public routes, which
 * include GET /api/session and sign-out. Decided in enforce-rules.ts.
 */
export const BEFORE_TOTP_ENROLMENT: readonly string[] = ['POST /session/totp', 'POST /session/totp/confirm'];

/** The rule for a request, matching method and path segment by segment (`:x` matches one segment). */
export function ruleFor(
  method: string,
  apiPath: string,
): { entry: RouteEntry; params: Record<string, string> } | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  const segments = apiPath.split('/');
  for (const entry of ROUTE_RULES) {
    if (entry.method !== m) continue;
    const pattern = entry.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i] as string;
      const s = segments[i] as string;
      if (p.startsWith(':')) {
        if (s === '') ok = false;
        else params[p.slice(1)] = safeDecode(s);
      } else ok = p === s;
    }
    if (ok) return { entry, params };
  }
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
