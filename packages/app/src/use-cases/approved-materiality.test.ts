/**
 * The approved topic list drives completeness (issue #18; docs/frameworks.md "Materiality and
 * completeness"), in memory and over the store (PGlite and PostgreSQL): the demo opened from its
 * folder carries its approval (materiality.yaml); approving a list without emissions and
 * employment turns HKEX A1.1, B1.2 and B3.2 from missing into explained, in the disclosure status
 * and in the report model's content index, and changes nothing else.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletenessReport } from '@assay/core';
import { migrate, openPgliteStore, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../open-workspace.js';
import type { Workspace } from '../workspace/workspace.js';
import { approvedMateriality } from './approved-materiality.js';
import { completeness, presentCompleteness } from './disclosure-status.js';
import { checkResult } from './findings.js';
import { loadSource } from './load-source.js';
import { approveTopics } from './materiality.js';
import { workspaceReport } from './render-report.js';

const root = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'xinxin-2025');
const at = () => '2026-03-01T00:00:00.000Z';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function opened(store?: Store): Promise<Workspace> {
  const o = await openWorkspace(root, store);
  if (!o.ok) throw new Error(JSON.stringify(o.issues));
  cleanups.push(() => o.workspace.close());
  return o.workspace;
}

const impls: [string, () => Promise<Workspace>][] = [
  ['memory', () => opened()],
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-approved-materiality-'));
      const store = await openPgliteStore(join(dir, 'store'));
      await migrate(store, at());
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      return opened(store);
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url);
      await migrate(store, at());
      cleanups.push(() => db.drop());
      return opened(store);
    },
  ],
];

const counts = (rs: readonly CompletenessReport[]) =>
  Object.fromEntries(rs.map((r) => [r.framework, presentCompleteness(r).counts]));
const statuses = (r: CompletenessReport | undefined) =>
  new Map(r?.provisions.map((p) => [p.provision.code, p.status]));
/** The demo's topics less emissions (A1) and employment (B1, B3, B4). */
const NARROWER = [
  'corporate-governance',
  'climate-change',
  'tailings-biodiversity',
  'health-safety',
  'product-quality',
];

describe.each(impls)('the approved topic list drives completeness on %s', (_name, open) => {
  it('explains the omissions of aspects the approval leaves out, in the status and the content index', async () => {
    const ws = await open();
    const s = ws.snapshot();
    const demo = await approvedMateriality(ws);
    expect(demo).toMatchObject({
      surveyId: 'xinxin-2025',
      approvedOn: '2026-01-20',
      approvedBy: '李文（示範）',
    });
    expect(demo?.assessedAspects).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
      'B6',
      'B7',
      'B8',
    ]);
    // the demo discloses every aspect it found not material (A2, B5, B7, B8): no status moves,
    // its 10 missing HKEX provisions are each named as required by the approved list
    const none = completeness(s);
    const withDemo = completeness(s, demo);
    expect(counts(withDemo)).toEqual(counts(none));
    const hkex = withDemo.find((r) => r.framework === 'hkex');
    const required = hkex?.findings.filter((f) => f.code === 'material-missing') ?? [];
    expect(required).toHaveLength(presentCompleteness(hkex as CompletenessReport).counts.missing);

    const state = await ws.materiality.state('xinxin-2025');
    const out = await approveTopics({
      ws,
      surveyId: 'xinxin-2025',
      topicIds: NARROWER,
      approvedBy: 'Test approver',
      approvedOn: '2026-02-01',
      ...(state?.approval ? { version: state.approval.version } : {}),
    });
    expect(out.ok).toBe(true);
    const narrower = await approvedMateriality(ws);
    expect(narrower?.approvedOn).toBe('2026-02-01');
    const after = completeness(ws.snapshot(), narrower);
    const before = statuses(none.find((r) => r.framework === 'hkex'));
    const now = statuses(after.find((r) => r.framework === 'hkex'));
    const changed = [...now].filter(([code, st]) => before.get(code) !== st);
    expect(changed).toEqual([
      ['A1.1', 'explained'],
      ['B1.2', 'explained'],
      ['B3.2', 'explained'],
    ]);
    expect(changed.every(([code]) => before.get(code) === 'missing')).toBe(true);
    // only HKEX's aspects are assessed: the other frameworks keep their counts
    for (const r of after)
      if (r.framework !== 'hkex') expect(presentCompleteness(r).counts).toEqual(counts(none)[r.framework]);
    const row = presentCompleteness(
      after.find((r) => r.framework === 'hkex') as CompletenessReport,
    ).provisions.find((p) => p.code === 'B1.2');
    expect(row?.explanation).toEqual({
      en: 'Not material under the materiality assessment approved on 2026-02-01: aspect B1 is not among the approved material topics, so it is not reported.',
      'zh-Hant': '根據於2026-02-01審批的重要性評估，層面B1不屬經審批的重要議題，故不作匯報。',
    });

    // the report model's content index reads the same approval
    const { model } = await workspaceReport(ws);
    const index = model.contentIndex.filter((r) => r.framework === 'hkex');
    for (const code of ['A1.1', 'B1.2', 'B3.2'])
      expect(index.find((r) => r.code === code)).toMatchObject({
        status: 'explained',
        explanation: { en: expect.stringContaining('approved on 2026-02-01') },
      });
    // the checker's completeness warnings: those of the explained rows are gone, errors unchanged
    const coe = (m?: typeof narrower) =>
      checkResult(ws.snapshot(), m)
        .findings.filter((f) => f.code === 'comply-or-explain-missing')
        .map((f) => f.where.section);
    expect(coe()).toContain('hkex:B1.2');
    expect(coe(narrower)).not.toContain('hkex:B1.2');
    expect(checkResult(ws.snapshot(), narrower).summary.bySeverity.error).toBe(
      checkResult(ws.snapshot()).summary.bySeverity.error,
    );
  });
});

describe('a reading command over the folder', () => {
  it('reads the approval from materiality.yaml, as a server started from the folder does', async () => {
    const loaded = await loadSource({ folder: root });
    if (!loaded.ok) throw new Error('the demo should load');
    const fromFolder = await approvedMateriality({ ...loaded, snapshot: () => loaded.snapshot });
    const ws = await opened();
    expect(fromFolder).toEqual(await approvedMateriality(ws));
    expect(completeness(loaded.snapshot, fromFolder).map(presentCompleteness)).toEqual(
      completeness(ws.snapshot(), await approvedMateriality(ws)).map(presentCompleteness),
    );
  });
});
