/**
 * THE permission table: role → action → scope, as data. Every front door (HTTP, CLI, web) asks
 * authorise.ts, which reads only this table, so they obey the same rules.
 *
 * Actions are named after the use cases in app/src/use-cases (one action may cover several
 * read use cases of one kind). The collection cycle's actions (issue #17, use-cases/workflow.ts
 * and period-lock.ts): submit, return (reviewer from submitted, approver from reviewed: the
 * use case checks which), review, approve, manage the cycle (reopen, exceptions to segregation
 * of duties) and lock a period.
 * Activity lines (issue #17, write-activity-line.ts, list-activity-lines.ts) are data of their
 * entity like data points: entering or changing one is write-data-point, retracting one
 * retract-data-point, listing them read-data-points.
 *
 * Scopes:
 *   entity-subtree  the resource's entity lies in the subtree of the entity the role was granted
 *                   on; an organisation-wide resource (settings, the user list) counts as the
 *                   group entity, so only a grant on the group covers it
 *   own-account     the resource belongs to the principal (their own API tokens)
 */
import type { Role } from './roles.js';

export type Scope = 'entity-subtree' | 'own-account';

export type ActionInfo = {
  /** The use cases (app/src/use-cases/*.ts, by file name) or routes the action stands for. */
  readonly useCases: readonly string[];
  /** True for a read: any read allowed on an entity makes it visible (deny as forbidden, not invisible). */
  readonly read: boolean;
  /** An action whose use case is still to come (none now). */
  readonly planned?: true;
};

