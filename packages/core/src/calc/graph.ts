/**
 * The calculation graph. Owns mutable state with invariants, so it is a class:
 * - every node id maps to one node; edges are "depends on" (a derived node's formula inputs);
 * - evaluate() computes every node in topological order; nodes on a cycle become "cycle"
 *   errors naming the cycle, their dependents "upstream" errors; a reference to an unknown
 *   node is a "missing-input" error;
 * - setFact() + recalculate() recompute only dependents of what changed, in topological rank
 *   order, stop where a value did not change, and return the ids whose values changed.
 * Memory layout (the benchmark holds 2.4 million facts): nodes are integer indices; values are
 * columns of scaled integers with a Decimal/error object only where a value does not fit
 * (value-columns.ts); facts added with addFact keep no object at all (fact-columns.ts), their
 * NodeSpec is built when asked for; inputs are one growable Int32Array.
 */
import { Decimal } from '../decimal.js';
import { calcError } from '../errors.js';
import type { Quantity, QuantityResult } from '../units/quantity.js';
import type { Unit } from '../units/unit.js';
import { applyFormula, sameResult } from './apply-formula.js';
import { Arena, columnBytes, grownColumn } from './arena.js';
import { findCycles } from './cycles.js';
import { FactColumns, type FactEntry, type FactRecord } from './fact-columns.js';
import { IdIndex } from './id-index.js';
import { MinHeap } from './min-heap.js';
import { type FigureMeta, inputsOf, type NodeSpec } from './node.js';
import { SCALED, scaledFromText } from './scaled.js';
import { scaledFromDecimalDigits } from './scaled-decimal.js';
import { applyScaled, NO_FAST, QUOTIENT, ratioScaled, WIDE_DONE, WIDE_UNIT } from './scaled-formula.js';
import { WIDE } from './scaled-wide.js';
import { SLOW, ValueColumns, WIDE as WIDE_MARK } from './value-columns.js';

export type { FactEntry, FactRecord } from './fact-columns.js';

/** Marks a kept formula whose input ids are all resolved (held as indices only). */
const RESOLVED: readonly [string] = Object.freeze([]) as unknown as readonly [string];
const UNSET: QuantityResult = calcError('missing-input', 'not evaluated', '');
/** Node kinds as stored in `kinds`. */
const LEAF = 0;
const FACT = 1;
const DERIVED = 2;

type EvaluationColumn = 'depStart' | 'depIdx' | 'indegree' | 'queue' | 'rank';

export class CalcGraph {
  /** id → index; ids are kept there as code units, not as one string per node. */
  private readonly index = new IdIndex();
  /**
   * Specs of the nodes that have one (derived and spec'd leaves; columnar facts have none): node
   * i's is specList[specSlot[i] - 1], 0 = none. The list is in index order. A column and a list,
   * not a Map keyed by index: no hash table of hundreds of thousands of entries to grow and probe.
   */
  private specSlot: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private readonly specList: NodeSpec[] = [];
  private kinds: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  private readonly facts = new FactColumns();
  /** Values: leaves from the moment they are added, derived nodes once evaluated. */
  private readonly cols = new ValueColumns();
  /** Nodes 0..evaluatedCount-1 have been evaluated; value() is undefined for the others. */
  private evaluatedCount = 0;
  /** Nodes in the topological order the last full evaluation left in the 'queue' buffer (n when all were reached). */
  private ordered = 0;
  /** setFact values not yet taken in by recalculate()/evaluate(). */
  private readonly pending = new Map<number, Quantity>();
  /** addFact nodes whose last setFact equalled the stored value in another form (e.g. 1 GWh for 1000 MWh). */
  private readonly givenAs = new Map<number, Quantity>();
  /**
   * Inputs of every node in one growable buffer: node i's inputs are
   * inBuf[inStartBuf[i]..inStartBuf[i+1]), resolved to indices when the node was added; -2 marks
   * an id not (yet) known, resolved at evaluation. No array per node: millions of nodes.
   */
  private inBuf: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private inStartBuf: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private inPos = 0;
  /** Dependents of i are depIdx[depStart[i]..depStart[i+1]). */
  private depStart: Int32Array = new Int32Array(1);
  private depIdx: Int32Array = new Int32Array(0);
  private rank: Int32Array = new Int32Array(0);
  /** Evaluation columns kept between evaluations (see evaluate); each at least as long as used. */
  private readonly buffers = new Map<EvaluationColumn, Int32Array<ArrayBuffer>>();
  private evaluated = false;
  /**
   * The last full evaluation found every input before its node: index order is the topological
   * order, so rank[i] = i and the order is 0..n-1, and neither column is written (three columns
   * of 4 bytes per node less to touch: at ~10 µs per first-touched 4 KiB page on this machine,
   * about 0.1 s on the 2,000-entity benchmark; docs/performance.md).
   */
  private identityOrder = false;

