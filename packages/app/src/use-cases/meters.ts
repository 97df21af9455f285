/**
 * The meter register and what is computed from stored readings (issue #22; docs/meters.md):
 * read the register (latest version, rows as text), save it whole (core's validateMeterRegister
 * first: every problem named by file, row and field, nothing saved; a stale version is
 * 'stale-version', 412 at the server), the quality findings per meter and time range, and the
 * monthly roll-up per site and carrier with lineage (the reconciliation and bills:
 * meter-reconciliation.ts; the lines written as activity lines: meter-activity-lines.ts).
 * Reading needs read-meters, saving write-meters (permissions.ts). The register and readings
 * live in the store (migration 023): a workspace served in memory has none.
 */
import {
  analyseMeter,
  Decimal,
  describeMeterFinding,
  METER_CARRIERS,
  type Meter,
  type MeterActivityLine,
  type MeterCarrier,
  type MeterFinding,
  type MeterMonth,
  validateMeterRegister,
} from '@assay/core';
import {
  meterReadings,
  meterRegister,
  type Store,
  type StoredMeterRegister,
  saveMeterRegister as storeMeterRegister,
} from '@assay/store';
import { rollUpStoredReadings } from '../meters/roll-up-stored.js';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';

export type MetersInput = { readonly ws: Workspace; readonly store: Store | undefined };

type RegisterRows = {
  readonly meters: readonly Record<string, string>[];
  readonly replacements: readonly Record<string, string>[];
};

export type MeterRegisterView = RegisterRows & {
  /** 0 while none was saved (save with version 0 to create the first). */
  readonly version: number;
};

const NO_STORE = 'this server keeps no meters (a bundle served in memory has no store)';
const EMPTY: StoredMeterRegister = { version: 0, meters: [], replacements: [] };

const siteIds = (ws: Workspace): Set<string> =>
  new Set(ws.snapshot().bundle.organisation.entities.map((e) => e.id));

/** The register as core reads it: every row checked, or the issues. */
function validated(ws: Workspace, rows: RegisterRows): Result<readonly Meter[]> {
  const v = validateMeterRegister({
    meters: rows.meters,
    replacements: rows.replacements,
    metersFile: 'meters',
    replacementsFile: 'meter-replacements',
    siteIds: siteIds(ws),
  });
  if (v.ok) return success(v.meters);
  const first = v.issues[0];
  return failure(
    'invalid-data',
    `${v.issues.length} problem(s) in the meter register${first ? `; first: ${first.file} row ${first.row} ${first.field}: ${first.message}` : ''}; nothing was saved`,
    {
      ...(first ? { field: first.field } : {}),
      issues: v.issues.map((x) => ({ file: x.file, row: x.row, column: x.field, reason: x.message })),
    },
  );
}

/** The latest register version as stored (rows as text). */
export async function readMeterRegister(i: MetersInput): Promise<Result<MeterRegisterView>> {
  if (!i.store) return failure('not-found', NO_STORE);
  const r = (await meterRegister(i.store)) ?? EMPTY;
  return success({ version: r.version, meters: r.meters, replacements: r.replacements });
}

/** The register's meters, checked (the sites of today's organisation). */
export async function loadMeters(i: MetersInput): Promise<Result<readonly Meter[]>> {
  if (!i.store) return failure('not-found', NO_STORE);
  const r = (await meterRegister(i.store)) ?? EMPTY;
  const out = validated(i.ws, r);
  if (out.ok) return out;
  return failure(
    'invalid-data',
    `the stored meter register (version ${r.version}) no longer validates: ${out.error.message.replace(/; nothing was saved$/, '')}; save a corrected one`,
    out.error.issues ? { issues: out.error.issues } : {},
  );
}

export type SaveMeterRegisterInput = MetersInput &
  RegisterRows & {
    /** The version read (0 for the first register). */
    readonly version: number;
    readonly reason?: string;
    readonly author: string;
    readonly at: string;
  };

/** Save the whole register as a new version; all or nothing. */
export async function saveMeterRegister(
  i: SaveMeterRegisterInput,
): Promise<Result<{ version: number; meters: number }>> {
  if (!i.store) return failure('not-found', NO_STORE);
  const ok = validated(i.ws, i);
  if (!ok.ok) return ok;
  const out = await storeMeterRegister(
    i.store,
    { meters: i.meters, replacements: i.replacements },
    i.version,
    {
      actor: i.author,
      reason: i.reason ?? `meter register: ${ok.value.length} meter(s)`,
      at: i.at,
    },
  );
  if (!out.ok)
    return failure(
      'stale-version',
      `the meter register is at version ${out.currentVersion}, not ${i.version}; reload and reapply`,
      { field: 'version' },
    );
  return success({ version: out.version, meters: ok.value.length });
}

export type MeterFindingView = MeterFinding & { readonly message: { en: string; 'zh-Hant': string } };

export type FindingsQuery = MetersInput & {
  readonly meterId?: string;
  readonly siteId?: string;
  /** Seconds since epoch: findings whose range meets [from, to). */
  readonly from?: number;
  readonly to?: number;
};

