/**
 * The indicator catalogue as a preparer needs it: each indicator with its unit, dimension,
 * disaggregation axes and precision; the provisions of the bundle's frameworks whose crosswalk
 * cites it (only those in force for the issuer type and current year, as in /api/disclosures);
 * and, for the current period, how many data points exist for it (all entities) and the group's
 * figure. Cached per bundle revision, like figures and completeness.
 */
import { type Figure, figureId, groupEntity, type Indicator } from '@assay/core';
import { presentValue } from '../present.js';
import type { Snapshot } from '../workspace/workspace.js';
import { completeness } from './disclosure-status.js';
import { evaluated } from './evaluation.js';

export type CitingProvision = {
  /** "hkex:A1.1", as explanations cite it. */
  subject: string;
  framework: string;
  code: string;
  /** Code as printed in an index ("KPI A1.1"). */
  label: string;
  obligation: string;
  /** Axes the provision asks the indicator to be broken down by (it may ask for the total too). */
  axes: string[];
};

export type CatalogueEntry = {
  id: string;
  name: Indicator['name'];
  topic: string;
  kind: Indicator['kind'];
  unit: string;
  dimension: string;
  axes: string[];
  precision: number;
  provisions: CitingProvision[];
  current: {
    /** Data points for this indicator in the current period, over every entity. */
    dataPoints: number;
    /** Entities with at least one such data point. */
    entities: number;
    /** The group entity's figure (no disaggregation) for the current period, if evaluated. */
    groupFigure: { id: string; display: string | null; unit: string | null } | null;
  };
};

export type Catalogue = {
  workspaceVersion: number;
  period: string;
  groupEntity: string;
  indicators: CatalogueEntry[];
};

const cache = new WeakMap<object, Omit<Catalogue, 'workspaceVersion'>>();

export function catalogue(s: Snapshot): Catalogue {
  const hit = cache.get(s.bundle);
  if (hit) return { workspaceVersion: s.version, ...hit };
  const ev = evaluated(s);
  const period = s.bundle.reporting.current;
  const group = groupEntity(s.bundle.organisation).id;
  const cited = citations(s);
  const points = new Map<string, { n: number; entities: Set<string> }>();
  for (const p of s.bundle.dataPoints) {
    if (p.periodId !== period) continue;
    const c = points.get(p.indicatorId) ?? { n: 0, entities: new Set<string>() };
    c.n += 1;
    c.entities.add(p.entityId);
    points.set(p.indicatorId, c);
  }
  const indicators = [...ev.catalogue.values()].map((i): CatalogueEntry => {
    const f = ev.byId.get(figureId(i.id, group, period));
    const c = points.get(i.id);
    return {
      id: i.id,
      name: i.name,
      topic: i.topic,
      kind: i.kind,
      unit: i.unit,
      dimension: i.dimension,
      axes: [...i.axes],
      precision: i.precision,
      provisions: cited.get(i.id) ?? [],
      current: {
        dataPoints: c?.n ?? 0,
        entities: c?.entities.size ?? 0,
        groupFigure: f ? presentGroupFigure(f) : null,
      },
    };
  });
  const value = { period, groupEntity: group, indicators };
  cache.set(s.bundle, value);
  return { workspaceVersion: s.version, ...value };
}

function presentGroupFigure(f: Figure) {
  const v = presentValue(f.value, f.precision);
  return { id: f.id, display: v.display, unit: v.unit };
}

/** Indicator id → provisions citing it, one entry per provision with the axes it asks for. */
function citations(s: Snapshot): Map<string, CitingProvision[]> {
  const out = new Map<string, CitingProvision[]>();
  for (const report of completeness(s))
    for (const a of report.provisions) {
      const subject = `${report.framework}:${a.provision.code}`;
      for (const r of a.provision.requirements)
        for (const e of r.anyOf) {
          if (e.kind !== 'figure') continue;
          const list = out.get(e.indicatorId) ?? [];
          let entry = list.find((x) => x.subject === subject);
          if (!entry) {
            entry = {
              subject,
              framework: report.framework,
              code: a.provision.code,
              label: a.provision.label,
              obligation: a.obligation,
              axes: [],
            };
            list.push(entry);
            out.set(e.indicatorId, list);
          }
          if (e.axis !== undefined && !entry.axes.includes(e.axis)) entry.axes.push(e.axis);
        }
    }
  return out;
}