  /** Append node `id + rest` (rest: see IdIndex.add). */
  private push(id: string, spec: NodeSpec | undefined, kind: number, rest = ''): number {
    const i = this.index.add(id, rest);
    if (i < 0) throw new Error(`duplicate node id ${id}${rest}`);
    if (i >= this.kinds.length) this.kinds = grownColumn(this.kinds, i + 1);
    if (i >= this.specSlot.length) this.specSlot = grownColumn(this.specSlot, i + 1);
    if (spec !== undefined) this.setSpec(i, spec);
    this.kinds[i] = kind;
    if (i + 2 > this.inStartBuf.length) this.inStartBuf = grownColumn(this.inStartBuf, i + 2);
    this.inStartBuf[i + 1] = this.inPos;
    this.cols.ensure(i + 1);
    this.evaluated = false;
    return i;
  }

  private specOf(i: number): NodeSpec | undefined {
    const slot = this.specSlot[i] as number;
    return slot === 0 ? undefined : this.specList[slot - 1];
  }

  private setSpec(i: number, spec: NodeSpec): void {
    const slot = this.specSlot[i] as number;
    if (slot > 0) this.specList[slot - 1] = spec;
    else this.specSlot[i] = this.specList.push(spec);
  }

  /** Add a node; returns its index. */
  add(spec: NodeSpec): number {
    return this.addNode(spec, inputsOf(spec), false);
  }

  /**
   * Add a derived node whose inputs are given as node indices (already in the graph) or ids,
   * in formula order; `spec.formula.inputs` is not read. The node is the same as
   * add({ ...spec, formula: { ...spec.formula, inputs: ids } }) would make with the ids of those
   * inputs, without looking each id up again (consolidation adds millions of fact inputs so).
   */
  addWithInputs(spec: NodeSpec & { kind: 'derived' }, inputs: readonly (string | number)[]): number {
    for (const x of inputs)
      if (typeof x === 'number' && !(Number.isInteger(x) && x >= 0 && x < this.index.size))
        throw new Error(`${spec.id}: no node with index ${x}`);
    return this.addNode(spec, inputs, true);
  }

