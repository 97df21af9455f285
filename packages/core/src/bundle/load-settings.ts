/** assay.yaml → organisation, reporting year, methods and frameworks. */
import { Decimal } from '../decimal.js';
import type { Methods, Scope3ScreeningSettings } from '../model/methods.js';
import type { Entity, Organisation } from '../model/organisation.js';
import type { ReportingYear } from '../model/period.js';
import { parseCalendarDate } from '../model/restatement.js';
import type { BundleIssue, RawDocument } from './raw.js';
import { type Settings, settingsSchema } from './settings-schema.js';
import { zodIssues } from './zod-issues.js';

export type LoadedSettings = {
  organisation: Organisation;
  reporting: ReportingYear;
  methods: Methods;
  frameworks: readonly string[];
};

export function loadSettings(doc: RawDocument, issues: BundleIssue[]): LoadedSettings | undefined {
  const parsed = settingsSchema.safeParse(doc.data);
  if (!parsed.success) {
    issues.push(...zodIssues(doc.file, parsed.error));
    return undefined;
  }
  const s = parsed.data;
  const entities: Entity[] = s.organisation.entities.map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    ...(e.parent === undefined ? {} : { parentId: e.parent }),
    ownership: new Decimal(e.ownership),
    control: e.control,
    status: e.status,
    aliases: e.aliases,
    ...(e.province === undefined ? {} : { province: e.province }),
    ...(e.gridRegion === undefined ? {} : { gridRegion: e.gridRegion }),
    ...(e.acquiredOn === undefined ? {} : { acquiredOn: e.acquiredOn }),
    ...(e.disposedOn === undefined ? {} : { disposedOn: e.disposedOn }),
  }));
  checkEntityTree(doc.file, entities, issues);
  checkEntityDates(doc.file, entities, issues);
  const organisation: Organisation = {
    id: s.organisation.id,
    name: s.organisation.name,
    ...(s.organisation.stockCode === undefined ? {} : { stockCode: s.organisation.stockCode }),
    issuerType: s.organisation.issuerType,
    consolidation: s.methods.consolidation,
    entities,
    ...(s.organisation.baseYear === undefined
      ? {}
      : {
          baseYear: {
            year: s.organisation.baseYear.year,
            thresholdPercent: new Decimal(s.organisation.baseYear.thresholdPercent),
            triggers: [...new Set(s.organisation.baseYear.triggers)],
          },
        }),
  };
  if (s.organisation.baseYear && Number(s.organisation.baseYear.year) > Number(s.reporting.current))
    issues.push({
      file: doc.file,
      column: 'organisation.baseYear.year',
      reason: `base year ${s.organisation.baseYear.year} is after the reporting year ${s.reporting.current}`,
    });
  for (const p of s.reporting.prior) {
    if (Number(p) >= Number(s.reporting.current)) {
      issues.push({
        file: doc.file,
        column: 'reporting.prior',
        reason: `prior year ${p} is not before ${s.reporting.current}`,
      });
    }
  }
  for (const id of Object.keys(s.methods.sectorPacks ?? {}))
    if (!entities.some((e) => e.id === id))
      issues.push({
        file: doc.file,
        column: `methods.sectorPacks.${id}`,
        reason: `"${id}" is not an entity of organisation.entities`,
      });
  const { scope3, sectorPacks, ...rest } = s.methods;
  const methods = sectorPacks === undefined ? rest : { ...rest, sectorPacks };
  return {
    organisation,
    reporting: s.reporting,
    methods: scope3 === undefined ? methods : { ...methods, scope3: scope3Settings(scope3) },
    frameworks: s.frameworks,
  };
}

/** Acquisition and disposal dates must be real calendar dates, disposal not before acquisition. */
function checkEntityDates(file: string, entities: Entity[], issues: BundleIssue[]): void {
  entities.forEach((e, i) => {
    for (const key of ['acquiredOn', 'disposedOn'] as const) {
      const v = e[key];
      if (v !== undefined && !parseCalendarDate(v))
        issues.push({
          file,
          column: `organisation.entities.${i}.${key}`,
          reason: `"${v}" is not a calendar date (YYYY-MM-DD)`,
        });
    }
    // ISO dates of one form compare as text.
    if (e.acquiredOn !== undefined && e.disposedOn !== undefined && e.disposedOn < e.acquiredOn)
      issues.push({
        file,
        column: `organisation.entities.${i}.disposedOn`,
        reason: `entity "${e.id}" is disposed of (${e.disposedOn}) before it was acquired (${e.acquiredOn})`,
      });
    if (e.kind === 'group' && (e.acquiredOn !== undefined || e.disposedOn !== undefined))
      issues.push({
        file,
        column: `organisation.entities.${i}.${e.acquiredOn !== undefined ? 'acquiredOn' : 'disposedOn'}`,
        reason: 'the group itself is neither acquired nor disposed of',
      });
  });
}

function checkEntityTree(file: string, entities: Entity[], issues: BundleIssue[]): void {
  const ids = new Set<string>();
  const groups = entities.filter((e) => e.kind === 'group');
  if (groups.length !== 1) {
    issues.push({
      file,
      column: 'organisation.entities',
      reason: `exactly one entity of kind "group" is required, found ${groups.length}`,
    });
  }
  entities.forEach((e, i) => {
    const where = `organisation.entities.${i}`;
    if (ids.has(e.id)) issues.push({ file, column: `${where}.id`, reason: `duplicate entity id "${e.id}"` });
    ids.add(e.id);
    if (e.kind === 'group' && e.parentId !== undefined)
      issues.push({ file, column: `${where}.parent`, reason: 'the group has no parent' });
    if (e.kind !== 'group' && e.parentId === undefined)
      issues.push({ file, column: `${where}.parent`, reason: `entity "${e.id}" needs a parent` });
  });
  entities.forEach((e, i) => {
    if (e.parentId !== undefined && !ids.has(e.parentId)) {
      issues.push({
        file,
        column: `organisation.entities.${i}.parent`,
        reason: `unknown parent "${e.parentId}"`,
      });
    }
  });
  // Every entity must reach the group without a cycle.
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const e of entities) {
    const seen = new Set<string>();
    let cur: Entity | undefined = e;
    while (cur?.parentId !== undefined) {
      if (seen.has(cur.id)) {
        issues.push({
          file,
          column: 'organisation.entities',
          reason: `entity "${e.id}" is in a parent cycle`,
        });
        break;
      }
      seen.add(cur.id);
      cur = byId.get(cur.parentId);
    }
  }
  // Names and aliases must identify one entity each.
  const owner = new Map<string, string>();
  for (const e of entities) {
    for (const n of new Set([e.name['zh-Hant'], e.name.en, ...e.aliases])) {
      const prev = owner.get(n);
      if (prev !== undefined && prev !== e.id) {
        issues.push({
          file,
          column: 'organisation.entities',
          reason: `name or alias "${n}" is used by both "${prev}" and "${e.id}"`,
        });
      }
      owner.set(n, e.id);
    }
  }
}

/** methods.scope3 without the keys zod leaves undefined (exact optional properties). */
function scope3Settings(s: NonNullable<Settings['methods']['scope3']>): NonNullable<Methods['scope3']> {
  const sc = s.screening;
  if (sc === undefined) return { factorSets: s.factorSets };
  const screening: Scope3ScreeningSettings = {
    thresholdPercent: sc.thresholdPercent,
    ...(sc.relevant === undefined ? {} : { relevant: sc.relevant }),
    ...(sc.excluded === undefined ? {} : { excluded: sc.excluded }),
  };
  return { factorSets: s.factorSets, screening };
}
