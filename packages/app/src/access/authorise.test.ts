/**
 * The permission matrix, generated from the permission table: every action × every role ×
 * the granted entity / a child of it / a sibling (other) / its parent, plus organisation-wide
 * and per-account resources. The expectation is derived from the table by the rule the issue
 * states (a role on an entity covers its subtree; invisible outside what one can read); the
 * hand-written cases below pin the table's content so a wrong edit to it fails too.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Access,
  accessFor,
  authorise,
  type Decision,
  entitiesAllowed,
  type Principal,
} from './authorise.js';
import { entityTree } from './entity-tree.js';
import { ACTION_NAMES, ACTIONS, type Action, PERMISSIONS, type Scope } from './permissions.js';
import { type Grant, ROLES, type Role } from './roles.js';

// group ─┬─ sub-a ─┬─ site-a1
//        │         └─ site-a2
//        └─ sub-b ─── site-b1
const TREE = entityTree([
  { id: 'group' },
  { id: 'sub-a', parentId: 'group' },
  { id: 'site-a1', parentId: 'sub-a' },
  { id: 'site-a2', parentId: 'sub-a' },
  { id: 'sub-b', parentId: 'group' },
  { id: 'site-b1', parentId: 'sub-b' },
]);

const ME = 'user-me';
const access = (...grants: Grant[]): Access => accessFor({ userId: ME, grants } satisfies Principal, TREE);
const has = (role: Role, action: Action, scope: Scope) =>
  PERMISSIONS[role].some((p) => p.action === action && p.scope === scope);
const entity = (entityId: string) => ({ kind: 'entity', entityId }) as const;

describe('permission matrix (generated from the table)', () => {
  const places = [
    { place: 'own entity', entityId: 'sub-a', covered: true },
    { place: 'child entity', entityId: 'site-a1', covered: true },
    { place: 'other entity', entityId: 'sub-b', covered: false },
    { place: 'parent entity', entityId: 'group', covered: false },
  ];
  const cases = ROLES.flatMap((role) =>
    ACTION_NAMES.flatMap((action) => places.map((p) => ({ role, action, ...p }))),
  );
  it.each(cases)('$role granted on sub-a, $action on $place', ({ role, action, entityId, covered }) => {
    const expected: Decision = !covered
      ? 'deny-invisible'
      : has(role, action, 'entity-subtree')
        ? 'allow'
        : 'deny-forbidden';
    expect(authorise(access({ role, entityId: 'sub-a' }), action, entity(entityId))).toBe(expected);
  });

  const orgCases = ROLES.flatMap((role) =>
    ACTION_NAMES.flatMap((action) => [
      { role, action, grantedOn: 'group' },
      { role, action, grantedOn: 'sub-a' },
    ]),
  );
  it.each(orgCases)(
    '$role granted on $grantedOn, $action on the organisation',
    ({ role, action, grantedOn }) => {
      const expected: Decision =
        grantedOn === 'group' && has(role, action, 'entity-subtree') ? 'allow' : 'deny-forbidden';
      expect(authorise(access({ role, entityId: grantedOn }), action, { kind: 'organisation' })).toBe(
        expected,
      );
    },
  );

  const accountCases = ROLES.flatMap((role) =>
    ACTION_NAMES.flatMap((action) => [
      { role, action, owner: ME },
      { role, action, owner: 'someone-else' },
    ]),
  );
  it.each(accountCases)(
    '$role granted on sub-a, $action on an account of $owner',
    ({ role, action, owner }) => {
      const expected: Decision =
        owner === ME ? (has(role, action, 'own-account') ? 'allow' : 'deny-forbidden') : 'deny-invisible';
      expect(
        authorise(access({ role, entityId: 'sub-a' }), action, { kind: 'account', ownerId: owner }),
      ).toBe(expected);
    },
  );
});

describe('the permission table says what the issue says', () => {
  const allowedWrites = (role: Role) =>
    PERMISSIONS[role].filter((p) => !ACTIONS[p.action].read).map((p) => p.action);

  it('assurer reads everything incl. lineage and evidence and writes nothing', () => {
    const a = access({ role: 'assurer', entityId: 'group' });
    // every read but case rows, which only the compliance role reads (issue #18; docs/security.md)
    for (const action of ACTION_NAMES.filter((x) => ACTIONS[x].read && x !== 'read-cases')) {
      expect(authorise(a, action, entity('site-b1'))).toBe('allow');
    }
    for (const action of [
      'write-data-point',
      'retract-data-point',
      'import-data-points',
      'write-explanation',
      'manage-users',
      'manage-settings',
      'submit-data',
      'review-data',
      'approve-data',
    ] as const) {
      expect(authorise(a, action, entity('sub-a'))).toBe('deny-forbidden');
    }
    expect(allowedWrites('assurer')).toEqual([
      'export-data-points',
      'manage-own-tokens',
      'manage-own-notifications',
    ]);
  });

  it('viewer (the board) sees figures, disclosures and reports, not data points, lineage or evidence', () => {
    const v = access({ role: 'viewer', entityId: 'group' });
    expect(authorise(v, 'read-report', entity('group'))).toBe('allow');
    expect(authorise(v, 'read-figures', entity('sub-b'))).toBe('allow');
    expect(authorise(v, 'read-evidence', entity('sub-b'))).toBe('deny-forbidden');
    expect(authorise(v, 'read-lineage', entity('sub-b'))).toBe('deny-forbidden');
    expect(authorise(v, 'read-data-points', entity('sub-b'))).toBe('deny-forbidden');
    expect(authorise(v, 'write-data-point', entity('sub-b'))).toBe('deny-forbidden');
  });

  it('a preparer of one subsidiary edits it and its sites, and cannot see the other subsidiary', () => {
    const p = access({ role: 'preparer', entityId: 'sub-a' });
    expect(authorise(p, 'write-data-point', entity('site-a2'))).toBe('allow');
    expect(authorise(p, 'import-data-points', entity('sub-a'))).toBe('allow');
    expect(authorise(p, 'write-data-point', entity('site-b1'))).toBe('deny-invisible');
    expect(authorise(p, 'read-figures', entity('sub-b'))).toBe('deny-invisible');
    expect(authorise(p, 'manage-users', { kind: 'organisation' })).toBe('deny-forbidden');
    expect(entitiesAllowed(p, 'write-data-point').sort()).toEqual(['site-a1', 'site-a2', 'sub-a']);
  });

  it('only an administrator on the group manages users, tokens and settings', () => {
    for (const role of ROLES) {
      const decision = authorise(access({ role, entityId: 'group' }), 'manage-users', {
        kind: 'organisation',
      });
      expect([role, decision]).toEqual([role, role === 'administrator' ? 'allow' : 'deny-forbidden']);
    }
    const admin = access({ role: 'administrator', entityId: 'group' });
    expect(authorise(admin, 'manage-tokens', { kind: 'account', ownerId: 'someone-else' })).toBe('allow');
    expect(authorise(admin, 'manage-settings', { kind: 'organisation' })).toBe('allow');
    // An administrator of one subsidiary manages within it, not the organisation.
    const subAdmin = access({ role: 'administrator', entityId: 'sub-b' });
    expect(authorise(subAdmin, 'manage-settings', { kind: 'organisation' })).toBe('deny-forbidden');
    expect(authorise(subAdmin, 'manage-tokens', { kind: 'account', ownerId: 'someone-else' })).toBe(
      'deny-invisible',
    );
  });

  it('only the compliance role reads or writes case rows; every role reads case counts (issue #18)', () => {
    const org = { kind: 'organisation' } as const;
    for (const role of ROLES) {
      const a = access({ role, entityId: 'group' });
      const rows = (['read-cases', 'write-case'] as const).map((x) => authorise(a, x, org));
      expect([role, rows]).toEqual([
        role,
        role === 'compliance' ? ['allow', 'allow'] : ['deny-forbidden', 'deny-forbidden'],
      ]);
      expect([role, authorise(a, 'read-case-counts', org)]).toEqual([role, 'allow']);
    }
    // an administrator who is also granted compliance reads the rows (grants add up)
    const both = access(
      { role: 'administrator', entityId: 'group' },
      { role: 'compliance', entityId: 'group' },
    );
    expect(authorise(both, 'read-cases', org)).toBe('allow');
    // the register is organisation-wide: compliance on a subsidiary does not reach it
    expect(authorise(access({ role: 'compliance', entityId: 'sub-a' }), 'read-cases', org)).toBe(
      'deny-forbidden',
    );
  });

  it('keeps duties apart: nobody both prepares and reviews or approves; no action is still planned', () => {
    const cycle: Action[] = ['submit-data', 'review-data', 'approve-data'];
    expect(ACTION_NAMES.filter((a) => 'planned' in ACTIONS[a])).toEqual([]);
    for (const role of ROLES) {
      const mine = cycle.filter((a) => has(role, a, 'entity-subtree'));
      expect(mine.length).toBeLessThanOrEqual(1);
    }
    expect(cycle.map((a) => ROLES.filter((r) => has(r, a, 'entity-subtree')))).toEqual([
      ['preparer'],
      ['reviewer'],
      ['approver'],
    ]);
    // Returning is the reviewer's and the approver's; reopening, exceptions and locks the administrator's.
    const more: Action[] = ['return-data', 'manage-cycle', 'lock-period'];
    expect(more.map((a) => ROLES.filter((r) => has(r, a, 'entity-subtree')))).toEqual([
      ['reviewer', 'approver'],
      ['administrator'],
      ['administrator'],
    ]);
  });

  it('every role can read something where it is granted (so a denial there is forbidden, not invisible)', () => {
    for (const role of ROLES) {
      expect(PERMISSIONS[role].some((p) => ACTIONS[p.action].read && p.scope === 'entity-subtree')).toBe(
        true,
      );
    }
  });
});

describe('grants', () => {
  it('add up: a viewer of the group who prepares one subsidiary writes there only, sees the rest', () => {
    const a = access({ role: 'viewer', entityId: 'group' }, { role: 'preparer', entityId: 'sub-a' });
    expect(authorise(a, 'write-data-point', entity('site-a1'))).toBe('allow');
    expect(authorise(a, 'write-data-point', entity('sub-b'))).toBe('deny-forbidden');
    expect(authorise(a, 'read-figures', entity('sub-b'))).toBe('allow');
  });

  it('on an entity that is not in the organisation cover nothing, and unknown entities are invisible', () => {
    const a = access({ role: 'administrator', entityId: 'sold-off' });
    expect(authorise(a, 'read-figures', entity('group'))).toBe('deny-invisible');
    expect(authorise(a, 'read-figures', entity('sold-off'))).toBe('deny-invisible');
    expect(authorise(a, 'manage-users', { kind: 'organisation' })).toBe('deny-forbidden');
    // Own tokens do not depend on an entity.
    expect(authorise(a, 'manage-own-tokens', { kind: 'account', ownerId: ME })).toBe('allow');
  });

  it('none: nothing is allowed, entities are invisible', () => {
    const a = access();
    for (const action of ACTION_NAMES) {
      expect(authorise(a, action, entity('group'))).toBe('deny-invisible');
      expect(authorise(a, action, { kind: 'account', ownerId: ME })).toBe('deny-forbidden');
    }
  });
});

describe('the table names the use cases that exist', () => {
  // Files in use-cases/ that are helpers of other use cases, not actions of their own.
  const HELPERS = new Set(['load-source', 'parse-data-point-rows', 'value-edits']);
  const dir = new URL('../use-cases/', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  const named = new Set(ACTION_NAMES.flatMap((a) => ACTIONS[a].useCases as readonly string[]));

  it('every use case file is covered by an action (a new use case without a rule fails here)', () => {
    expect(files.filter((f) => !HELPERS.has(f) && !named.has(f))).toEqual([]);
  });

  it('every use case an action names exists', () => {
    const plain = [...named].filter((n) => /^[a-z0-9-]+$/.test(n));
    expect(plain.filter((n) => !files.includes(n))).toEqual([]);
  });

  it('the entity tree refuses a forest (two roots) instead of guessing', () => {
    expect(() => entityTree([{ id: 'a' }, { id: 'b' }])).toThrow(/exactly one root, found 2/);
  });
});