  /**
   * Inputs resolved to indices into the shared buffer, then the node pushed. `given`: the ids
   * in `ids` are not the spec's own (addWithInputs), so a spec that keeps its ids gets them.
   */
  private addNode(spec: NodeSpec, ids: readonly (string | number)[], given: boolean): number {
    const n = ids.length;
    if (this.inPos + n > this.inBuf.length) this.inBuf = grownColumn(this.inBuf, this.inPos + n);
    const start = this.inPos;
    const inBuf = this.inBuf;
    let allKnown = true;
    for (let k = 0; k < n; k++) {
      const x = ids[k] as string | number;
      const j = typeof x === 'number' ? x : this.indexOf(x);
      inBuf[start + k] = j;
      if (j < 0) allKnown = false;
    }
    const kind = spec.kind === 'derived' ? DERIVED : spec.kind === 'fact' ? FACT : LEAF;
    // Inputs all resolved: keep the formula without its id list (rebuilt from indices on demand),
    // so the caller's arrays of input ids are not held (millions of strings in the benchmark).
    // A spec whose formula lists no inputs while the node has some is rebuilt from the indices
    // (specAt); addWithInputs callers pass such a spec (NO_INPUTS) and it is kept as it is.
    let kept = spec;
    if (spec.kind === 'derived' && allKnown && n > 0) {
      if (spec.formula.inputs.length > 0)
        kept = { ...spec, formula: { ...spec.formula, inputs: RESOLVED } } as NodeSpec;
    } else if (spec.kind === 'derived' && given) {
      const named = ids.map((x) => (typeof x === 'number' ? this.idOf(x) : x));
      kept = { ...spec, formula: { ...spec.formula, inputs: named } } as NodeSpec;
    }
    // inPos advances only once the id is known to be new (push throws on a duplicate)
    const saved = this.inPos;
    this.inPos = start + n;
    try {
      const i = this.push(spec.id, kept, kind);
      if (spec.kind !== 'derived') this.cols.set(i, spec.value);
      return i;
    } catch (e) {
      this.inPos = saved;
      throw e;
    }
  }

  /**
   * Add a fact without keeping an object for it: the value is read from decimal text (or from a
   * Decimal's digits, scaled-decimal.ts) into the value columns, the provenance into the fact
   * columns (a Bundle's data points and activity lines come in this way). The node is
   * the same as add({ kind: 'fact', id, label, value, fact }) would make; spec(id) rebuilds it.
   * Returns the node index.
   */
  addFact(e: FactEntry): number {
    let value: Decimal | undefined;
    if (typeof e.value === 'string') {
      if (!scaledFromText(e.value)) {
        try {
          value = new Decimal(e.value);
        } catch {
          throw new Error(`fact ${e.id}: "${e.value}" is not a decimal number`);
        }
      }
    } else if (!scaledFromDecimalDigits(e.value)) value = e.value;
    const i = this.push(e.id, undefined, FACT);
    if (value === undefined) this.cols.setScaled(i, SCALED.m, SCALED.s, this.cols.unitId(e.unit));
    else this.cols.set(i, { kind: 'quantity', value, unit: e.unit });
    this.facts.add(i, e);
    return i;
  }

  /**
   * addFact for a record whose node id is `prefix + f.id`, fact id `f.id` and label
   * "<labelHead> <entityId> <periodId>", without building the id or an entry object: a Bundle's
   * millions of data points come in this way. The node equals what addFact({ id: prefix + f.id,
   * factId: f.id, labelHead, value, unit, ...f }) makes. Returns the node index.
   */
  addFactFrom(prefix: string, labelHead: string, f: FactRecord, value: Decimal, unit: Unit): number {
    const fits = scaledFromDecimalDigits(value);
    const i = this.push(prefix, undefined, FACT, f.id);
    if (fits) this.cols.setScaled(i, SCALED.m, SCALED.s, this.cols.unitId(unit));
    else this.cols.set(i, { kind: 'quantity', value, unit });
    this.facts.addParts(i, prefix.length, labelHead, f);
    return i;
  }

  /**
   * Run `add` with node ids checked for duplicates at the end, in bulk (IdIndex.defer): for
   * loading millions of facts. A duplicate id throws "duplicate node id …" after `add`, and the
   * graph must then be thrown away.
   */
  withDeferredIds<T>(add: () => T): T {
    this.index.defer();
    let result: T;
    try {
      result = add();
    } catch (e) {
      this.index.settle(); // the error of `add` is the one to report
      throw e;
    }
    this.index.settleOrThrow();
    return result;
  }