export const ACTIONS = {
  'read-organisation': { read: true, useCases: ['catalogue', 'GET /organisation', 'GET /periods'] },
  'read-figures': { read: true, useCases: ['evaluation', 'overview', 'affected-figures'] },
  'read-data-points': { read: true, useCases: ['GET /data-points', 'list-activity-lines', 'unit-review'] },
  'read-findings': { read: true, useCases: ['findings', 'finding-work'] },
  // approved-materiality: the approval the disclosure status (and the report, the findings) reads
  'read-disclosures': {
    read: true,
    useCases: ['disclosure-status', 'approved-materiality', 'GET /explanations'],
  },
  'read-report': {
    read: true,
    useCases: ['render-report', 'report-model', 'report-status', 'restatement-note', 'narrative'],
  },
  'read-lineage': { read: true, useCases: ['explain-figure', 'GET /lineage'] },
  'read-evidence': { read: true, useCases: ['evidence-files'] },
  'read-history': { read: true, useCases: ['GET /data-points/:id/history'] },
  'write-data-point': {
    read: false,
    useCases: ['write-data-point', 'upload-evidence', 'write-activity-line', 'meter-activity-lines'],
  },
  'retract-data-point': { read: false, useCases: ['retract-data-point', 'POST /activity-lines/:id/retract'] },
  'import-data-points': {
    read: false,
    useCases: ['import-data-points', 'import-fact-file', 'read-import-file'],
  },
  'write-explanation': { read: false, useCases: ['write-explanation'] },
  'export-data-points': { read: false, useCases: ['export-data-points', 'entry-template-xlsx'] },
  'manage-users': { read: false, useCases: ['user add/grant/disable (to come)'] },
  'manage-tokens': { read: false, useCases: ["any user's API tokens (to come)"] },
  'manage-own-tokens': { read: false, useCases: ['token create/revoke for oneself (to come)'] },
  'manage-settings': {
    read: false,
    useCases: [
      'base-year',
      // health: its details (database, migrations, free disk); the bare status is PUBLIC in
      // server/src/http/route-rules.ts, for monitors and load balancers
      'health',
      // backup: the whole store as one file, written by the server that holds it (GET /api/backup;
      // it holds password hashes, so administrators only)
      'backup',
      'organisation, frameworks, methods (to come)',
    ],
  },
  'submit-data': { read: false, useCases: ['workflow'] },
  'return-data': { read: false, useCases: ['workflow'] },
  'review-data': { read: false, useCases: ['workflow'] },
  'approve-data': { read: false, useCases: ['workflow'] },
  'manage-cycle': { read: false, useCases: ['workflow', 'cycles', 'assignments'] },
  'lock-period': { read: false, useCases: ['period-lock'] },
  // Restatement (docs/workflow.md, "Restatement and base year"): requesting one; it is then
  // submitted, reviewed and approved with the workflow's actions (submit-data, review-data…).
  'request-restatement': {
    read: false,
    useCases: ['restatement', 'restatement-items', 'restatement-effect'],
  },
  // Cycles, assignments, task lists and progress (docs/workflow.md, "Cycles and assignments").
  'read-cycle': { read: true, useCases: ['tasks', 'GET /cycles', 'GET /cycles/:period/assignments'] },
  // Comment threads (docs/workflow.md, "Comments"): read with the target's own read action too.
  'read-comments': { read: true, useCases: ['comments'] },
  'write-comment': { read: false, useCases: ['comments'] },
  // Findings as work items (docs/checks.md): assigning, accepting with a reason and reopening
  // (the ESG lead: administrators). Reading is read-findings; commenting, write-comment.
  'manage-findings': { read: false, useCases: ['finding-work', 'finding-work-state'] },
  // Notifications (docs/workflow.md, "Notifications and reminders"): one's own, to read, mark
  // read and choose their e-mail's language (every role; like own tokens, an own-account
  // action, not a read of reporting data), and the e-mail outbox and reminders (administrators
  // of the group).
  'manage-own-notifications': { read: false, useCases: ['notifications'] },
  'manage-notifications': { read: false, useCases: ['notification-outbox', 'remind-overdue'] },
  // The targets register (issue #18, use-cases/targets.ts; docs/registers.md): read by everyone
  // who reads the report; written (create, change, retract, import) by the administrator, the
  // ESG lead (roles.ts).
  'read-targets': { read: true, useCases: ['targets', 'targets-xlsx', 'GET /targets/:id/history'] },
  'write-target': { read: false, useCases: ['targets', 'targets-xlsx'] },
  // Compliance cases (issue #18, use-cases/compliance-cases.ts; docs/security.md "Compliance
  // cases"): rows only with the compliance role (granted on the group: the register is
  // organisation-wide); counts by kind, type and outcome for everyone who reads the report.
  'read-case-counts': { read: true, useCases: ['GET /cases/counts'] },
  'read-cases': {
    read: true,
    useCases: ['compliance-cases', 'compliance-cases-xlsx', 'GET /cases/:id/history'],
  },
  'write-case': { read: false, useCases: ['compliance-cases', 'compliance-cases-xlsx'] },
  // Certifications and tailings facilities (issue #18, use-cases/site-registers.ts): read by
  // everyone who reads the report, written by the administrator, like targets.
  'read-site-registers': {
    read: true,
    useCases: ['site-registers', 'site-registers-xlsx', 'climate-register', 'climate-register-xlsx'],
  },
  'write-site-register': {
    read: false,
    useCases: ['site-registers', 'site-registers-xlsx', 'climate-register', 'climate-register-xlsx'],
  },
  // Suppliers, hazards and energy-saving projects (issue #18, use-cases/operating-registers.ts;
  // docs/registers.md): read by everyone who reads the report, written by the administrator
  // (the ESG lead) on the group, like targets.
  'read-operating-registers': { read: true, useCases: ['operating-registers', 'operating-registers-xlsx'] },
  'write-operating-register': { read: false, useCases: ['operating-registers', 'operating-registers-xlsx'] },
  // The materiality assessment (issue #18, use-cases/materiality.ts; docs/registers.md
  // "Materiality"): the matrix and approved list read by everyone who reads the report; the
  // survey built, responses seen, questionnaires and materiality.yaml imported and exported by
  // the administrator, who also approves the topic list. Answering is any signed-in user's
  // (route-rules.ts: signed-in), so it needs no action.
  'read-materiality': { read: true, useCases: ['materiality'] },
  'manage-materiality': { read: false, useCases: ['materiality', 'materiality-files'] },
  'approve-materiality': { read: false, useCases: ['materiality'] },
  // Meters and readings (issue #22, use-cases/meters.ts, import-meter-readings.ts; docs/meters.md
  // "Access"): read by everyone who reads the report; the register (one organisation-wide
  // document) saved and readings imported by the administrator on the group. Not the preparer of
  // a site: one register and one export file span every site, so a site scope would split them.
  'read-meters': {
    read: true,
    useCases: ['meters', 'meter-reconciliation', 'meter-activity-lines', 'reading-round-xlsx'],
  },
  'write-meters': { read: false, useCases: ['meters'] },
  // Narrative sections (issue #19, use-cases/narrative.ts; docs/report.md "Editing narrative"):
  // read (list, figures to pick, preview) with the report, read-report; the text is report
  // content of the whole group, written by the administrator (the ESG lead) on the group.
  'write-narrative': { read: false, useCases: ['narrative'] },
  // meter-folder: a bundle folder's meters/ (register, readings, bills) loaded when `assay serve`
  // fills an empty store, by the operator who starts it, through the same use cases as the API
  'import-meter-readings': {
    read: false,
    useCases: ['import-meter-readings', 'reading-round-xlsx', 'meter-folder'],
  },
} as const satisfies Record<string, ActionInfo>;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

