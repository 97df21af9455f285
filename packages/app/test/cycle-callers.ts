/**
 * Callers for the collection-cycle tests (use-cases/workflow*.test.ts): users of examples/minimal
 * (group → smelter, mine) with roles granted as the accounts would, built as the server builds
 * a signed-in caller (access/caller.ts userCaller), without a session store.
 */
import type { Bundle } from '@assay/core';
import { type Caller, localCaller, userCaller } from '../src/access/caller.js';
import { entityTree } from '../src/access/entity-tree.js';
import type { Grant } from '../src/access/roles.js';

export function callerFor(bundle: Bundle, userId: string, grants: readonly Grant[]): Caller {
  const tree = entityTree(bundle.organisation.entities);
  return userCaller(
    {
      userId,
      grants: [...grants],
      email: `${userId}@example.com`,
      name: userId,
      via: { kind: 'session', sessionHash: '0'.repeat(64) },
    },
    tree,
  );
}

export const localOf = (bundle: Bundle): Caller => localCaller(entityTree(bundle.organisation.entities));