  /**
   * Make room for `nodes` nodes in all, with `inputs` formula inputs and ids of about `idChars`
   * code units in all, so that a bulk load does not grow (copy) its columns or rehash its index
   * as it goes. Only a capacity: adding more still works.
   */
  reserve(nodes: number, inputs = 0, idChars = 0): void {
    // every column from one buffer (arena.ts: one external-memory check, one full collection)
    const bytes =
      IdIndex.reserveBytes(nodes, idChars) +
      ValueColumns.ensureBytes(nodes) +
      FactColumns.reserveBytes(nodes) +
      columnBytes(nodes, 1) +
      columnBytes(nodes, 4) +
      columnBytes(nodes + 1, 4) * 2 +
      columnBytes(nodes, 4) * 3 +
      columnBytes(inputs, 4) * 2;
    const arena = nodes > this.kinds.length || inputs > this.inBuf.length ? new Arena(bytes) : undefined;
    this.index.reserve(nodes, idChars, arena);
    this.cols.ensure(nodes, arena);
    this.facts.reserve(nodes, arena);
    if (nodes > this.kinds.length) this.kinds = grownColumn(this.kinds, nodes, arena);
    if (nodes > this.specSlot.length) this.specSlot = grownColumn(this.specSlot, nodes, arena);
    if (nodes + 1 > this.inStartBuf.length) this.inStartBuf = grownColumn(this.inStartBuf, nodes + 1, arena);
    if (inputs > this.inBuf.length) this.inBuf = grownColumn(this.inBuf, inputs, arena);
    // evaluation columns too, allocated now with the rest
    this.sized('depStart', 0, 0, nodes + 1, arena);
    this.sized('indegree', 0, 0, nodes, arena);
    this.sized('queue', 0, 0, nodes, arena);
    this.sized('rank', 0, 0, nodes, arena);
    this.sized('depIdx', 0, 0, inputs, arena);
  }

  /** The evaluation column `name` with its first n entries set to `fill` (grown to ≥ `capacity`). */
  private sized(
    name: EvaluationColumn,
    n: number,
    fill: number,
    capacity = n,
    arena?: Arena,
  ): Int32Array<ArrayBuffer> {
    let b = this.buffers.get(name);
    const want = Math.max(n, capacity);
    if (b === undefined || b.length < want) {
      const size = Math.max(want, b === undefined ? 0 : b.length * 2);
      b = arena ? arena.take(Int32Array, want) : new Int32Array(size);
      this.buffers.set(name, b);
    }
    b.fill(fill, 0, n);
    return b.subarray(0, n);
  }

  /** Index of a node, -2 for an id not (yet) known. */
  private indexOf(id: string): number {
    const i = this.index.get(id);
    return i < 0 ? -2 : i;
  }

  private idOf(i: number): string {
    return this.specOf(i)?.id ?? this.index.idAt(i);
  }

  has(id: string): boolean {
    return this.index.get(id) >= 0;
  }

  get size(): number {
    return this.index.size;
  }

  private specAt(i: number): NodeSpec {
    const spec = this.specOf(i);
    const ins = this.inputsAt(i);
    if (spec?.kind === 'derived' && spec.formula.inputs.length === 0 && ins.length > 0) {
      const inputs = Array.from(ins, (j) => this.idOf(j));
      return { ...spec, formula: { ...spec.formula, inputs } as typeof spec.formula };
    }
    if (spec) return spec;
    const id = this.index.idAt(i);
    const value = this.pending.get(i) ?? this.givenAs.get(i) ?? (this.cols.get(i) as Quantity);
    return { kind: 'fact', id, label: this.facts.label(i, id), value, fact: this.facts.info(i, id) };
  }

  spec(id: string): NodeSpec | undefined {
    const i = this.index.get(id);
    return i < 0 ? undefined : this.specAt(i);
  }

  value(id: string): QuantityResult | undefined {
    const i = this.index.get(id);
    return i < 0 || i >= this.evaluatedCount ? undefined : this.cols.get(i);
  }

