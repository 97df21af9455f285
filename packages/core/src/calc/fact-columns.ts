/**
 * Provenance of facts added with CalcGraph.addFact, in columns: entity, period and source are
 * indices into string pools (a group has few of each); label and fact id default to the node id
 * and are kept only where they differ, as are evidence and comment. A label of the form
 * "<head> <entity> <period>" keeps only the head, pooled; a fact id that ends the node id
 * ("d7" in "dp:d7") keeps only the length of the prefix. No object or string per fact: the
 * FactInfo of a node is built when asked for (lineage, spec).
 */
import type { Decimal } from '../decimal.js';
import type { Unit } from '../units/unit.js';
import { type Arena, columnBytes, grownColumn } from './arena.js';
import type { FactInfo } from './node.js';

/** One fact as handed to CalcGraph.addFact. The entry object itself is not kept. */
export type FactEntry = {
  readonly id: string;
  /** Decimal text ("1234.56", as in a bundle or CSV) or a Decimal. Text is read exactly. */
  readonly value: string | Decimal;
  readonly unit: Unit;
  /** Defaults to the node id, or to "<labelHead> <entityId> <periodId>" when labelHead is given. */
  readonly label?: string;
  /** The label is "<labelHead> <entityId> <periodId>" (the head pooled, no string per fact); `label` wins. */
  readonly labelHead?: string;
  /** Defaults to the node id. */
  readonly factId?: string;
  readonly entityId: string;
  readonly periodId: string;
  readonly source: string;
  readonly evidence?: string | undefined;
  readonly comment?: string | undefined;
};

/** The provenance fields of a data point or activity line (CalcGraph.addFactFrom reads them in place). */
export type FactRecord = {
  readonly id: string;
  readonly entityId: string;
  readonly periodId: string;
  readonly source: string;
  readonly evidence?: string | undefined;
  readonly comment?: string | undefined;
};

class StringPool {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  /** The last string asked for and its index: facts come in runs of one entity, period, source. */
  private last: string | undefined;
  private lastId = 0;
  id(s: string): number {
    if (s === this.last) return this.lastId;
    let k = this.index.get(s);
    if (k === undefined) {
      k = this.strings.length;
      this.strings.push(s);
      this.index.set(s, k);
    }
    this.last = s;
    this.lastId = k;
    return k;
  }
}

/** Longest node-id prefix kept as a length (a Uint8Array column). */
const MAX_PREFIX = 255;

export class FactColumns {
  private entity: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private period: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private source: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private readonly entities = new StringPool();
  private readonly periods = new StringPool();
  private readonly sources = new StringPool();
  /** Label head pool index + 1, 0 = no head. */
  private head: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private readonly heads = new StringPool();
  /** Fact id = node id without its first idCut[i] code units (0: the node id, or factIds). */
  private idCut: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  private readonly labels = new Map<number, string>();
  private readonly factIds = new Map<number, string>();
  private readonly evidence = new Map<number, string>();
  private readonly comments = new Map<number, string>();

  /** Bytes reserve(n) takes from an arena at most. */
  static reserveBytes(n: number): number {
    return 4 * columnBytes(n, 4) + columnBytes(n, 1);
  }

  /** Make room for nodes 0..n-1. */
  reserve(n: number, arena?: Arena): void {
    if (n > this.entity.length) {
      const size = arena ? n : Math.max(n, this.entity.length * 2);
      this.entity = grownColumn(this.entity, size, arena);
      this.period = grownColumn(this.period, size, arena);
      this.source = grownColumn(this.source, size, arena);
      this.head = grownColumn(this.head, size, arena);
      this.idCut = grownColumn(this.idCut, size, arena);
    }
  }

  /** Record the provenance of node i (an index of the graph). */
  add(i: number, e: FactEntry): void {
    if (i >= this.entity.length) this.reserve(i + 1);
    this.entity[i] = this.entities.id(e.entityId);
    this.period[i] = this.periods.id(e.periodId);
    this.source[i] = this.sources.id(e.source);
    if (e.label !== undefined) {
      this.head[i] = 0;
      if (e.label !== e.id) this.labels.set(i, e.label);
    } else this.head[i] = e.labelHead === undefined ? 0 : this.heads.id(e.labelHead) + 1;
    const f = e.factId;
    const cut = f === undefined ? 0 : e.id.length - f.length;
    if (f === undefined || f === e.id) this.idCut[i] = 0;
    else if (cut > 0 && cut <= MAX_PREFIX && e.id.endsWith(f)) this.idCut[i] = cut;
    else {
      this.idCut[i] = 0;
      this.factIds.set(i, f);
    }
    if (e.evidence !== undefined) this.evidence.set(i, e.evidence);
    if (e.comment !== undefined) this.comments.set(i, e.comment);
  }

  /**
   * Record the provenance of node i whose id is `<prefix of cut code units><f.id>`, fact id f.id,
   * label "<labelHead> <entity> <period>": what add(i, { id, factId: f.id, labelHead, ...f })
   * records, without the entry object.
   */
  addParts(i: number, cut: number, labelHead: string, f: FactRecord): void {
    if (i >= this.entity.length) this.reserve(i + 1);
    this.entity[i] = this.entities.id(f.entityId);
    this.period[i] = this.periods.id(f.periodId);
    this.source[i] = this.sources.id(f.source);
    this.head[i] = this.heads.id(labelHead) + 1;
    if (cut === 0) this.idCut[i] = 0;
    else if (cut <= MAX_PREFIX) this.idCut[i] = cut;
    else {
      this.idCut[i] = 0;
      this.factIds.set(i, f.id);
    }
    if (f.evidence !== undefined) this.evidence.set(i, f.evidence);
    if (f.comment !== undefined) this.comments.set(i, f.comment);
  }

  label(i: number, id: string): string {
    const h = this.head[i] as number;
    if (h > 0) return `${this.heads.strings[h - 1]} ${this.entityOf(i)} ${this.periodOf(i)}`;
    return this.labels.get(i) ?? id;
  }

  private entityOf(i: number): string {
    return this.entities.strings[this.entity[i] as number] as string;
  }

  private periodOf(i: number): string {
    return this.periods.strings[this.period[i] as number] as string;
  }

  info(i: number, id: string): FactInfo {
    const evidence = this.evidence.get(i);
    const comment = this.comments.get(i);
    return {
      factId: this.factIds.get(i) ?? ((this.idCut[i] as number) > 0 ? id.slice(this.idCut[i]) : id),
      entityId: this.entityOf(i),
      periodId: this.periodOf(i),
      source: this.sources.strings[this.source[i] as number] as string,
      ...(evidence === undefined ? {} : { evidence }),
      ...(comment === undefined ? {} : { comment }),
    };
  }
}