export type Permission = { readonly action: Action; readonly scope: Scope };

const subtree = (...actions: Action[]): Permission[] =>
  actions.map((action) => ({ action, scope: 'entity-subtree' }));
const OWN_TOKENS: Permission = { action: 'manage-own-tokens', scope: 'own-account' };
/** Every account reads its own notifications, marks them read and sets their language. */
const OWN_NOTIFICATIONS: Permission[] = [{ action: 'manage-own-notifications', scope: 'own-account' }];

/** Every read but organisation structure, which every role has. */
const READ_ALL: Action[] = [
  'read-organisation',
  'read-figures',
  'read-data-points',
  'read-findings',
  'read-disclosures',
  'read-report',
  'read-lineage',
  'read-evidence',
  'read-history',
  'read-cycle',
  'read-comments',
  'read-targets',
  'read-case-counts',
  'read-site-registers',
  'read-operating-registers',
  'read-meters',
  'read-materiality',
];

/**
 * The table. Segregation of duties: no role both enters (preparer) and reviews or approves
 * data; the administrator has no submit, review or approve action (grant yourself the role to
 * act in the cycle, which the audit log then shows), but reopens approved units, allows
 * exceptions to segregation of duties (manage-cycle) and locks periods (lock-period, for the
 * whole organisation: only a grant on the group covers it). Everyone who takes part in the
 * cycle comments (write-comment); the assurer and the viewer do not (the assurer writes nothing).
 */
export const PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  administrator: [
    ...subtree(
      ...READ_ALL,
      'write-data-point',
      'retract-data-point',
      'import-data-points',
      'write-explanation',
      'export-data-points',
      'manage-users',
      'manage-tokens',
      'manage-settings',
      'manage-cycle',
      'lock-period',
      'manage-notifications',
      'write-comment',
      'request-restatement',
      'write-target',
      'write-site-register',
      'write-operating-register',
      'manage-materiality',
      'approve-materiality',
      'write-meters',
      'import-meter-readings',
      'manage-findings',
      'write-narrative',
    ),
    OWN_TOKENS,
    ...OWN_NOTIFICATIONS,
  ],
  preparer: [
    ...subtree(
      ...READ_ALL,
      'write-data-point',
      'retract-data-point',
      'import-data-points',
      'write-explanation',
      'export-data-points',
      'submit-data',
      'write-comment',
      'request-restatement',
    ),
    OWN_TOKENS,
    ...OWN_NOTIFICATIONS,
  ],
  reviewer: [
    ...subtree(...READ_ALL, 'export-data-points', 'review-data', 'return-data', 'write-comment'),
    OWN_TOKENS,
    ...OWN_NOTIFICATIONS,
  ],
  approver: [
    ...subtree(...READ_ALL, 'export-data-points', 'approve-data', 'return-data', 'write-comment'),
    OWN_TOKENS,
    ...OWN_NOTIFICATIONS,
  ],
  assurer: [...subtree(...READ_ALL, 'export-data-points'), OWN_TOKENS, ...OWN_NOTIFICATIONS],
  viewer: [
    ...subtree(
      'read-organisation',
      'read-figures',
      'read-disclosures',
      'read-report',
      'read-targets',
      'read-case-counts',
      'read-site-registers',
      'read-operating-registers',
      'read-meters',
      'read-materiality',
    ),
    OWN_TOKENS,
    ...OWN_NOTIFICATIONS,
  ],
  // Cases only: a compliance officer who also prepares data or runs the report holds those roles too.
  compliance: [
    ...subtree('read-organisation', 'read-case-counts', 'read-cases', 'write-case'),
    OWN_TOKENS,
    ...OWN_NOTIFICATIONS,
  ],
};