  *nodes(): IterableIterator<NodeSpec> {
    for (let i = 0; i < this.index.size; i++) yield this.specAt(i);
  }

  /**
   * The id and figure of the nodes that carry one, in the order of nodes(). Facts added with
   * addFact carry none, so they are skipped; the specs are not rebuilt (a consolidated figure's
   * spec would name its inputs: millions of fact ids in a group's bundle).
   */
  *figureNodes(): IterableIterator<{ readonly id: string; readonly figure: FigureMeta }> {
    for (const spec of this.specList) if (spec.figure) yield { id: spec.id, figure: spec.figure };
  }

  /** Full evaluation. Edges are held in compressed rows (typed arrays), not an array per node. */
  evaluate(): void {
    const n = this.index.size;
    for (const [i, q] of this.pending) this.cols.set(i, q);
    for (const [i, q] of this.givenAs) this.cols.set(i, q);
    this.pending.clear();
    this.givenAs.clear();
    if (this.evaluated && this.ordered === n) {
      // nothing added since the last evaluation, which ordered every node: compute in that order
      // (the dependency rows and ranks still hold; only values may have changed)
      const kinds = this.kinds;
      if (this.identityOrder) {
        for (let i = 0; i < n; i++) if (kinds[i] === DERIVED) this.compute(i);
        return;
      }
      const order = this.buffers.get('queue') as Int32Array;
      for (let h = 0; h < n; h++) {
        const i = order[h] as number;
        if (kinds[i] === DERIVED) this.compute(i);
      }
      return;
    }
    this.ordered = 0;
    const inStart = this.inStartBuf;
    const inIdx = this.inBuf;
    // Scratch and dependency columns are reused across evaluations and sized by reserve(): a
    // fresh 10 MiB typed array per column per evaluation adds up to the 64 MiB of new external
    // memory at which V8 starts a full collection of the whole heap (docs/performance.md).
    const depCount = this.sized('depStart', n + 1, 0);
    // Nodes are usually added after their inputs (every edge j → i has j < i); then index order
    // is a topological order, and computing in it reads the value columns front to back.
    let backward = true;
    for (let i = 0; i < n; i++) {
      const end = inStart[i + 1] as number;
      for (let k = inStart[i] as number; k < end; k++) {
        let j = inIdx[k] as number;
        if (j === -2) {
          // forward reference: resolve now if the node exists (ids never move), else stays missing
          const spec = this.specOf(i) as NodeSpec;
          j = this.indexOf(inputsOf(spec)[k - (inStart[i] as number)] as string);
          inIdx[k] = j;
        }
        if (j >= 0) {
          depCount[j + 1] = (depCount[j + 1] as number) + 1;
          if (j >= i) backward = false;
        }
      }
    }
    for (let i = 0; i < n; i++) depCount[i + 1] = (depCount[i + 1] as number) + (depCount[i] as number);
    const depStart = depCount;
    const depIdx = this.sized('depIdx', depStart[n] as number, 0);
    // each row filled front to back with depStart[j] as its cursor (ending at the next row's
    // start), then depStart shifted back by one row: no cursor column. Rows hold dependents in
    // index order.
    for (let i = 0; i < n; i++) {
      const end = inStart[i + 1] as number;
      for (let k = inStart[i] as number; k < end; k++) {
        const j = inIdx[k] as number;
        if (j >= 0) {
          const at = depStart[j] as number;
          depIdx[at] = i;
          depStart[j] = at + 1;
        }
      }
    }
    for (let j = n; j > 0; j--) depStart[j] = depStart[j - 1] as number;
    depStart[0] = 0;
    this.depStart = depStart;
    this.depIdx = depIdx;
    const kinds = this.kinds;
    this.identityOrder = backward;
    if (backward) {
      // no cycle is possible; rank = index (identityOrder: no rank or queue column written)
      for (let i = 0; i < n; i++) if (kinds[i] === DERIVED) this.compute(i);
      this.evaluatedCount = n;
      this.ordered = n;
      this.evaluated = true;
      return;
    }
    const indegree = this.sized('indegree', n, 0);
    for (let i = 0; i < n; i++) {
      let d = 0;
      const end = inStart[i + 1] as number;
      for (let k = inStart[i] as number; k < end; k++) if ((inIdx[k] as number) >= 0) d++;
      indegree[i] = d;
    }
    const queue = this.sized('queue', n, 0);
    this.rank = this.sized('rank', n, -1);
    let tail = 0;
    for (let i = 0; i < n; i++) if (indegree[i] === 0) queue[tail++] = i;
    let r = 0;
    for (let head = 0; head < tail; head++) {
      const i = queue[head] as number;
      this.rank[i] = r++;
      if (kinds[i] === DERIVED) this.compute(i);
      for (let k = depStart[i] as number; k < (depStart[i + 1] as number); k++) {
        const d = depIdx[k] as number;
        indegree[d] = (indegree[d] as number) - 1;
        if (indegree[d] === 0) queue[tail++] = d;
      }
    }
    this.evaluatedCount = n;
    this.ordered = tail; // queue[0..tail) is a topological order of the nodes reached
    if (tail < n) {
      this.resolveCycles(r);
      // derived nodes never reached (inputs behind an unresolved dependency) have no value
      for (let i = 0; i < n; i++)
        if (kinds[i] === DERIVED && (this.rank[i] as number) < 0) this.cols.setObject(i, UNSET);
    }
    this.evaluated = true;
  }

