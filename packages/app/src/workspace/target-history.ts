/**
 * Targets' versions and history (issue #18; docs/registers.md). The targets live in the
 * registers (bundle registers.yaml; in the store, the registers document rewritten whole on each
 * change), so a target's history is read off the sequence of register states: a state in which
 * the target first appears, differs from its last appearance, or reappears after being gone is
 * a revision; a state without a target that was there is its retraction. The version of a
 * target is the number of its revisions (1 as loaded or created; a change or a retraction adds
 * one; creating it again after a retraction continues the count). Changes to other registers
 * (materiality, explanations…) add no target revision. Both workspaces use this one rule.
 */
import type { Target } from '@assay/core';

export type TargetRevision = {
  readonly version: number;
  /** The target as it was; null for a retraction. */
  readonly target: Target | null;
  readonly author: string;
  /** ISO-8601. */
  readonly at: string;
  readonly reason: string;
};

export type TargetChange =
  /** Create (expectedVersion undefined) or replace (the version being replaced). */
  | { readonly kind: 'put'; readonly target: Target; readonly expectedVersion: number | undefined }
  | { readonly kind: 'retract'; readonly id: string; readonly expectedVersion: number }
  /**
   * A workbook's targets, all in one write (an import is all or nothing): each replaces the
   * target of its id or is added; targets not in it stay. No version check (the file is the
   * register as its author means it); `version` in the answer is 0.
   */
  | { readonly kind: 'import'; readonly targets: readonly Target[] };

export type TargetWriteOutcome =
  | { readonly ok: true; readonly version: number; readonly workspaceVersion: number }
  | { readonly ok: false; readonly reason: 'stale'; readonly id: string; readonly current: number }
  | { readonly ok: false; readonly reason: 'not-found'; readonly id: string }
  | { readonly ok: false; readonly reason: 'exists'; readonly id: string; readonly current: number };

export type RegisterState = {
  readonly targets: readonly Target[];
  readonly author: string;
  readonly at: string;
  readonly reason: string;
};

/** Canonical text of a target (keys sorted), to tell a change from a rewrite. */
export function targetKey(t: Target): string {
  return JSON.stringify(t, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export class TargetHistories {
  private readonly byId = new Map<string, TargetRevision[]>();
  private readonly lastKey = new Map<string, string | null>();

  /** Apply the next register state (oldest first). */
  add(state: RegisterState): void {
    const seen = new Set<string>();
    for (const t of state.targets) {
      seen.add(t.id);
      const key = targetKey(t);
      if (this.lastKey.get(t.id) === key) continue;
      this.push(t.id, t, state);
      this.lastKey.set(t.id, key);
    }
    for (const [id, key] of this.lastKey)
      if (key !== null && !seen.has(id)) {
        this.push(id, null, state);
        this.lastKey.set(id, null);
      }
  }

  private push(id: string, target: Target | null, s: RegisterState): void {
    const list = this.byId.get(id) ?? [];
    list.push({ version: list.length + 1, target, author: s.author, at: s.at, reason: s.reason });
    this.byId.set(id, list);
  }

  /** The version of a current target; undefined if unknown or retracted. */
  versionOf(id: string): number | undefined {
    const list = this.byId.get(id);
    const last = list?.[list.length - 1];
    return last && last.target !== null ? last.version : undefined;
  }

  /** Every revision count, current or retracted (for a re-creation after a retraction). */
  revisionCount(id: string): number {
    return this.byId.get(id)?.length ?? 0;
  }

  history(id: string): readonly TargetRevision[] {
    return [...(this.byId.get(id) ?? [])];
  }

  /**
   * Check a change against the current versions and give the targets as they would be
   * (a replaced target keeps its place; a new one goes last), or the refusal.
   */
  apply(
    targets: readonly Target[],
    c: TargetChange,
  ): { ok: true; targets: Target[]; version: number } | Exclude<TargetWriteOutcome, { readonly ok: true }> {
    if (c.kind === 'import') {
      const byId = new Map(c.targets.map((t) => [t.id, t] as const));
      const have = new Set(targets.map((t) => t.id));
      return {
        ok: true,
        targets: [...targets.map((t) => byId.get(t.id) ?? t), ...c.targets.filter((t) => !have.has(t.id))],
        version: 0,
      };
    }
    const id = c.kind === 'put' ? c.target.id : c.id;
    const current = this.versionOf(id);
    if (c.kind === 'retract') {
      if (current === undefined) return { ok: false, reason: 'not-found', id };
      if (current !== c.expectedVersion) return { ok: false, reason: 'stale', id, current };
      return { ok: true, targets: targets.filter((t) => t.id !== id), version: current + 1 };
    }
    if (c.expectedVersion === undefined) {
      if (current !== undefined) return { ok: false, reason: 'exists', id, current };
      return { ok: true, targets: [...targets, c.target], version: this.revisionCount(id) + 1 };
    }
    if (current === undefined) return { ok: false, reason: 'not-found', id };
    if (current !== c.expectedVersion) return { ok: false, reason: 'stale', id, current };
    const old = targets.find((t) => t.id === id);
    const same = old !== undefined && targetKey(old) === targetKey(c.target);
    return {
      ok: true,
      targets: targets.map((t) => (t.id === id ? c.target : t)),
      version: same ? current : current + 1,
    };
  }
}
