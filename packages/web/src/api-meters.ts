/**
 * The API client of meters and readings (issue #22; docs/meters.md). Types copied from the
 * server's presenters (the web app imports no package): app/src/use-cases/meters.ts,
 * meter-reconciliation.ts and meter-activity-lines.ts. Every number is exact decimal text.
 */
import { call, qs } from './api';

export type MeterRowText = Partial<
  Record<
    | 'id'
    | 'site'
    | 'carrier'
    | 'unit'
    | 'multiplier'
    | 'mode'
    | 'interval_minutes'
    | 'rollover_at'
    | 'parent'
    | 'utility_account'
    | 'utc_offset'
    | 'installed'
    | 'removed',
    string
  >
>;
export type MeterRegister = { version: number; meters: MeterRowText[]; replacements: unknown[] };

export type MeterMonth = {
  meterId: string;
  siteId: string;
  carrier: string;
  month: string;
  unit: string;
  measured: string;
  estimated: string;
};
export type MeterLine = {
  siteId: string;
  carrier: string;
  month: string;
  unit: string;
  amount: string;
  estimated: string;
  isEstimated: boolean;
  lineage: {
    meterId: string;
    from: string;
    to: string;
    measured: string;
    estimated: string;
    segments: number;
  }[];
};
export type MeterFinding = {
  meterId: string;
  code: string;
  severity: 'info' | 'warning' | 'error';
  fromText: string;
  toText: string;
  message: { en: string; 'zh-Hant': string };
};
export type ReconciliationRow = {
  meterId: string;
  siteId: string;
  month: string;
  unit: string;
  main: string;
  subMeters: string | null;
  subMeterDifference: string | null;
  subMeterDifferencePercent: string | null;
  subMetersMissing: string[];
  bill: string | null;
  billDifference: string | null;
  billDifferencePercent: string | null;
  subMeterBeyondTolerance: boolean;
  billBeyondTolerance: boolean;
  includesEstimates: boolean;
};
export type Reconciliation = {
  reconciliation: ReconciliationRow[];
  findings: { code: string; meterId: string; month: string; message: { en: string; 'zh-Hant': string } }[];
  tolerancePercent: string;
};
export type OfferedMeterLine = {
  id: string;
  action: 'create' | 'update' | 'unchanged' | 'not-an-activity';
  version: number | null;
  line: MeterLine;
};

export type MeterFilter = { site?: string | undefined; carrier?: string | undefined };

export const metersApi = {
  register: () => call<MeterRegister>('/meters'),
  rollUp: (f: MeterFilter) => call<{ lines: MeterLine[]; months: MeterMonth[] }>(`/meters/roll-up?${qs(f)}`),
  findings: (site: string | undefined) =>
    call<{ version: number; findings: MeterFinding[] }>(`/meters/findings?${qs({ site })}`),
  reconciliation: (f: MeterFilter) => call<Reconciliation>(`/meters/reconciliation?${qs(f)}`),
  activityLines: (f: MeterFilter) =>
    call<{ lines: OfferedMeterLine[]; workspaceVersion: number }>(`/meters/activity-lines?${qs(f)}`),
};