  private inputsAt(i: number): Int32Array {
    return this.inBuf.subarray(this.inStartBuf[i] as number, this.inStartBuf[i + 1] as number);
  }

  /** Nodes left unranked are on or behind a cycle. Cycle members get a cycle error naming it. */
  private resolveCycles(firstRank: number): void {
    const left: number[] = [];
    for (let i = 0; i < this.index.size; i++) if ((this.rank[i] as number) < 0) left.push(i);
    const cycles = findCycles(left, (i) =>
      [...this.inputsAt(i)].filter((j) => j >= 0 && (this.rank[j] as number) < 0),
    );
    let r = firstRank;
    for (const members of cycles) {
      const names = members.map((i) => this.idOf(i));
      for (const i of members) {
        const id = this.idOf(i);
        this.cols.setObject(
          i,
          calcError('cycle', `cycle (each depends on the next): ${names.join(' → ')} → ${names[0]}`, id),
        );
        this.rank[i] = r++;
      }
    }
    // Dependents of cycles: evaluate in an order where inputs come first (repeat until stable).
    let pending = left.filter((i) => (this.rank[i] as number) < 0);
    while (pending.length > 0) {
      const next: number[] = [];
      for (const i of pending) {
        if (this.inputsAt(i).every((j) => j < 0 || (this.rank[j] as number) >= 0)) {
          this.rank[i] = r++;
          this.compute(i);
        } else next.push(i);
      }
      if (next.length === pending.length) break;
      pending = next;
    }
  }

  /** Compute derived node i into the value columns: scaled fast path, else applyFormula. */
  private compute(i: number): void {
    const spec = this.specOf(i) as NodeSpec & { kind: 'derived' };
    const from = this.inStartBuf[i] as number;
    const to = this.inStartBuf[i + 1] as number;
    const u = applyScaled(spec.formula, this.inBuf, from, to, this.cols, spec.id);
    if (u === WIDE_DONE) {
      this.cols.setWide(i, WIDE.m, WIDE.s, WIDE_UNIT.id);
      return;
    }
    if (u !== NO_FAST) {
      this.cols.setScaled(i, SCALED.m, SCALED.s, u);
      return;
    }
    if (spec.formula.op === 'ratio') {
      const q = ratioScaled(spec.formula, this.inBuf, from, this.cols, spec.id);
      if (q) {
        if (QUOTIENT.long) this.cols.setObject(i, q);
        else this.cols.set(i, q);
        return;
      }
    }
    const vals = new Array<QuantityResult>(to - from);
    for (let k = from; k < to; k++) {
      const j = this.inBuf[k] as number;
      const input = spec.formula.inputs[k - from] as string;
      vals[k - from] =
        j < 0
          ? calcError('missing-input', `no node "${input}"`, input)
          : (this.cols.get(j) as QuantityResult);
    }
    this.cols.set(i, applyFormula(spec.formula, vals, spec.id));
  }

