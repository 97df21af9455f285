/**
 * The reporting organisation: a group and its entities (subsidiaries, sites), with ownership
 * and control, which decide consolidation (operational control: 100% of controlled entities;
 * equity share: by ownership). Aliases record every other spelling of an entity's name.
 * An entity may carry the dates it was acquired and disposed of (structural changes, which the
 * base-year recalculation policy weighs: restatement.ts, methods/base-year.ts).
 */
import type { Decimal } from '../decimal.js';
import type { BaseYearPolicy } from './restatement.js';
import type { LocalisedText } from './text.js';

export type EntityKind = 'group' | 'subsidiary' | 'site';
export type ControlType = 'operational' | 'financial' | 'none';
export type EntityStatus = 'operating' | 'under-construction' | 'disposed';
export type ConsolidationApproach = 'operational-control' | 'financial-control' | 'equity-share';
export type IssuerType = 'main-board' | 'largecap' | 'gem';

export type Entity = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly kind: EntityKind;
  /** Parent entity id; absent only for the group. */
  readonly parentId?: string;
  /** Share held by the parent, 0..1 (exact decimal). */
  readonly ownership: Decimal;
  readonly control: ControlType;
  readonly status: EntityStatus;
  readonly aliases: readonly string[];
  /** Province (e.g. "xinjiang") for location-based grid factors. */
  readonly province?: string;
  /** Grid region (e.g. "northwest") as the fallback for the grid factor. */
  readonly gridRegion?: string;
  /** Calendar date the group acquired it ("2025-07-01", ISO 8601); absent: held throughout. */
  readonly acquiredOn?: string;
  /** Calendar date the group disposed of it; absent: still held. */
  readonly disposedOn?: string;
};

export type Organisation = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly stockCode?: string;
  readonly issuerType: IssuerType;
  readonly consolidation: ConsolidationApproach;
  readonly entities: readonly Entity[];
  /** The GHG base year and its recalculation policy; absent: none chosen yet. */
  readonly baseYear?: BaseYearPolicy;
};

export function groupEntity(org: Organisation): Entity {
  const g = org.entities.find((e) => e.kind === 'group');
  if (!g) throw new Error('organisation has no group entity (bundle validation should have caught this)');
  return g;
}

export function childrenOf(org: Organisation, id: string): Entity[] {
  return org.entities.filter((e) => e.parentId === id);
}

/** Find an entity by id, canonical name or alias (exact match after trimming). */
export function findEntity(org: Organisation, nameOrId: string): Entity | undefined {
  const n = nameOrId.trim();
  return org.entities.find(
    (e) =>
      e.id === n ||
      e.name['zh-Hant'] === n ||
      e.name.en === n ||
      e.name['zh-Hans'] === n ||
      e.aliases.includes(n),
  );
}
