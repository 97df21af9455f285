/**
 * "May I?" for the web app, in one place (issue #16). The server decides every request; this
 * only hides what the signed-in user's roles do not allow, from `allowed` in GET /api/session
 * (action → entity ids). A role granted on an entity covers the entities below it, so an id in
 * `allowed` also allows its subtree (the organisation's parent links); an organisation-wide
 * thing (the user list, explanations) needs the action on the group, the entity without parent.
 * In open mode (no accounts yet) the local user may do everything, as before accounts existed.
 */
import { createContext, useContext } from 'react';
import type { Organisation, Session } from './api';
import type { Page } from './route';

/** The actions of app/src/access/permissions.ts that the web app asks about (by copy). */
export type Action =
  | 'read-organisation'
  | 'read-figures'
  | 'read-data-points'
  | 'read-findings'
  | 'read-disclosures'
  | 'read-report'
  | 'read-lineage'
  | 'read-history'
  | 'write-data-point'
  | 'retract-data-point'
  | 'import-data-points'
  | 'write-explanation'
  | 'export-data-points'
  | 'manage-users'
  | 'manage-settings'
  | 'read-evidence'
  | 'submit-data'
  | 'return-data'
  | 'review-data'
  | 'approve-data'
  | 'manage-cycle'
  | 'lock-period'
  | 'read-cycle'
  | 'read-comments'
  | 'write-comment'
  | 'request-restatement'
  | 'read-targets'
  | 'read-case-counts'
  | 'read-cases'
  | 'write-case'
  | 'write-target'
  | 'read-operating-registers'
  | 'write-operating-register'
  | 'read-site-registers'
  | 'write-site-register'
  | 'manage-findings'
  | 'read-meters'
  | 'read-materiality'
  | 'manage-materiality'
  | 'approve-materiality'
  | 'write-narrative';

/** The roles (app/src/access/roles.ts, by copy: six of issue #16 and compliance of issue #18), in the order the administration page lists them. */
export const ROLES = [
  'administrator',
  'preparer',
  'reviewer',
  'approver',
  'assurer',
  'viewer',
  'compliance',
] as const;

export type Access = {
  /** No accounts yet: everything allowed, no user. */
  readonly open: boolean;
  readonly user: Session['user'];
  /** The roles the user holds somewhere (ids of ROLES); none in open mode. */
  readonly heldRoles: readonly string[];
  /** May do `action` on this entity. */
  can(action: Action, entityId: string): boolean;
  /** May do `action` on at least one entity. */
  canSomewhere(action: Action): boolean;
  /** May do `action` organisation-wide (on the group entity). */
  canOrgWide(action: Action): boolean;
  /** The organisation's entities (ids, in the organisation's order) where `action` is allowed. */
  entitiesWith(action: Action): string[];
  /** May open this page of the app. */
  mayOpen(page: Page): boolean;
};

/**
 * What each page needs, as the server's route rules (server/src/http/route-rules.ts) decide its
 * first request: an action on some entity (lists filtered to them), an action on the group (an
 * organisation-wide resource: the overview, disclosures, the report, the user list), anyone
 * the server lets in (the catalogue), or an account (API tokens belong to accounts).
 */
const PAGE_NEEDS: Record<
  Page,
  // oneOf: besides `action`, at least one of these somewhere.
  { action: Action; orgWide?: true; oneOf?: readonly Action[] } | 'anyone' | 'account'
