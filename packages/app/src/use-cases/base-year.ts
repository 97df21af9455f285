/**
 * The base year and its recalculation policy, and the entities' acquisition and disposal dates
 * (issue #17; docs/workflow.md, "Restatement and base year"), for an administrator of the group
 * ('manage-settings'): read them with the base year's Scope 1 + 2 and the prompts core raises for
 * entities acquired or disposed of during the reporting year (methods/base-year.ts), each with
 * the structural-change restatement that answers it, if any; and set them. A new setting is
 * checked by core's own settings validation (assay.yaml's rules), so a bad value is refused
 * naming its field and nothing changes; the write is an audited settings change.
 */
import {
  type BaseYearPrompt,
  baseYearPrompts,
  DEFAULT_THRESHOLD_PERCENT,
  DEFAULT_TRIGGERS,
  type Entity,
  type Organisation,
  RESTATEMENT_CHANGES,
  type RestatementChange,
  serializeBundle,
  validateBundle,
} from '@assay/core';
import { authorise } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import { failure, type Result, success } from '../outcome.js';
import type { Workspace } from '../workspace/workspace.js';
import { evaluated } from './evaluation.js';
import { scope12Of } from './restatement-effect.js';

export type BaseYearView = {
  readonly workspaceVersion: number;
  readonly reportingYear: string;
  readonly baseYear: {
    readonly year: string;
    readonly thresholdPercent: string;
    readonly triggers: readonly RestatementChange[];
    /** The base year's Scope 1 + 2 (location-based), tCO2e, exact; null when not calculated. */
    readonly scope12: string | null;
  } | null;
  /** The default policy (when none is set, or a field is left out). */
  readonly defaults: { readonly thresholdPercent: string; readonly triggers: readonly RestatementChange[] };
  readonly entities: readonly {
    readonly id: string;
    readonly name: Entity['name'];
    readonly acquiredOn: string | null;
    readonly disposedOn: string | null;
  }[];
  readonly prompts: readonly (BaseYearPrompt & {
    /** A structural-change restatement naming the entity: its id and state. */
    readonly restatement: { readonly id: number; readonly state: string } | null;
  })[];
};

const forbidden = (caller: Caller) =>
  authorise(caller.access, 'manage-settings', { kind: 'organisation' }) !== 'allow'
    ? failure('forbidden', 'base year: your role does not allow "manage-settings" for the organisation')
    : undefined;

export async function readBaseYear(ws: Workspace, caller: Caller): Promise<Result<BaseYearView>> {
  const denied = forbidden(caller);
  if (denied) return denied;
  const s = ws.snapshot();
  const org = s.bundle.organisation;
  const p = org.baseYear;
  const year = s.bundle.reporting.current;
  const requests = await ws.restatements.list();
  const answering = (entityId: string) => {
    const r = requests.find(
      (x) => x.change === 'structural-change' && x.items.some((i) => i.entityId === entityId),
    );
    return r ? { id: r.id, state: r.state } : null;
  };
  const scope12 = p ? scope12Of(s.bundle, evaluated(s).evaluation.figures, p.year) : null;
  return success({
    workspaceVersion: s.version,
    reportingYear: year,
    baseYear: p
      ? {
          year: p.year,
          thresholdPercent: p.thresholdPercent.toFixed(),
          triggers: p.triggers,
          scope12: scope12 === null ? null : scope12.toFixed(),
        }
      : null,
    defaults: { thresholdPercent: DEFAULT_THRESHOLD_PERCENT, triggers: DEFAULT_TRIGGERS },
    entities: org.entities
      .filter((e) => e.kind !== 'group')
      .map((e) => ({
        id: e.id,
        name: e.name,
        acquiredOn: e.acquiredOn ?? null,
        disposedOn: e.disposedOn ?? null,
      })),
    prompts: baseYearPrompts(org, year).map((x) => ({ ...x, restatement: answering(x.entityId) })),
  });
}

