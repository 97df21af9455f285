/**
 * The organisation's entity tree, as the access rules see it: which entities a grant on one
 * entity covers (that entity and everything below it).
 */

export type EntityNode = { readonly id: string; readonly parentId?: string | undefined };

export type EntityTree = {
  /** The group entity (the root); organisation-wide resources belong to it. */
  readonly rootId: string;
  /** The ids in the subtree of `id`, itself included; empty for an unknown id. */
  subtree(id: string): readonly string[];
  has(id: string): boolean;
};

/**
 * Build the tree from the organisation's entities (core's Organisation.entities fits). Throws
 * when there is not exactly one root: bundle validation guarantees one group, so this is a
 * programming fault, not user input. A cycle (also excluded by validation) cannot loop: each
 * entity is visited once.
 */
export function entityTree(entities: readonly EntityNode[]): EntityTree {
  const roots = entities.filter((e) => e.parentId === undefined);
  const root = roots[0];
  if (roots.length !== 1 || !root)
    throw new Error(`the entity tree needs exactly one root, found ${roots.length}`);
  const children = new Map<string, string[]>();
  for (const e of entities) {
    if (e.parentId === undefined) continue;
    const list = children.get(e.parentId) ?? [];
    list.push(e.id);
    children.set(e.parentId, list);
  }
  const ids = new Set(entities.map((e) => e.id));
  const memo = new Map<string, readonly string[]>();
  return {
    rootId: root.id,
    has: (id) => ids.has(id),
    subtree(id) {
      if (!ids.has(id)) return [];
      const known = memo.get(id);
      if (known) return known;
      const out: string[] = [];
      const seen = new Set<string>();
      const stack = [id];
      while (stack.length > 0) {
        const next = stack.pop() as string;
        if (seen.has(next)) continue;
        seen.add(next);
        out.push(next);
        stack.push(...(children.get(next) ?? []));
      }
      memo.set(id, out);
      return out;
    },
  };
}
