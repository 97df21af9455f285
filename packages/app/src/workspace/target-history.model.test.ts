/**
 * Model-based test of the targets register (issue #18): random sequences of creates (new ids,
 * ids in use, ids retracted before), changes and retractions naming the current, a stale or an
 * unknown version, changes that leave a target as it is, and imports of several targets at once,
 * on the in-memory workspace and on PGlite, checked after every step against a plain reference
 * model: the targets in order, each one's version, and the length of each history. fast-check
 * prints the seed and the shrunk sequence of a divergence.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Target } from '@assay/core';
import { loadBundle } from '@assay/io';
import { migrate, openPgliteStore } from '@assay/store';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retractTarget, writeTarget } from '../use-cases/targets.js';
import { MemoryWorkspace } from './memory-workspace.js';
import { StoreWorkspace } from './store-workspace.js';
import type { Workspace } from './workspace.js';

const loaded = await loadBundle(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal'));
if (!loaded.ok) throw new Error('examples/minimal should load');
const bundle: Bundle = loaded.bundle;
const at = () => '2026-02-06T09:00:00.000Z';

/** The reference: targets in order, their revision counts, which are current. */
type Model = { order: string[]; current: Map<string, string>; revisions: Map<string, number> };
type Real = { ws: Workspace };

const target = (id: string, source: string): Target => ({ id, name: { en: id, 'zh-Hant': id }, source });
const current = (m: Model, id: string) => (m.current.has(id) ? (m.revisions.get(id) ?? 0) : undefined);
const bump = (m: Model, id: string) => m.revisions.set(id, (m.revisions.get(id) ?? 0) + 1);
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : (r.error?.code ?? '?'));

async function agree(m: Model, r: Real) {
  const targets = r.ws.snapshot().bundle.registers.targets;
  expect(targets.map((t) => [t.id, t.source])).toEqual(m.order.map((id) => [id, m.current.get(id)]));
  const versions = await r.ws.targetVersions();
  expect([...versions]).toEqual(m.order.map((id) => [id, m.revisions.get(id)]));
  for (const [id, n] of m.revisions) expect((await r.ws.targetHistory(id)).length, id).toBe(n);
}

class Put implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly id: string,
    readonly source: string,
    /** undefined: create; 0: the current version; else off by this much. */
    readonly offset: number | undefined,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const cur = current(m, this.id);
    const version = this.offset === undefined ? undefined : (cur ?? 1) + this.offset;
    const out = await writeTarget({
      ws: r.ws,
      target: target(this.id, this.source),
      ...(version === undefined ? {} : { version }),
      author: 'model',
    });
    let want: string;
    if (version === undefined) want = cur === undefined ? 'ok' : 'conflict';
    else if (cur === undefined) want = 'not-found';
    else want = version === cur ? 'ok' : 'stale-version';
    expect(codeOf(out)).toBe(want);
    if (want === 'ok') {
      const same = m.current.get(this.id) === this.source;
      if (!m.current.has(this.id)) m.order.push(this.id);
      if (!same) bump(m, this.id);
      m.current.set(this.id, this.source);
      expect(out.ok && out.value.version).toBe(m.revisions.get(this.id));
    }
    await agree(m, r);
  }
  toString = () => `put(${this.id}, ${this.source}, ${this.offset})`;
}

class Retract implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly id: string,
    readonly offset: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const cur = current(m, this.id);
    const out = await retractTarget({
      ws: r.ws,
      id: this.id,
      version: (cur ?? 1) + this.offset,
      author: 'model',
    });
    const want = cur === undefined ? 'not-found' : this.offset === 0 ? 'ok' : 'stale-version';
    expect(codeOf(out)).toBe(want);
    if (want === 'ok') {
      m.current.delete(this.id);
      m.order = m.order.filter((x) => x !== this.id);
      bump(m, this.id);
    }
    await agree(m, r);
  }
  toString = () => `retract(${this.id}, ${this.offset})`;
}

class Import implements fc.AsyncCommand<Model, Real> {
  constructor(readonly rows: readonly (readonly [string, string])[]) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const out = await r.ws.writeTarget(
      { kind: 'import', targets: this.rows.map(([id, s]) => target(id, s)) },
      'model import',
      'model',
    );
    expect(out.ok).toBe(true);
    for (const [id, s] of this.rows) {
      if (!m.current.has(id)) m.order.push(id);
      if (m.current.get(id) !== s) bump(m, id);
      m.current.set(id, s);
    }
    await agree(m, r);
  }
  toString = () => `import(${this.rows.map((x) => x.join('=')).join(',')})`;
}

const ids = fc.constantFrom('a', 'b', 'c', 'd');
const sources = fc.constantFrom('s1', 's2', 's3');
const commands = fc.commands(
  [
    fc.tuple(ids, sources).map(([id, s]) => new Put(id, s, undefined)),
    fc.tuple(ids, sources, fc.constantFrom(0, 0, 0, -1, 1)).map(([id, s, o]) => new Put(id, s, o)),
    fc.tuple(ids, fc.constantFrom(0, 0, -1, 1)).map(([id, o]) => new Retract(id, o)),
    fc
      .uniqueArray(fc.tuple(ids, sources), { selector: ([id]) => id, minLength: 1, maxLength: 3 })
      .map((rows) => new Import(rows)),
  ],
  { maxCommands: 40 },
);

const fresh = (): Model => ({ order: [], current: new Map(), revisions: new Map() });

describe('model-based test: the targets register', () => {
  it('agrees with the model on the in-memory workspace (300 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(commands, (cmds) =>
        fc.asyncModelRun(() => ({ model: fresh(), real: { ws: new MemoryWorkspace(bundle, at) } }), cmds),
      ),
      { numRuns: 300, seed: 20_261_207 },
    );
  }, 120_000);

  it('agrees with the model on PGlite (4 runs, a store each)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-targets-model-'));
    let n = 0;
    const opened: StoreWorkspace[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(commands, async (cmds) => {
          const store = await openPgliteStore(join(dir, `s${n++}`));
          await migrate(store, at());
          const o = await StoreWorkspace.open(store, bundle, at);
          if (!o.ok) throw new Error(o.reason);
          opened.push(o.workspace);
          await fc.asyncModelRun(() => ({ model: fresh(), real: { ws: o.workspace } }), cmds);
        }),
        { numRuns: 4, seed: 20_261_207, endOnFailure: true },
      );
    } finally {
      for (const w of opened) await w.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
