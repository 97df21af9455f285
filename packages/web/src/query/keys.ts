/**
 * Query keys of server state (TanStack Query), in one place: a page reads with `queryKeys.x(…)`
 * and a write names the keys it makes stale (write.ts `invalidates`), so the two cannot drift.
 * Hierarchical: `['workflow']` covers every period's `['workflow', period]`. Pages still on
 * use-load.ts (the older ones) have no key; a page moved to TanStack Query adds its key here.
 */
export const queryKeys = {
  periods: () => ['periods'] as const,
  users: () => ['users'] as const,
  /** Every period's workflow units. */
  workflowAll: () => ['workflow'] as const,
  /** GET /api/workflow?period=: units, their state and the period's lock. */
  workflow: (period: string) => ['workflow', period] as const,
  /** GET /api/data-points/{id}/evidence. */
  evidence: (dataPointId: string) => ['evidence', dataPointId] as const,
  /** GET /api/session, as the pages that show it read it (the shell keeps its own, use-session.ts). */
  session: () => ['session'] as const,
  /** GET /api/session/totp/recovery-codes: how many of your recovery codes are unused. */
  recoveryCodes: () => ['session', 'recovery-codes'] as const,
  // The entry side of the collection cycle (issue #17; api-collection.ts).
  catalogue: () => ['catalogue'] as const,
  /** GET /api/data-points?entity=&period= (the entry form's data points and their comparisons). */
  dataPoints: (entity: string, period: string) => ['data-points', entity, period] as const,
  /** Every entity's and period's activity lines. */
  activityLinesAll: () => ['activity-lines'] as const,
  /** GET /api/activity-lines?entity=&period=: lines with last period's and last year's amounts. */
  activityLines: (entity: string, period: string) => ['activity-lines', entity, period] as const,
  /** GET /api/activity-lines/{id}/evidence. */
  lineEvidence: (lineId: string) => ['line-evidence', lineId] as const,
  /** GET /api/tasks: the caller's task list. */
  tasks: () => ['tasks'] as const,
  /** GET /api/cycles, and under it each cycle's assignments and progress. */
  cycles: () => ['cycles'] as const,
  assignments: (cycle: string, period: string) => ['cycles', cycle, 'assignments', period] as const,
  progress: (cycle: string) => ['cycles', cycle, 'progress'] as const,
  /** GET /api/comments?target=kind:id. */
  comments: (target: string) => ['comments', target] as const,
  /** GET /api/findings with a filter and page (every one under ['findings']). */
  findingsAll: () => ['findings'] as const,
  findings: (filter: Record<string, unknown>) => ['findings', filter] as const,
  /** GET /api/notifications (the bell). */
  notifications: () => ['notifications'] as const,
  /** GET /api/notifications/preferences: the language of your e-mail. */
  notificationLanguage: () => ['notification-language'] as const,
  // The reviewer's panel and restatements (api-restatement.ts).
  /** GET /api/workflow/{entity}/{period}/{topic}: under the period's workflow key (an event refreshes it). */
  unitReview: (period: string, entity: string, topic: string) =>
    ['workflow', period, 'review', entity, topic] as const,
  /** GET /api/data-points?period= (every entity the caller may read). */
  periodDataPoints: (period: string) => ['data-points', '*', period] as const,
  /** GET /api/activity-lines?period= (every entity the caller may read). */
  periodActivityLines: (period: string) => ['activity-lines', '*', period] as const,
  /** GET /api/restatements, and under it GET /api/restatements/{id}. */
  restatements: () => ['restatements'] as const,
  restatement: (id: number) => ['restatements', id] as const,
  /** GET /api/settings/base-year. */
  baseYear: () => ['base-year'] as const,
  /** GET /api/targets (every filter), and under it a filter's list and a target's history (issue #18). */
  targetsAll: () => ['targets'] as const,
  targets: (entity: string, status: string) => ['targets', 'list', entity, status] as const,
  targetHistory: (id: string) => ['targets', 'history', id] as const,
  /** GET /api/cases/counts and /api/cases (issue #18): counts for everyone, rows for the compliance role. */
  casesAll: () => ['cases'] as const,
  caseCounts: (year: string) => ['cases', 'counts', year] as const,
  caseList: (kind: string, type: string, status: string) => ['cases', 'list', kind, type, status] as const,
  caseHistory: (id: string) => ['cases', 'history', id] as const,
  /** GET /api/{suppliers|hazards|projects} (every filter), a filter's list and a row's history (issue #18). */
  registerAll: (register: string) => ['register', register] as const,
  registerList: (register: string, entity: string, status: string, region: string, grade: string) =>
    ['register', register, 'list', entity, status, region, grade] as const,
  registerHistory: (register: string, id: string) => ['register', register, 'history', id] as const,
  // Meters and readings (issue #22; api-meters.ts): register, roll-up, findings, reconciliation, lines.
  meterRegister: () => ['meters', 'register'] as const,
  meterRollUp: (site: string, carrier: string) => ['meters', 'roll-up', site, carrier] as const,
  meterFindings: (site: string) => ['meters', 'findings', site] as const,
  meterReconciliation: (site: string, carrier: string) =>
    ['meters', 'reconciliation', site, carrier] as const,
  meterLines: (site: string, carrier: string) => ['meters', 'lines', site, carrier] as const,
  /** GET /api/narrative (sections, versions, figures to pick), and under it a text's preview (issue #19). */
  narrative: () => ['narrative'] as const,
  narrativePreview: (en: string, zh: string) => ['narrative', 'preview', en, zh] as const,
};