export type BaseYearInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  /** The base year ("2020"), or null to remove it. */
  readonly year: string | null;
  readonly thresholdPercent?: string | undefined;
  readonly triggers?: readonly string[] | undefined;
  /** Entities whose dates change: null clears a date; an absent key leaves it. */
  readonly entities?:
    | readonly {
        id: string;
        acquiredOn?: string | null | undefined;
        disposedOn?: string | null | undefined;
      }[]
    | undefined;
  /** The workspace version the caller read. */
  readonly version: number;
  readonly reason?: string | undefined;
};

/** Core's issue column → the request's field. */
function fieldOf(column: string | undefined, positions: ReadonlyMap<number, number>): string {
  if (!column) return 'baseYear';
  const by = /^organisation\.baseYear\.?(.*)$/.exec(column);
  if (by) return by[1] ? (by[1].split('.')[0] ?? 'year') : 'year';
  const e = /^organisation\.entities\.(\d+)\.(acquiredOn|disposedOn)$/.exec(column);
  const at = e ? positions.get(Number(e[1])) : undefined;
  return e && at !== undefined ? `entities.${at}.${e[2]}` : column;
}

export async function writeBaseYear(i: BaseYearInput): Promise<Result<BaseYearView>> {
  const denied = forbidden(i.caller);
  if (denied) return denied;
  const s = i.ws.snapshot();
  const org = s.bundle.organisation;
  if (i.triggers?.some((t) => !(RESTATEMENT_CHANGES as readonly string[]).includes(t)))
    return failure('invalid-request', `triggers: each one of ${RESTATEMENT_CHANGES.join(', ')}`, {
      field: 'triggers',
    });
  const positions = new Map<number, number>(); // entity index in the organisation → index in the request
  const changes = new Map((i.entities ?? []).map((e, n) => [e.id, { ...e, n }]));
  for (const [id, c] of changes) {
    const at = org.entities.findIndex((e) => e.id === id);
    if (at < 0)
      return failure('not-found', `entities.${c.n}.id: no entity "${id}"`, { field: `entities.${c.n}.id` });
    positions.set(at, c.n);
  }
  const entities = org.entities.map((e): Entity => {
    const c = changes.get(e.id);
    if (!c) return e;
    const { acquiredOn: _a, disposedOn: _d, ...rest } = e;
    const acquiredOn = c.acquiredOn === undefined ? e.acquiredOn : (c.acquiredOn ?? undefined);
    const disposedOn = c.disposedOn === undefined ? e.disposedOn : (c.disposedOn ?? undefined);
    return { ...rest, ...(acquiredOn ? { acquiredOn } : {}), ...(disposedOn ? { disposedOn } : {}) };
  });
  const { baseYear: _old, ...without } = org;
  // Checked as assay.yaml is: the settings document of the new organisation, validated by core.
  const settings = serializeBundle({
    ...s.bundle,
    organisation: { ...without, entities },
    dataPoints: [],
    activityLines: [],
  }).settings as { file: string; data: { organisation: Record<string, unknown> } };
  if (i.year !== null)
    settings.data.organisation.baseYear = {
      year: i.year,
      thresholdPercent: i.thresholdPercent ?? DEFAULT_THRESHOLD_PERCENT,
      triggers: i.triggers ?? DEFAULT_TRIGGERS,
    };
  const v = validateBundle({ settings });
  if (!v.ok) {
    const first = v.issues[0];
    const field = fieldOf(first?.column, positions);
    return failure('invalid-data', `${field}: ${first?.reason ?? 'invalid'}`, { field, issues: v.issues });
  }
  const next: Organisation = v.bundle.organisation;
  const reason = i.reason?.trim() || 'base year and entity dates';
  const out = await i.ws.writeOrganisation(next, i.version, i.caller.label, reason);
  if (!out.ok)
    return failure(
      'stale-version',
      `the settings changed meanwhile (workspace version ${out.current}, not ${i.version}); reload`,
      {
        field: 'version',
      },
    );
  return readBaseYear(i.ws, i.caller);
}
