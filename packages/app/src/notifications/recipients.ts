/**
 * Who is told of a workflow transition (docs/workflow.md, "Notifications and reminders"). Pure:
 * the transition, the unit after it, the accounts with their grants and the entity tree in;
 * recipients out.
 *
 *   submit   → every account that may review the unit's entity (review-data)
 *   review   → every account that may approve it (approve-data)
 *   return, approve, reopen → the submitter of the submission concerned
 *   exception → the user the exception allows
 *
 * Nobody is told of their own action, and nobody is asked to review or approve what segregation
 * of duties keeps them from (their own submission, or a submission they reviewed) unless an
 * administrator's exception allows them.
 */
import type { NotifiableAccount, NotificationKind } from '@assay/store';
import { accessFor, authorise } from '../access/authorise.js';
import type { EntityTree } from '../access/entity-tree.js';
import type { Action } from '../access/permissions.js';
import { type Grant, isRole } from '../access/roles.js';
import type { TransitionRecord, UnitRecord } from '../workspace/cycle-records.js';

export type TransitionFacts = {
  readonly transition: TransitionRecord;
  /** The unit after the transition. */
  readonly unit: UnitRecord;
  /** Who submitted the submission the transition concerns (null: nobody, or unknown). */
  readonly submitterId: string | null;
};

export type Recipient = { readonly account: NotifiableAccount; readonly kind: NotificationKind };

/** Whether the account's grants allow `action` on the entity. */
export function mayAct(
  account: NotifiableAccount,
  tree: EntityTree,
  action: Action,
  entityId: string,
): boolean {
  const grants: Grant[] = account.grants.flatMap((g) =>
    isRole(g.role) ? [{ role: g.role, entityId: g.entityId }] : [],
  );
  const access = accessFor({ userId: account.id, grants }, tree);
  return authorise(access, action, { kind: 'entity', entityId }) === 'allow';
}

export function transitionRecipients(
  facts: TransitionFacts,
  accounts: readonly NotifiableAccount[],
  tree: EntityTree,
): Recipient[] {
  const { transition: t, unit } = facts;
  const actorId = t.userId;
  const barred = (id: string, ...by: (string | null)[]) => by.includes(id) && !unit.exceptions.includes(id);
  const byAction = (action: Action, kind: NotificationKind, ...exclude: (string | null)[]) =>
    accounts
      .filter((a) => a.id !== actorId && !barred(a.id, ...exclude) && mayAct(a, tree, action, t.entityId))
      .map((account) => ({ account, kind }));
  const one = (userId: string | null, kind: NotificationKind) => {
    const account = userId === null || userId === actorId ? undefined : accounts.find((a) => a.id === userId);
    return account ? [{ account, kind }] : [];
  };
  switch (t.event) {
    case 'submit':
      return byAction('review-data', 'submitted-for-review', unit.submittedBy);
    case 'review':
      return byAction('approve-data', 'reviewed-for-approval', unit.submittedBy, unit.reviewedBy);
    case 'return':
      return one(facts.submitterId, 'returned');
    case 'approve':
      return one(facts.submitterId, 'approved');
    case 'reopen':
      return one(facts.submitterId, 'reopened');
    case 'exception':
      return one(t.exceptionFor, 'exception-granted');
  }
}
