/**
 * authorise(access, action, resource) → allow | deny-forbidden | deny-invisible, from the
 * permission table (permissions.ts), the principal's grants and the organisation's entity tree.
 * Pure: no I/O, no clock.
 *
 * Built on CASL (@casl/ability): each grant becomes one rule per permitted action, with the
 * condition "entityId in the granted entity's subtree" (or "ownerId is me" for own-account
 * permissions). CASL does the rule matching, and the same rules later give list filtering
 * and field-level write sets (no mass assignment) when the routes are wired.
 *
 * The answer for a denial depends on what the principal can see:
 *   deny-forbidden  the principal may read something in the resource's entity (or the resource
 *                   is organisation-wide, or their own), so saying "not allowed" reveals nothing:
 *                   HTTP 403
 *   deny-invisible  the resource lies in an entity the principal cannot see at all, or is
 *                   another user's: answer as if it did not exist (HTTP 404)
 */
import { createMongoAbility, type MongoAbility, type RawRuleOf, subject } from '@casl/ability';
import type { EntityTree } from './entity-tree.js';
import { ACTION_NAMES, ACTIONS, type Action, PERMISSIONS } from './permissions.js';
import type { Grant } from './roles.js';

/** Who is asking: a user, with the grants in force (a token's grants are already narrowed). */
export type Principal = { readonly userId: string; readonly grants: readonly Grant[] };

/** What is asked about. */
export type Resource =
  /** Something in one entity: a data point, a figure of that entity, its evidence… */
  | { readonly kind: 'entity'; readonly entityId: string }
  /** Organisation-wide: settings, the user list, the group report. Counts as the group entity. */
  | { readonly kind: 'organisation' }
  /** Belongs to one user: an API token. */
  | { readonly kind: 'account'; readonly ownerId: string };

export type Decision = 'allow' | 'deny-forbidden' | 'deny-invisible';

/** The fields CASL matches rules against (one subject type, "Resource"). */
type Subject = { entityId: string | null; ownerId: string | null };
type Ability = MongoAbility<[Action, 'Resource' | ({ __caslSubjectType__: 'Resource' } & Subject)]>;

export type Access = { readonly principal: Principal; readonly tree: EntityTree; readonly ability: Ability };

const READ_ACTIONS = ACTION_NAMES.filter((a) => ACTIONS[a].read);

/** Compile the principal's grants over the tree into CASL rules (once per request). */
export function accessFor(principal: Principal, tree: EntityTree): Access {
  const rules: RawRuleOf<Ability>[] = [];
  for (const grant of principal.grants) {
    const ids = tree.subtree(grant.entityId);
    for (const p of PERMISSIONS[grant.role]) {
      if (p.scope === 'own-account') {
        rules.push({ action: p.action, subject: 'Resource', conditions: { ownerId: principal.userId } });
      } else if (ids.length > 0) {
        // A grant on an entity no longer in the organisation covers nothing.
        rules.push({ action: p.action, subject: 'Resource', conditions: { entityId: { $in: [...ids] } } });
      }
    }
  }
  return { principal, tree, ability: createMongoAbility<Ability>(rules) };
}

function subjectOf(tree: EntityTree, r: Resource) {
  const fields: Subject =
    r.kind === 'entity'
      ? { entityId: r.entityId, ownerId: null }
      : r.kind === 'organisation'
        ? { entityId: tree.rootId, ownerId: null }
        : { entityId: tree.rootId, ownerId: r.ownerId };
  return subject('Resource', fields);
}

export function authorise(access: Access, action: Action, resource: Resource): Decision {
  const s = subjectOf(access.tree, resource);
  if (access.ability.can(action, s)) return 'allow';
  switch (resource.kind) {
    case 'organisation':
      return 'deny-forbidden';
    case 'account':
      return resource.ownerId === access.principal.userId ? 'deny-forbidden' : 'deny-invisible';
    case 'entity': {
      if (!access.tree.has(resource.entityId)) return 'deny-invisible';
      return READ_ACTIONS.some((a) => access.ability.can(a, s)) ? 'deny-forbidden' : 'deny-invisible';
    }
  }
}

/** The entities where `action` is allowed (walk order from the root, no duplicates): filters lists. */
export function entitiesAllowed(access: Access, action: Action): string[] {
  return access.tree
    .subtree(access.tree.rootId)
    .filter((entityId) => authorise(access, action, { kind: 'entity', entityId }) === 'allow');
}
