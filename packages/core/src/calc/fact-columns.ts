/**
 * Provenance of facts added with CalcGraph.addFact, in columns: entity, period and source are
 * indices into string pools (a group has few of each); label and fact id default to the node id
 * and are kept only where they differ, as are evidence and comment. No object per fact: the
 * FactInfo of a node is built when asked for (lineage, spec).
 */
import type { Decimal } from '../decimal.js';
import type { Unit } from '../units/unit.js';
import type { FactInfo } from './node.js';

/** One fact as handed to CalcGraph.addFact. The entry object itself is not kept. */
export type FactEntry = {
  readonly id: string;
  /** Decimal text ("1234.56", as in a bundle or CSV) or a Decimal. Text is read exactly. */
  readonly value: string | Decimal;
  readonly unit: Unit;
  /** Defaults to the node id. */
  readonly label?: string;
  /** Defaults to the node id. */
  readonly factId?: string;
  readonly entityId: string;
  readonly periodId: string;
  readonly source: string;
  readonly evidence?: string;
  readonly comment?: string;
};

class StringPool {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let k = this.index.get(s);
    if (k === undefined) {
      k = this.strings.length;
      this.strings.push(s);
      this.index.set(s, k);
    }
    return k;
  }
}

function grown(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

export class FactColumns {
  private entity: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private period: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private source: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private readonly entities = new StringPool();
  private readonly periods = new StringPool();
  private readonly sources = new StringPool();
  private readonly labels = new Map<number, string>();
  private readonly factIds = new Map<number, string>();
  private readonly evidence = new Map<number, string>();
  private readonly comments = new Map<number, string>();

  /** Make room for nodes 0..n-1. */
  reserve(n: number): void {
    if (n > this.entity.length) {
      this.entity = grown(this.entity, n);
      this.period = grown(this.period, n);
      this.source = grown(this.source, n);
    }
  }

  /** Record the provenance of node i (an index of the graph). */
  add(i: number, e: FactEntry): void {
    if (i >= this.entity.length) this.reserve(i + 1);
    this.entity[i] = this.entities.id(e.entityId);
    this.period[i] = this.periods.id(e.periodId);
    this.source[i] = this.sources.id(e.source);
    if (e.label !== undefined && e.label !== e.id) this.labels.set(i, e.label);
    if (e.factId !== undefined && e.factId !== e.id) this.factIds.set(i, e.factId);
    if (e.evidence !== undefined) this.evidence.set(i, e.evidence);
    if (e.comment !== undefined) this.comments.set(i, e.comment);
  }

  label(i: number, id: string): string {
    return this.labels.get(i) ?? id;
  }

  info(i: number, id: string): FactInfo {
    const evidence = this.evidence.get(i);
    const comment = this.comments.get(i);
    return {
      factId: this.factIds.get(i) ?? id,
      entityId: this.entities.strings[this.entity[i] as number] as string,
      periodId: this.periods.strings[this.period[i] as number] as string,
      source: this.sources.strings[this.source[i] as number] as string,
      ...(evidence === undefined ? {} : { evidence }),
      ...(comment === undefined ? {} : { comment }),
    };
  }
}
