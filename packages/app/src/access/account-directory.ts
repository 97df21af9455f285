/**
 * Looking up an account by id, for the collection cycle (issue #17): an assignee must be an
 * enabled account holding the preparer role where it is assigned (use-cases/assignments.ts),
 * and reminders need the assignee's address and name (use-cases/tasks.ts overdueAssignments).
 * Over the store's accounts, or none at all (a bundle served in memory, or a test's table).
 */
import { findUserById, type Store } from '@assay/store';
import { grantsOf } from './principal.js';
import type { Grant } from './roles.js';

export type AccountInfo = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly disabled: boolean;
  /** The account's grants now. */
  readonly grants: readonly Grant[];
};

export interface AccountDirectory {
  find(userId: string): Promise<AccountInfo | undefined>;
}

/** The store's accounts; without a store, a directory in which nobody is found. */
export function accountDirectory(store: Store | undefined): AccountDirectory {
  return {
    async find(userId) {
      if (!store || userId === '' || userId.length > 200) return undefined;
      const u = await findUserById(store, userId);
      if (!u) return undefined;
      return {
        id: u.id,
        email: u.email,
        name: u.name,
        disabled: u.disabled,
        grants: await grantsOf(store, u.id),
      };
    },
  };
}

/** A fixed table of accounts (tests, and tools that hold accounts elsewhere). */
export function accountTable(accounts: readonly AccountInfo[]): AccountDirectory {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return { find: async (userId) => byId.get(userId) };
}

/** How an account is named in records: "Ann Lee <ann@example.com>" (as a caller's label). */
export const accountLabel = (a: Pick<AccountInfo, 'name' | 'email'>): string => `${a.name} <${a.email}>`;
