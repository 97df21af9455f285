/**
 * The calculation graph. Owns mutable state with invariants, so it is a class:
 * - every node id maps to one spec; edges are "depends on" (a derived node's formula inputs);
 * - evaluate() computes every node in topological order; nodes on a cycle become "cycle"
 *   errors naming the cycle, their dependents "upstream" errors; a reference to an unknown
 *   node is a "missing-input" error;
 * - setFact() + recalculate() recompute only dependents of what changed, in topological rank
 *   order, stop where a value did not change, and return the ids whose values changed.
 * Nodes are held by integer index for memory: the benchmark holds 2.4 million facts.
 */
import { calcError } from '../errors.js';
import type { Quantity, QuantityResult } from '../units/quantity.js';
import { applyFormula, sameResult } from './apply-formula.js';
import { findCycles } from './cycles.js';
import { MinHeap } from './min-heap.js';
import { inputsOf, type NodeSpec } from './node.js';

const UNSET: QuantityResult = calcError('missing-input', 'not evaluated', '');

function grow(a: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

export class CalcGraph {
  private readonly index = new Map<string, number>();
  private readonly specs: NodeSpec[] = [];
  /**
   * Inputs of every node in one growable buffer: node i's inputs are
   * inBuf[inStartBuf[i]..inStartBuf[i+1]), resolved to indices when the node was added; -2 marks
   * an id not (yet) known, resolved at evaluation. No array per node: millions of nodes.
   */
  private inBuf: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private inStartBuf: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private inPos = 0;
  private values: QuantityResult[] = [];
  /** Compressed edges: inputs of i are inIdx[inStart[i]..inStart[i+1]) (-1: unknown id); dependents likewise. */
  private edges = {
    inStart: new Int32Array(1),
    inIdx: new Int32Array(0),
    depStart: new Int32Array(1),
    depIdx: new Int32Array(0),
  };
  private rank: Int32Array = new Int32Array(0);
  private readonly dirty = new Set<number>();
  private evaluated = false;

  add(spec: NodeSpec): void {
    if (this.index.has(spec.id)) throw new Error(`duplicate node id ${spec.id}`);
    const i = this.specs.length;
    this.index.set(spec.id, i);
    this.specs.push(spec);
    const ids = inputsOf(spec);
    if (this.inPos + ids.length > this.inBuf.length) this.inBuf = grow(this.inBuf, this.inPos + ids.length);
    for (let k = 0; k < ids.length; k++) this.inBuf[this.inPos++] = this.index.get(ids[k] as string) ?? -2;
    if (i + 2 > this.inStartBuf.length) this.inStartBuf = grow(this.inStartBuf, i + 2);
    this.inStartBuf[i + 1] = this.inPos;
    this.evaluated = false;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  get size(): number {
    return this.specs.length;
  }

  spec(id: string): NodeSpec | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.specs[i];
  }

  value(id: string): QuantityResult | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.values[i];
  }

  *nodes(): IterableIterator<NodeSpec> {
    yield* this.specs;
  }

  /** Full evaluation. Edges are held in compressed rows (typed arrays), not an array per node. */
  evaluate(): void {
    const n = this.specs.length;
    const inStart = this.inStartBuf.subarray(0, n + 1);
    const inIdx = this.inBuf.subarray(0, this.inPos);
    const depCount = new Int32Array(n + 1);
    const indegree = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const end = inStart[i + 1] as number;
      for (let k = inStart[i] as number; k < end; k++) {
        let j = inIdx[k] as number;
        if (j === -2) {
          // forward reference: resolve now if the node exists (ids never move), else stays missing
          const spec = this.specs[i] as NodeSpec;
          j = this.index.get(inputsOf(spec)[k - (inStart[i] as number)] as string) ?? -2;
          inIdx[k] = j;
        }
        if (j >= 0) {
          depCount[j + 1] = (depCount[j + 1] as number) + 1;
          indegree[i] = (indegree[i] as number) + 1;
        }
      }
    }
    for (let i = 0; i < n; i++) depCount[i + 1] = (depCount[i + 1] as number) + (depCount[i] as number);
    const depStart = depCount;
    const depIdx = new Int32Array(depStart[n] as number);
    const fill = depStart.slice(0, n);
    for (let i = 0; i < n; i++) {
      for (let k = inStart[i] as number; k < (inStart[i + 1] as number); k++) {
        const j = inIdx[k] as number;
        if (j >= 0) {
          depIdx[fill[j] as number] = i;
          fill[j] = (fill[j] as number) + 1;
        }
      }
    }
    this.edges = { inStart, inIdx, depStart, depIdx };
    this.values = new Array<QuantityResult>(n).fill(UNSET);
    this.rank = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let tail = 0;
    for (let i = 0; i < n; i++) if (indegree[i] === 0) queue[tail++] = i;
    let r = 0;
    for (let head = 0; head < tail; head++) {
      const i = queue[head] as number;
      this.rank[i] = r++;
      this.values[i] = this.compute(i);
      for (let k = depStart[i] as number; k < (depStart[i + 1] as number); k++) {
        const d = depIdx[k] as number;
        indegree[d] = (indegree[d] as number) - 1;
        if (indegree[d] === 0) queue[tail++] = d;
      }
    }
    if (tail < n) this.resolveCycles(r);
    this.dirty.clear();
    this.evaluated = true;
  }

  private inputsAt(i: number): Int32Array {
    return this.edges.inIdx.subarray(this.edges.inStart[i] as number, this.edges.inStart[i + 1] as number);
  }

  private dependentsAt(i: number): Int32Array {
    return this.edges.depIdx.subarray(this.edges.depStart[i] as number, this.edges.depStart[i + 1] as number);
  }

  /** Nodes left unranked are on or behind a cycle. Cycle members get a cycle error naming it. */
  private resolveCycles(firstRank: number): void {
    const left: number[] = [];
    for (let i = 0; i < this.specs.length; i++) if ((this.rank[i] as number) < 0) left.push(i);
    const cycles = findCycles(left, (i) =>
      [...this.inputsAt(i)].filter((j) => j >= 0 && (this.rank[j] as number) < 0),
    );
    let r = firstRank;
    for (const members of cycles) {
      const names = members.map((i) => (this.specs[i] as NodeSpec).id);
      for (const i of members) {
        this.values[i] = calcError(
          'cycle',
          `cycle (each depends on the next): ${names.join(' → ')} → ${names[0]}`,
          (this.specs[i] as NodeSpec).id,
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
          this.values[i] = this.compute(i);
        } else next.push(i);
      }
      if (next.length === pending.length) break;
      pending = next;
    }
  }

  private compute(i: number): QuantityResult {
    const spec = this.specs[i] as NodeSpec;
    if (spec.kind !== 'derived') return spec.value;
    const ins = this.inputsAt(i);
    const vals = new Array<QuantityResult>(ins.length);
    for (let k = 0; k < ins.length; k++) {
      const j = ins[k] as number;
      vals[k] =
        j < 0
          ? calcError(
              'missing-input',
              `no node "${spec.formula.inputs[k]}"`,
              spec.formula.inputs[k] as string,
            )
          : (this.values[j] as QuantityResult);
    }
    return applyFormula(spec.formula, vals, spec.id);
  }

  /** Replace a fact's value (the spec keeps its provenance). Takes effect on recalculate(). */
  setFact(id: string, value: Quantity): void {
    const i = this.index.get(id);
    const spec = i === undefined ? undefined : this.specs[i];
    if (i === undefined || !spec || spec.kind !== 'fact') throw new Error(`no fact node ${id}`);
    this.specs[i] = { ...spec, value };
    this.dirty.add(i);
  }

  /** Recompute what depends on changed facts; returns ids whose values changed (facts included). */
  recalculate(): string[] {
    if (!this.evaluated) {
      this.evaluate();
      return this.specs.map((s) => s.id);
    }
    const changed: string[] = [];
    const heap = new MinHeap((i) => this.rank[i] as number);
    const queued = new Set<number>();
    for (const i of this.dirty) {
      heap.push(i);
      queued.add(i);
    }
    this.dirty.clear();
    while (heap.size > 0) {
      const i = heap.pop() as number;
      queued.delete(i);
      const next = this.compute(i);
      if (sameResult(this.values[i], next)) continue;
      this.values[i] = next;
      changed.push((this.specs[i] as NodeSpec).id);
      for (const d of this.dependentsAt(i)) {
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
    const spec = this.spec(id);
    return spec ? inputsOf(spec) : [];
  }
}
