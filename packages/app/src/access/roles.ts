/**
 * The six roles of issue #16 and the compliance role of issue #18, as data. A role is granted on an entity and covers that entity's
 * subtree (entity-tree.ts). What each role may do is the permission table (permissions.ts).
 * The store's check constraints (store/src/migrations/010-accounts.sql) list the same names.
 */
export const ROLES = [
  'administrator',
  'preparer',
  'reviewer',
  'approver',
  'assurer',
  'viewer',
  // issue #18: reads and writes anti-corruption and whistleblowing cases (docs/security.md,
  // "Compliance cases"); store/src/migrations/024-compliance-cases.sql adds it to the store's lists
  'compliance',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  administrator: 'the ESG lead: users, tokens, settings and frameworks, and every data task',
  preparer: 'enters, imports and (later) submits data for the assigned entities',
  reviewer: 'reads everything in the assigned entities and (later) reviews submitted data',
  approver: 'reads everything in the assigned entities and (later) approves reviewed data',
  assurer: 'reads everything incl. lineage and evidence, writes nothing',
  viewer: 'the board: dashboards, figures, disclosures and reports',
  compliance:
    'the compliance officer: anti-corruption and whistleblowing cases (the only role that sees case rows)',
};

export function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}

/** A role on an entity (the entity's subtree). */
export type Grant = { readonly role: Role; readonly entityId: string };
