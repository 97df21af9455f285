/**
 * Bundle → raw tables and documents, the inverse of validateBundle: load → save → load gives
 * the same model. Values are written as exact decimal strings in the unit they were entered in.
 */
import type { Bundle } from '../model/bundle.js';
import {
  ACTIVITY_LINE_COLUMNS,
  columnOrder,
  DATA_POINT_COLUMNS,
  FACTOR_COLUMNS,
  PUBLISHED_COLUMNS,
  type TableSpec,
} from './columns.js';
import { BUNDLE_FILES, type RawBundle, type RawTable } from './raw.js';
import { formatPairs } from './table-rows.js';

function table(file: string, spec: TableSpec, rows: Record<string, string | undefined>[]): RawTable {
  const header = columnOrder(spec);
  return { file, header, rows: rows.map((r, i) => ({ line: i + 2, cells: header.map((h) => r[h] ?? '') })) };
}

export function serializeBundle(b: Bundle): RawBundle {
  const settings = {
    schemaVersion: b.schemaVersion,
    organisation: {
      id: b.organisation.id,
      name: b.organisation.name,
      ...(b.organisation.stockCode === undefined ? {} : { stockCode: b.organisation.stockCode }),
      issuerType: b.organisation.issuerType,
      entities: b.organisation.entities.map((e) => ({
        id: e.id,
        name: e.name,
        kind: e.kind,
        ...(e.parentId === undefined ? {} : { parent: e.parentId }),
        ownership: e.ownership.toString(),
        control: e.control,
        status: e.status,
        aliases: [...e.aliases],
        ...(e.province === undefined ? {} : { province: e.province }),
        ...(e.gridRegion === undefined ? {} : { gridRegion: e.gridRegion }),
        ...(e.acquiredOn === undefined ? {} : { acquiredOn: e.acquiredOn }),
        ...(e.disposedOn === undefined ? {} : { disposedOn: e.disposedOn }),
      })),
      ...(b.organisation.baseYear === undefined
        ? {}
        : {
            baseYear: {
              year: b.organisation.baseYear.year,
              thresholdPercent: b.organisation.baseYear.thresholdPercent.toFixed(),
              triggers: [...b.organisation.baseYear.triggers],
            },
          }),
    },
    reporting: { current: b.reporting.current, prior: [...b.reporting.prior] },
    methods: b.methods,
    frameworks: [...b.frameworks.frameworks],
  };
  return {
    settings: { file: BUNDLE_FILES.settings, data: settings },
    dataPoints: table(
      BUNDLE_FILES.dataPoints,
      DATA_POINT_COLUMNS,
      b.dataPoints.map((d) => ({
        id: d.id,
        entity: d.entityId,
        period: d.periodId,
        indicator: d.indicatorId,
        disaggregation: formatPairs(d.disaggregation),
        value: d.quantity.value.toString(),
        unit: d.quantity.unit.symbol,
        source: d.source,
        evidence: d.evidence,
        comment: d.comment,
      })),
    ),
    activityLines: table(
      BUNDLE_FILES.activityLines,
      ACTIVITY_LINE_COLUMNS,
      b.activityLines.map((a) => ({
        id: a.id,
        entity: a.entityId,
        period: a.periodId,
        activity: a.activity,
        subject: a.subject,
        use: a.use,
        amount: a.amount.value.toString(),
        unit: a.amount.unit.symbol,
        attributes: formatPairs(a.attributes),
        source: a.source,
        evidence: a.evidence,
        comment: a.comment,
      })),
    ),
    published: table(
      BUNDLE_FILES.published,
      PUBLISHED_COLUMNS,
      b.published.map((p) => ({
        id: p.id,
        section: p.section,
        table: p.table,
        label_zh: p.labelZh,
        label_en: p.labelEn,
        indicator: p.indicatorId,
        entity: p.entityId,
        period: p.periodId,
        disaggregation: formatPairs(p.disaggregation),
        printed: p.printed,
        unit: p.unitLabel,
        figure: p.figureRef,
        note: p.note,
      })),
    ),
    factors: table(
      BUNDLE_FILES.factors,
      FACTOR_COLUMNS,
      b.factors.map((f) => ({
        id: f.id,
        kind: f.kind,
        method: f.method,
        value: f.value,
        unit: f.unit,
        keys: formatPairs(f.keys),
        vintage: String(f.vintage),
        calibre: f.calibre,
        document: f.document,
        published_at: f.publishedAt,
        status: f.status,
        note: f.note,
        price_year: f.priceYear === undefined ? undefined : String(f.priceYear),
        geography: f.geography,
      })),
    ),
    indicators: { file: BUNDLE_FILES.indicators, data: { indicators: b.indicators } },
    registers: { file: BUNDLE_FILES.registers, data: b.registers },
    narrative: { file: BUNDLE_FILES.narrative, data: { sections: b.narrative } },
  };
}
