/**
 * `assay check` over the store ignores findings accepted with a reason (docs/checks.md
 * "Findings as work items"; docs/cli.md): examples/minimal raises organisation-wide errors
 * (mandatory disclosures missing), so --fail-on error exits 1; once every error is accepted it
 * exits 0 over the store, the JSON names them, and the same data as a folder (no work state)
 * still exits 1. An acceptance whose inputs changed no longer counts (the finding reopened).
 */
import { fileURLToPath } from 'node:url';
import { applyFindingAction, evaluateFindingWork, StoreWorkspace } from '@assay/app';
import { loadBundle } from '@assay/io';
import { openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
let db: TestDatabase;
let store: Store;
const saved = process.env.DATABASE_URL;

async function assay(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  expect((await assay('import', MINIMAL, '--author', 'tester')).code).toBe(0);
  store = await openPostgresStore(db.url);
}, 60_000);
afterAll(async () => {
  process.env.DATABASE_URL = saved;
  if (saved === undefined) delete process.env.DATABASE_URL;
  await db?.drop();
});

describe('assay check and accepted findings', () => {
  it('does not count accepted findings towards --fail-on over the store; a folder has no work state', async () => {
    const before = await assay('check', '--fail-on', 'error', '--format', 'json');
    expect(before.code).toBe(1);
    const json = JSON.parse(before.out) as {
      findings: { id: string; severity: string }[];
      accepted: string[];
    };
    expect(json.accepted).toEqual([]);
    const errors = json.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);

    // The ESG lead accepts every error (through the workspace's records, as the API does).
    const loaded = await loadBundle(MINIMAL);
    if (!loaded.ok) throw new Error('minimal');
    const opened = await StoreWorkspace.open(store, loaded.bundle);
    if (!opened.ok) throw new Error(opened.reason);
    const ws = opened.workspace;
    const { live, revision } = await evaluateFindingWork(ws);
    for (const f of errors) {
      const l = live.get(f.id);
      if (!l) throw new Error(`${f.id} is not raised`);
      const r = await applyFindingAction(
        ws.findingWork,
        l,
        { kind: 'accept', reason: 'reported next year' },
        { userId: 'lead', actor: 'ESG lead' },
        revision,
      );
      expect(r.ok).toBe(true);
    }
    await ws.close(); // closes the store too

    const after = await assay('check', '--fail-on', 'error', '--format', 'json');
    expect(after.code).toBe(0);
    expect((JSON.parse(after.out) as { accepted: string[] }).accepted).toEqual(
      errors.map((f) => f.id).sort(),
    );
    const table = await assay('check', '--fail-on', 'error');
    expect(table.code).toBe(0);
    expect(table.out).toContain(`${errors.length} accepted with a reason (not counted by --fail-on)`);
    expect(table.out).toContain('error (accepted)');
    // Warnings are not accepted: --fail-on warning still fails.
    expect((await assay('check', '--fail-on', 'warning')).code).toBe(1);
    // The folder: no work state, every finding counts.
    const folder = await assay('check', MINIMAL, '--fail-on', 'error', '--format', 'json');
    expect(folder.code).toBe(1);
    expect(JSON.parse(folder.out)).toHaveProperty('accepted', []);
  }, 120_000);
});
