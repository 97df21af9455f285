/**
 * Model-based test of evidence links (evidence-links.ts, migrations 014 and 016) on PGlite and
 * PostgreSQL: random uploads of a few files under a few names to data points and activity lines
 * (some sharing an id across the two kinds) by two entities, against a plain reference model:
 * the set of files by SHA-256, the set of links keyed by (kind, id, file, name), and one audit
 * entry per new file and per new link. After every command the store's lists of a fact and of a
 * file, its row counts and its audit chain must agree with the model.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.js';
import { auditEntries, verifyAudit } from './audit.js';
import { attachEvidence, type EvidenceTargetKind, evidenceOf, linksOfEvidence } from './evidence-links.js';
import { migrate } from './migrate.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

const FILES = ['%PDF-1.4 a', '%PDF-1.4 b', 'site,kWh\n1,2\n'].map((t) => new TextEncoder().encode(t));
const NAMES = ['bill.pdf', '電費單.pdf'];
const IDS = ['d1', 'e1', 'hc-s-m'];
const KINDS: EvidenceTargetKind[] = ['data-point', 'activity-line'];
const ENTITY_OF: Record<string, string> = { d1: 'smelter', e1: 'mine', 'hc-s-m': 'smelter' };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

type Model = { files: Set<string>; links: string[]; audit: number };
type Real = { store: Store };

class Attach implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly kind: EvidenceTargetKind,
    readonly id: string,
    readonly file: number,
    readonly name: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const bytes = FILES[this.file] as Uint8Array;
    const fileName = NAMES[this.name] as string;
    const key = `${this.kind}|${this.id}|${sha(bytes)}|${fileName}`;
    const out = await attachEvidence(r.store, {
      bytes,
      mediaType: this.file === 2 ? 'text/csv' : 'application/pdf',
      fileName,
      target: { kind: this.kind, id: this.id },
      entityId: ENTITY_OF[this.id] as string,
      uploadedBy: 'model',
      at: '2026-03-01T00:00:00.000Z',
    });
    const fileIsNew = !m.files.has(sha(bytes));
    const linkIsNew = !m.links.includes(key);
    expect(out).toEqual({ sha256: sha(bytes), fileIsNew, linkIsNew });
    m.files.add(sha(bytes));
    if (linkIsNew) m.links.push(key);
    m.audit += Number(fileIsNew) + Number(linkIsNew);
    // The fact's list: its links in the order they were made.
    const listed = await evidenceOf(r.store, { kind: this.kind, id: this.id }, ENTITY_OF[this.id] as string);
    expect(listed.map((l) => `${l.target.kind}|${l.target.id}|${l.sha256}|${l.fileName}`)).toEqual(
      m.links.filter((k) => k.startsWith(`${this.kind}|${this.id}|`)),
    );
    const ofFile = await linksOfEvidence(r.store, sha(bytes));
    expect(ofFile.map((l) => `${l.target.kind}|${l.target.id}|${l.sha256}|${l.fileName}`)).toEqual(
      m.links.filter((k) => k.includes(`|${sha(bytes)}|`)),
    );
    const [counts] = await r.store.query<{ files: number; links: number }>(
      'select (select count(*)::int from evidence_file) as files, (select count(*)::int from evidence_link) as links',
    );
    expect(counts).toEqual({ files: m.files.size, links: m.links.length });
    expect(await auditEntries(r.store)).toBe(m.audit);
  }
  toString = () => `attach(${this.kind} ${this.id}, file ${this.file}, ${NAMES[this.name]})`;
}

/** The model of what a store holds now: its files, its links in the order made, its audit entries. */
async function modelOf(store: Store): Promise<Model> {
  const files = await store.query<{ sha256: string }>('select sha256 from evidence_file');
  const links = await store.query<{ key: string }>(
    `select fact_kind || '|' || fact_id || '|' || sha256 || '|' || file_name as key from evidence_link order by id`,
  );
  return {
    files: new Set(files.map((f) => f.sha256)),
    links: links.map((l) => l.key),
    audit: await auditEntries(store),
  };
}

const commands = [
  fc
    .tuple(
      fc.constantFrom(...KINDS),
      fc.constantFrom(...IDS),
      fc.integer({ min: 0, max: FILES.length - 1 }),
      fc.integer({ min: 0, max: NAMES.length - 1 }),
    )
    .map(([k, id, f, n]) => new Attach(k, id, f, n)),
];

const STORES: [string, () => Promise<{ store: Store; cleanup: () => Promise<void> }>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-evidence-model-'));
      const store = await openPgliteStore(dir);
      return { store, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url);
      return { store, cleanup: db.drop };
    },
  ],
];

describe.each(STORES)('evidence links against a reference model: %s', (_name, open) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await open());
    await migrate(store, '2026-03-01T00:00:00.000Z');
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await cleanup?.();
  });

  it('agrees after every upload; the audit chain stays intact', async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        // Tables are append-only: each run starts from what the runs before it left, read back.
        const model = await modelOf(store);
        await fc.asyncModelRun(() => ({ model, real: { store } }), cmds);
        steps += [...cmds].length;
        expect(await verifyAudit(store)).toMatchObject({ ok: true });
      }),
      { numRuns: 12 },
    );
    expect(steps).toBeGreaterThan(0);
  }, 240_000);
});