> = {
  overview: { action: 'read-figures', orgWide: true },
  data: { action: 'read-data-points' },
  catalogue: 'anyone',
  figure: { action: 'read-figures' },
  checks: { action: 'read-findings' },
  disclosures: { action: 'read-disclosures', orgWide: true },
  report: { action: 'read-report', orgWide: true },
  admin: { action: 'manage-users', orgWide: true },
  tokens: 'account',
  cycle: { action: 'read-data-points' },
  // The collection cycle's entry side (issue #17): a task list is a preparer's (tasks are
  // assigned to preparers only), the entry form anyone's who may enter data, assignments the
  // administrators' (opening a cycle needs the group; assigning a subtree its root).
  tasks: { action: 'submit-data' },
  entry: { action: 'write-data-point' },
  assignments: { action: 'manage-cycle' },
  // Restatements (docs/workflow.md, "Restatement and base year"): the list needs read-data-points;
  // the page is for those who request, submit, review, approve or return one, or set the base year.
  // The targets register (issue #18): organisation-wide, read with the report.
  targets: { action: 'read-targets', orgWide: true },
  // Compliance cases (issue #18): counts for every reader of the report; rows need read-cases.
  cases: { action: 'read-case-counts', orgWide: true },
  // Suppliers, hazards, energy-saving projects (issue #18): organisation-wide, read with the report.
  suppliers: { action: 'read-operating-registers', orgWide: true },
  hazards: { action: 'read-operating-registers', orgWide: true },
  projects: { action: 'read-operating-registers', orgWide: true },
  // Certifications and tailings facilities (issue #18): organisation-wide, read with the report.
  certifications: { action: 'read-site-registers', orgWide: true },
  'tailings-facilities': { action: 'read-site-registers', orgWide: true },
  // Meters and readings (issue #22): organisation-wide, read with the report.
  meters: { action: 'read-meters', orgWide: true },
  // The climate register and the B5 practices (issue #18): as the site registers.
  'climate-risks': { action: 'read-site-registers', orgWide: true },
  'climate-scales': { action: 'read-site-registers', orgWide: true },
  'hazard-screening': { action: 'read-site-registers', orgWide: true },
  'supplier-practices': { action: 'read-site-registers', orgWide: true },
  // The materiality assessment (issue #18): the matrix read with the report; the respond link any account's.
  materiality: { action: 'read-materiality', orgWide: true },
  survey: { action: 'read-organisation' },
  // The report's narrative text (issue #19): read with the report, saved with write-narrative.
  narrative: { action: 'read-report', orgWide: true },
  restatements: {
    action: 'read-data-points',
    oneOf: [
      'request-restatement',
      'submit-data',
      'review-data',
      'approve-data',
      'return-data',
      'manage-settings',
    ],
  },
};

/** The entity ids in `granted` and every entity below one of them. */
function withSubtrees(granted: readonly string[], org: Organisation | undefined): Set<string> {
  const out = new Set(granted);
  if (!org) return out;
  const parentOf = new Map(org.entities.map((e) => [e.id, e.parentId]));
  for (const e of org.entities) {
    // Walk up at most as many steps as there are entities (a cycle in bad data must not hang).
    let at: string | null | undefined = e.parentId;
    for (let steps = 0; at && steps < org.entities.length && !out.has(e.id); steps++) {
      if (out.has(at)) out.add(e.id);
      at = parentOf.get(at);
    }
  }
  return out;
}

export function accessFor(session: Session, org: Organisation | undefined): Access {
  const open = session.mode === 'open';
  const allowed = new Map<string, Set<string>>();
  for (const [action, ids] of Object.entries(session.allowed))
    allowed.set(action, withSubtrees(ids ?? [], org));
  const roots = org?.entities.filter((e) => e.parentId === null).map((e) => e.id) ?? [];
  const can = (action: Action, entityId: string) => open || (allowed.get(action)?.has(entityId) ?? false);
  const canSomewhere = (action: Action) => open || (allowed.get(action)?.size ?? 0) > 0;
  const canOrgWide = (action: Action) => open || (roots.length > 0 && roots.every((r) => can(action, r)));
  return {
    open,
    user: session.user,
    heldRoles: ROLES.filter((r) => session.grants.some((g) => g.role === r)),
    can,
    canSomewhere,
    canOrgWide,
    entitiesWith: (action) => (org?.entities ?? []).map((e) => e.id).filter((id) => can(action, id)),
    mayOpen(page) {
      const need = PAGE_NEEDS[page];
      if (need === 'anyone') return true;
      if (need === 'account') return session.user !== null;
      if (need.oneOf && !need.oneOf.some(canSomewhere)) return false;
      return need.orgWide ? canOrgWide(need.action) : canSomewhere(need.action);
    },
  };
}

/** Everything allowed: what the app did before accounts (and the default outside a provider). */
export const OPEN_SESSION: Session = { mode: 'open', user: null, via: 'local', grants: [], allowed: {} };

export const AccessContext = createContext<Access>(accessFor(OPEN_SESSION, undefined));

export function useAccess(): Access {
  return useContext(AccessContext);
}
