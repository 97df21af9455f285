/** assay.yaml → organisation, reporting year, methods and frameworks. */
import { Decimal } from '../decimal.js';
import type { Methods } from '../model/methods.js';
import type { Entity, Organisation } from '../model/organisation.js';
import type { ReportingYear } from '../model/period.js';
import type { BundleIssue, RawDocument } from './raw.js';
import { settingsSchema } from './settings-schema.js';
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
  }));
  checkEntityTree(doc.file, entities, issues);
  const organisation: Organisation = {
    id: s.organisation.id,
    name: s.organisation.name,
    ...(s.organisation.stockCode === undefined ? {} : { stockCode: s.organisation.stockCode }),
    issuerType: s.organisation.issuerType,
    consolidation: s.methods.consolidation,
    entities,
  };
  for (const p of s.reporting.prior) {
    if (Number(p) >= Number(s.reporting.current)) {
      issues.push({
        file: doc.file,
        column: 'reporting.prior',
        reason: `prior year ${p} is not before ${s.reporting.current}`,
      });
    }
  }
  return { organisation, reporting: s.reporting, methods: s.methods, frameworks: s.frameworks };
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
