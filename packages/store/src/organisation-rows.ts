/**
 * The organisation and its entities ↔ the settings document of assay.yaml (the shape
 * serializeBundle writes), so the store can hand core's validator the same input a folder does.
 */
import { BUNDLE_FILES, type RawDocument } from '@assay/core/forms';
import type { Sql } from './store.js';

type Named = { 'zh-Hant': string; en: string };
/** The settings document as serializeBundle produces it (a plain JSON value). */
export type SettingsData = {
  schemaVersion: number;
  organisation: {
    id: string;
    name: Named;
    stockCode?: string;
    issuerType: string;
    entities: Record<string, unknown>[];
    /** {year, thresholdPercent, triggers}; absent when no base year is set (019-restatement.sql). */
    baseYear?: unknown;
  };
  reporting: { current: string; prior: string[] };
  methods: unknown;
  frameworks: string[];
};

type OrgRow = {
  id: string;
  name: Named;
  stock_code: string | null;
  issuer_type: string;
  reporting: SettingsData['reporting'];
  methods: unknown;
  frameworks: string[];
  base_year: unknown;
};
type EntityRow = {
  id: string;
  kind: string;
  parent_id: string | null;
  ownership: string;
  control: string;
  status: string;
  name: Named;
  aliases: string[];
  province: string | null;
  grid_region: string | null;
  acquired_on: string | null;
  disposed_on: string | null;
};

export async function readSettingsData(sql: Sql): Promise<SettingsData | undefined> {
  const [org] = await sql.query<OrgRow>('select * from organisation');
  if (!org) return undefined;
  const entities = await sql.query<EntityRow>(
    'select id, kind, parent_id, ownership::text as ownership, control, status, name, aliases, province, grid_region, acquired_on, disposed_on from entity where organisation_id = $1 order by position',
    [org.id],
  );
  return {
    schemaVersion: 1,
    organisation: {
      id: org.id,
      name: org.name,
      ...(org.stock_code === null ? {} : { stockCode: org.stock_code }),
      issuerType: org.issuer_type,
      entities: entities.map((e) => ({
        id: e.id,
        name: e.name,
        kind: e.kind,
        ...(e.parent_id === null ? {} : { parent: e.parent_id }),
        ownership: e.ownership,
        control: e.control,
        status: e.status,
        aliases: e.aliases,
        ...(e.province === null ? {} : { province: e.province }),
        ...(e.grid_region === null ? {} : { gridRegion: e.grid_region }),
        ...(e.acquired_on === null ? {} : { acquiredOn: e.acquired_on }),
        ...(e.disposed_on === null ? {} : { disposedOn: e.disposed_on }),
      })),
      ...(org.base_year === null || org.base_year === undefined ? {} : { baseYear: org.base_year }),
    },
    reporting: org.reporting,
    methods: org.methods,
    frameworks: org.frameworks,
  };
}

export async function readSettingsDocument(sql: Sql): Promise<RawDocument | undefined> {
  const data = await readSettingsData(sql);
  return data && { file: BUNDLE_FILES.settings, data };
}

/** Replace the organisation and its entities with `s` (these are reference data, not facts; the audit log keeps old → new). */
export async function writeSettingsData(tx: Sql, s: SettingsData): Promise<void> {
  const o = s.organisation;
  await tx.query(
    `insert into organisation (id, name, stock_code, issuer_type, reporting, methods, frameworks, base_year)
     values ($1, $2::jsonb, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb)
     on conflict (id) do update set name = excluded.name, stock_code = excluded.stock_code,
       issuer_type = excluded.issuer_type, reporting = excluded.reporting, methods = excluded.methods,
       frameworks = excluded.frameworks, base_year = excluded.base_year`,
    [
      o.id,
      JSON.stringify(o.name),
      o.stockCode ?? null,
      o.issuerType,
      JSON.stringify(s.reporting),
      JSON.stringify(s.methods),
      JSON.stringify(s.frameworks),
      o.baseYear === undefined ? null : JSON.stringify(o.baseYear),
    ],
  );
  await tx.query('delete from entity where organisation_id = $1', [o.id]);
  for (const [i, e] of o.entities.entries()) {
    const v = (k: string) => (e[k] === undefined ? null : e[k]);
    await tx.query(
      `insert into entity (id, organisation_id, position, kind, parent_id, ownership, control, status, name, aliases, province, grid_region, acquired_on, disposed_on)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $13, $14)`,
      [
        e.id,
        o.id,
        i,
        e.kind,
        v('parent'),
        e.ownership,
        e.control,
        e.status,
        JSON.stringify(e.name),
        JSON.stringify(e.aliases),
        v('province'),
        v('gridRegion'),
        v('acquiredOn'),
        v('disposedOn'),
      ],
    );
  }
}