/** Quality findings of each meter (or one), over its readings in the range, with bilingual messages. */
export async function listMeterFindings(
  i: FindingsQuery,
): Promise<Result<{ version: number; findings: MeterFindingView[] }>> {
  const loaded = await loadMeters(i);
  if (!loaded.ok) return loaded;
  const store = i.store as Store;
  const chosen = loaded.value.filter(
    (m) =>
      (i.meterId === undefined || m.id === i.meterId) && (i.siteId === undefined || m.siteId === i.siteId),
  );
  if (i.meterId !== undefined && chosen.length === 0)
    return failure('not-found', `no meter "${i.meterId}" in the register`, { field: 'meter' });
  const findings: MeterFindingView[] = [];
  for (const m of chosen) {
    const rows = await meterReadings(store, m.id, i.from ?? null, i.to ?? null);
    const a = analyseMeter(
      m,
      rows.map((r) => ({
        meterId: m.id,
        at: r.epochSeconds,
        offsetMinutes: r.offsetMinutes,
        value: new Decimal(r.value),
      })),
    );
    for (const f of a.findings)
      findings.push({
        ...f,
        message: { en: describeMeterFinding(f, 'en'), 'zh-Hant': describeMeterFinding(f, 'zh-Hant') },
      });
  }
  const version = (await meterRegister(store))?.version ?? 0;
  return success({ version, findings });
}

export type RollUpQuery = MetersInput & {
  readonly siteId?: string;
  readonly carrier?: MeterCarrier;
  /** "YYYY-MM", inclusive. */
  readonly fromMonth?: string;
  readonly toMonth?: string;
};

/** JSON of a line: decimals as exact text, the unit by its symbol. */
export type MeterLineView = Omit<MeterActivityLine, 'unit' | 'amount' | 'estimated' | 'lineage'> & {
  readonly unit: string;
  readonly amount: string;
  readonly estimated: string;
  readonly lineage: readonly {
    meterId: string;
    from: string;
    to: string;
    measured: string;
    estimated: string;
    segments: number;
  }[];
};

export const isMeterCarrier = (s: string): s is MeterCarrier =>
  (METER_CARRIERS as readonly string[]).includes(s);

const inMonths = (month: string, q: RollUpQuery) =>
  (q.fromMonth === undefined || month >= q.fromMonth) && (q.toMonth === undefined || month <= q.toMonth);

export async function rolledUp(
  i: MetersInput,
): Promise<
  Result<{ meters: readonly Meter[]; lines: readonly MeterActivityLine[]; months: readonly MeterMonth[] }>
> {
  const loaded = await loadMeters(i);
  if (!loaded.ok) return loaded;
  const r = await rollUpStoredReadings(i.store as Store, loaded.value);
  return success({ meters: loaded.value, lines: r.lines, months: r.months });
}

/** Monthly consumption per site and carrier from the readings, with lineage to meters and reading ranges. */
/** One meter's month (sub-meters too), for a chart per meter: exact text in the meter's unit, after the multiplier. */
export type MeterMonthView = {
  readonly meterId: string;
  readonly siteId: string;
  readonly carrier: MeterCarrier;
  readonly month: string;
  readonly unit: string;
  readonly measured: string;
  readonly estimated: string;
};

export async function meterRollUp(
  i: RollUpQuery,
): Promise<Result<{ lines: MeterLineView[]; months: MeterMonthView[] }>> {
  const r = await rolledUp(i);
  if (!r.ok) return r;
  const lines = r.value.lines
    .filter(
      (l) =>
        (i.siteId === undefined || l.siteId === i.siteId) &&
        (i.carrier === undefined || l.carrier === i.carrier) &&
        inMonths(l.month, i),
    )
    .map(
      (l): MeterLineView => ({
        ...l,
        unit: l.unit.symbol,
        amount: l.amount.toString(),
        estimated: l.estimated.toString(),
        lineage: l.lineage.map((x) => ({
          ...x,
          measured: x.measured.toString(),
          estimated: x.estimated.toString(),
        })),
      }),
    );
  const byId = new Map(r.value.meters.map((m) => [m.id, m]));
  const months: MeterMonthView[] = [];
  for (const mm of r.value.months) {
    const m = byId.get(mm.meterId);
    if (!m) continue;
    if (
      (i.siteId !== undefined && m.siteId !== i.siteId) ||
      (i.carrier !== undefined && m.carrier !== i.carrier)
    )
      continue;
    if (!inMonths(mm.month, i)) continue;
    months.push({
      meterId: m.id,
      siteId: m.siteId,
      carrier: m.carrier,
      month: mm.month,
      unit: m.unit.symbol,
      measured: mm.measured.toString(),
      estimated: mm.estimated.toString(),
    });
  }
  months.sort((a, b) =>
    a.meterId < b.meterId ? -1 : a.meterId > b.meterId ? 1 : a.month < b.month ? -1 : 1,
  );
  return success({ lines, months });
}
