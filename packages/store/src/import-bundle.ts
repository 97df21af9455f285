/**
 * Use case: put a validated bundle into the store. Organisation and entities are replaced
 * (old → new in the audit log); catalogue entries, factors and documents get a new revision
 * when they differ; facts go through the bulk path and become new revisions only when new or
 * changed. Importing the same bundle twice changes nothing.
 */
import {
  type Bundle,
  type BundleIssue,
  columnOrder,
  PUBLISHED_COLUMNS,
  serializeBundle,
} from '@assay/core/forms';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import type { AuditNote, FactBatch, ImportResult } from './import-run.js';
import { runImport } from './import-run.js';
import { readSettingsData, type SettingsData, writeSettingsData } from './organisation-rows.js';
import type { ChangeMeta, Sql, Store } from './store.js';

export type ImportOptions = { readonly author: string; readonly reason: string; readonly at?: string };

/**
 * Thrown by importBundle when `heldThrough` is given and another writer committed a change set
 * after it: the bundle was built from a state the database no longer holds, so writing it whole
 * would put back what the other writer changed (a register edit of another server lost). The
 * caller catches up and builds the bundle again. Nothing was written.
 */
export class StoreMovedOnError extends Error {
  constructor(
    readonly heldThrough: number,
    readonly latest: number,
  ) {
    super(`the store moved on from change set ${heldThrough} to ${latest} while this write was prepared`);
  }
}

export const BATCH_ROWS = 5000;

export function* bundleBatches(b: Bundle, file: string): Iterable<FactBatch> {
  const n = Math.max(b.dataPoints.length, b.activityLines.length);
  for (let i = 0; i < n; i += BATCH_ROWS) {
    const dataPoints = b.dataPoints.slice(i, i + BATCH_ROWS);
    const activityLines = b.activityLines.slice(i, i + BATCH_ROWS);
    yield {
      file,
      dataPoints,
      dataPointLines: dataPoints.map((_, k) => i + k + 2),
      activityLines,
      activityLineLines: activityLines.map((_, k) => i + k + 2),
      issues: [],
    };
  }
}

export async function importBundle(
  store: Store,
  bundle: Bundle,
  opts: ImportOptions & {
    readonly subject?: string;
    /**
     * The last change set the bundle's state includes. When given, the write is refused with
     * StoreMovedOnError if any later change set was committed (checked under the writers' lock,
     * so no writer can slip in between the check and this commit).
     */
    readonly heldThrough?: number;
  },
): Promise<ImportResult> {
  const meta: ChangeMeta = {
    author: opts.author,
    reason: opts.reason,
    at: opts.at ?? new Date().toISOString(),
  };
  const raw = serializeBundle(bundle);
  const settings = raw.settings.data as SettingsData;
  const current = await readSettingsData(store);
  const preIssues: BundleIssue[] =
    current && current.organisation.id !== settings.organisation.id
      ? [
          {
            file: raw.settings.file,
            column: 'organisation.id',
            reason: `this store holds organisation "${current.organisation.id}", not "${settings.organisation.id}"; use another data folder or database`,
          },
        ]
      : [];
  return runImport(store, {
    subject: opts.subject ?? `bundle ${settings.organisation.id}`,
    meta,
    batches: () => bundleBatches(bundle, 'bundle'),
    preIssues,
    ...(opts.heldThrough === undefined ? {} : { precondition: refuseIfMovedOn(opts.heldThrough) }),
    other: async (tx, changeSet) => {
      const audit: AuditNote[] = [];
      let count = 0;
      if (canonicalJson(current) !== canonicalJson(settings)) {
        await writeSettingsData(tx, settings);
        audit.push({
          action: 'set-organisation',
          subject: settings.organisation.id,
          before: current ?? null,
          after: settings,
        });
        count++;
      }
      for (const i of bundle.indicators) count += await reviseCatalogue(tx, changeSet, i.id, i);
      for (const f of bundle.factors) count += await reviseFactor(tx, changeSet, f);
      const published = raw.published ?? { header: [], rows: [] };
      const docs = {
        registers: bundle.registers,
        narrative: { sections: bundle.narrative },
        published: { header: published.header, rows: published.rows.map((r) => r.cells) },
      };
      for (const [kind, body] of Object.entries(docs))
        count += await reviseDocument(tx, changeSet, kind, body);
      return { count, audit };
    },
  });
}

function refuseIfMovedOn(heldThrough: number) {
  return async (tx: Sql): Promise<void> => {
    const [row] = await tx.query<{ latest: string | null }>('select max(id)::text as latest from change_set');
    const latest = Number(row?.latest ?? 0);
    if (latest > heldThrough) throw new StoreMovedOnError(heldThrough, latest);
  };
}

async function reviseCatalogue(tx: Sql, changeSet: number, id: string, def: unknown): Promise<number> {
  const [cur] = await tx.query<{ rev: number; definition: unknown }>(
    'select rev, definition from catalogue_entry where id = $1 order by rev desc limit 1',
    [id],
  );
  if (cur && canonicalJson(cur.definition) === canonicalJson(def)) return 0;
  await tx.query(
    'insert into catalogue_entry (id, rev, definition, change_set) values ($1, $2, $3::jsonb, $4)',
    [id, (cur?.rev ?? 0) + 1, JSON.stringify(def), changeSet],
  );
  return 1;
}

async function reviseFactor(
  tx: Sql,
  changeSet: number,
  f: { id: string; value: string; unit: string; status: string },
): Promise<number> {
  const [cur] = await tx.query<{ version: number; record: unknown }>(
    'select version, record from factor_version where id = $1 order by version desc limit 1',
    [f.id],
  );
  if (cur && canonicalJson(cur.record) === canonicalJson(f)) return 0;
  await tx.query(
    'insert into factor_version (id, version, value, unit, status, record, change_set) values ($1, $2, $3, $4, $5, $6::jsonb, $7)',
    [f.id, (cur?.version ?? 0) + 1, f.value, f.unit, f.status, JSON.stringify(f), changeSet],
  );
  return 1;
}

async function reviseDocument(tx: Sql, changeSet: number, kind: string, body: unknown): Promise<number> {
  const hash = sha256Hex(canonicalJson(body));
  const [cur] = await tx.query<{ rev: number; content_hash: string }>(
    'select rev, content_hash from document_revision where kind = $1 order by rev desc limit 1',
    [kind],
  );
  if (cur?.content_hash === hash) return 0;
  if (!cur && canonicalJson(body) === canonicalJson(EMPTY[kind])) return 0;
  await tx.query(
    'insert into document_revision (kind, rev, body, content_hash, change_set) values ($1, $2, $3::jsonb, $4, $5)',
    [kind, (cur?.rev ?? 0) + 1, JSON.stringify(body), hash, changeSet],
  );
  return 1;
}

const EMPTY: Record<string, unknown> = {
  registers: {
    stakeholders: [],
    materialTopics: [],
    climateRisks: [],
    targets: [],
    policies: [],
    explanations: [],
  },
  narrative: { sections: [] },
  published: { header: columnOrder(PUBLISHED_COLUMNS), rows: [] },
};