  /** Replace a fact's value (the spec keeps its provenance). Takes effect on recalculate(). */
  setFact(id: string, value: Quantity): void {
    const i = this.index.get(id);
    if (i < 0 || this.kinds[i] !== FACT) throw new Error(`no fact node ${id}`);
    const spec = this.specOf(i);
    if (spec) this.setSpec(i, { ...spec, value } as NodeSpec);
    this.pending.set(i, value);
  }

  /** Recompute node i after a change upstream; true when its value changed. */
  private recompute(i: number): boolean {
    const c = this.cols;
    if (this.kinds[i] !== DERIVED) {
      const q = this.pending.get(i);
      if (q === undefined) return false;
      this.pending.delete(i);
      if (sameResult(c.get(i), q)) {
        if (!this.specOf(i)) this.givenAs.set(i, q);
        return false;
      }
      this.givenAs.delete(i);
      c.set(i, q);
      return true;
    }
    const om = c.m[i] as number;
    const os = c.s[i] as number;
    const ou = c.u[i] as number;
    const oldObject = c.slow[i];
    // A node on a cycle stays the cycle error whatever its inputs (edges never go away); computing
    // it would wrap its neighbour's error in its own, over and over, without end.
    if (os === SLOW && oldObject?.kind === 'error' && oldObject.code === 'cycle') return false;
    const oldWide = os === WIDE_MARK ? (c.wide.get(i) as bigint) : 0n;
    this.compute(i);
    if (os >= 0 && c.isScaled(i) && ou === c.u[i]) return !c.sameScaled(i, om, os, ou);
    if (os === WIDE_MARK && c.s[i] === WIDE_MARK && ou === c.u[i])
      return !(c.m[i] === om && c.wide.get(i) === oldWide); // normalised: equal values, equal (M, S)
    const before =
      os === SLOW
        ? oldObject
        : os === WIDE_MARK
          ? c.wideQuantity(oldWide, om, ou)
          : c.scaledQuantity(om, os, ou);
    return !sameResult(before, c.get(i) as QuantityResult);
  }

  /** Recompute what depends on changed facts; returns ids whose values changed (facts included). */
  recalculate(): string[] {
    if (!this.evaluated) {
      this.evaluate();
      return Array.from({ length: this.index.size }, (_, i) => this.idOf(i));
    }
    const changed: string[] = [];
    const rank = this.rank;
    const heap = new MinHeap(this.identityOrder ? (i) => i : (i) => rank[i] as number);
    const queued = new Set<number>();
    for (const i of this.pending.keys()) {
      heap.push(i);
      queued.add(i);
    }
    while (heap.size > 0) {
      const i = heap.pop() as number;
      queued.delete(i);
      if (!this.recompute(i)) continue;
      changed.push(this.idOf(i));
      for (let k = this.depStart[i] as number; k < (this.depStart[i + 1] as number); k++) {
        const d = this.depIdx[k] as number;
        if (!queued.has(d)) {
          queued.add(d);
          heap.push(d);
        }
      }
    }
    return changed;
  }

  /** Direct inputs of a node, by id (unknown ids included as written). */
  inputIds(id: string): readonly string[] {
    const i = this.index.get(id);
    return i < 0 ? [] : inputsOf(this.specAt(i));
  }
}
