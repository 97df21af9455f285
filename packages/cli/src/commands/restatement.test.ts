/**
 * `assay restatement list` against PostgreSQL: after a restatement of the 2025 diesel line
 * (100 → 90 t) is requested, submitted, reviewed and approved in the store, the list names it
 * with its state, reason, old and new value and the revision written; `assay audit verify` is
 * clean; `assay report` from the store carries the note in figures.json.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Actor, type Capability, q, type RestatementEvent, restatementTransition } from '@assay/core';
import { loadBundle } from '@assay/io';
import { applyRestatementEvent, openPostgresStore, requestRestatement } from '@assay/store';
import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

const MINIMAL = fileURLToPath(new URL('../../../../examples/minimal', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-cli-restatement-'));
let db: TestDatabase;
const saved = process.env.DATABASE_URL;

async function assay(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const actor = (id: string, ...can: Capability[]): Actor => ({ id, can: new Set(can) });

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  expect((await assay('import', MINIMAL, '--author', 'tester')).code).toBe(0);
  const loaded = await loadBundle(MINIMAL);
  if (!loaded.ok) throw new Error('examples/minimal should load');
  const d1 = loaded.bundle.activityLines.find((l) => l.id === 'd1');
  if (!d1) throw new Error('no d1');
  const store = await openPostgresStore(db.url);
  try {
    const at = '2026-04-01T09:00:00.000Z';
    const made = await requestRestatement(store, {
      change: 'error-correction',
      reason: 'invoice entered twice',
      items: [
        {
          kind: 'activity-line',
          factId: 'd1',
          factKey: 'd1',
          entityId: 'smelter',
          periodId: '2025',
          old: { rev: 1, value: '100', unit: 't' },
          newValue: '90',
          newUnit: 't',
          fact: { id: 'd1', amount: '90', unit: 't' },
        },
      ],
      userId: 'ann',
      actor: 'ann <ann@example.com>',
      at,
      effect: null,
    });
    if (!made.ok) throw new Error('request refused');
    const steps: [string, RestatementEvent['kind'], Actor][] = [
      ['ann', 'submit', actor('ann', 'prepare')],
      ['rita', 'review', actor('rita', 'review')],
      ['alex', 'approve', actor('alex', 'approve')],
    ];
    for (const [k, [who, kind, a]] of steps.entries()) {
      const out = await applyRestatementEvent(store, {
        id: made.restatement.id,
        expectedVersion: k + 1,
        event: kind,
        comment: null,
        userId: who,
        actor: `${who} <${who}@example.com>`,
        at,
        decide: (state) =>
          restatementTransition(state, kind === 'return' ? { kind, comment: 'x' } : { kind }, a),
        ...(kind === 'approve'
          ? { write: { dataPoints: [], activityLines: [{ ...d1, amount: q('90 t') }], effect: null } }
          : {}),
      });
      if (!out.ok) throw new Error(`${kind}: ${JSON.stringify(out)}`);
    }
  } finally {
    await store.close();
  }
}, 120_000);
afterAll(async () => {
  process.env.DATABASE_URL = saved;
  if (saved === undefined) delete process.env.DATABASE_URL;
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay restatement list', () => {
  it('names each request, its state, reason, old → new and the revision written', async () => {
    const r = await assay('restatement', 'list');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^restatement \d+: approved \(version 4\), error-correction, requested by ann <ann@example.com>/,
    );
    expect(r.out).toContain('  reason: invoice entered twice');
    expect(r.out).toMatch(
      /activity-line d1 \(smelter, 2025\): 100 t \(revision 1\) → 90 t, written as revision 2 in change set \d+/,
    );
    expect(await assay('restatement', 'approve')).toMatchObject({ code: 2 });
  });

  it('audit verify is clean; the report from the store carries the note', async () => {
    expect(await assay('audit', 'verify')).toMatchObject({ code: 0 });
    const out = join(dir, 'report');
    expect((await assay('report', '--out', out, '--format', 'json', '--lang', 'en')).code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'figures.json'), 'utf8'));
    expect(json.restatements.restatements[0]).toMatchObject({
      change: 'error-correction',
      reason: 'invoice entered twice',
      approvedBy: 'alex', // the name only: no e-mail address in a published report
      items: [{ factId: 'd1', before: '100', after: '90', unit: 't' }],
    });
  });
});
