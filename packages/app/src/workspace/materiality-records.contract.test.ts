/**
 * The materiality records (issue #18; materiality-records.ts) under one contract on memory,
 * PGlite and PostgreSQL (025-materiality.sql): the use cases' writes (build, respond, change
 * with its version, stale 412, exists 409, a survey's topics fixed once answered, import,
 * approve), history, the audit entries and the append-only tables. A model-based test (fast-
 * check) runs random command sequences on the memory records and a store and compares them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MaterialitySurvey, SurveyResponse } from '@assay/core';
import { migrate, openPgliteStore, openPostgresStore, type Store } from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  approveTopics,
  materialityHistory,
  respond,
  respondForm,
  surveyView,
  withdrawResponse,
  writeSurvey,
} from '../use-cases/materiality.js';
import type { MaterialityChange, MaterialityRecords } from './materiality-records.js';
import { MemoryMateriality } from './memory-materiality.js';
import { StoreMateriality } from './store-materiality.js';

vi.setConfig({ testTimeout: 120_000 });
const at = () => '2026-03-01T00:00:00.000Z';
const t = (en: string) => ({ en, 'zh-Hant': `${en}（中）` });
export const SURVEY: MaterialitySurvey = {
  id: 's2025',
  title: t('Survey'),
  year: '2025',
  doubleMateriality: true,
  threshold: '3.5',
  groups: [
    { id: 'investors', name: t('Investors'), weight: '2' },
    { id: 'staff', name: t('Staff'), weight: '1' },
  ],
  topics: [
    { id: 'energy', name: t('Energy'), category: 'environmental', hkex: ['A2'] },
    { id: 'safety', name: t('Safety'), category: 'social', hkex: ['B2'] },
  ],
};
const scores = (e: number, s: number) => [
  { topicId: 'energy', financial: e, impact: e },
  { topicId: 'safety', financial: s, impact: s },
];

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});
async function pglite(): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-materiality-'));
  const store = await openPgliteStore(dir);
  await migrate(store, at());
  cleanups.push(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return store;
}
async function postgres(): Promise<Store> {
  const db = await createTestDatabase();
  const store = await openPostgresStore(db.url);
  await migrate(store, at());
  cleanups.push(async () => {
    await store.close();
    await db.drop();
  });
  return store;
}

const impls: [string, () => Promise<{ records: MaterialityRecords; store?: Store }>][] = [
  ['memory', async () => ({ records: new MemoryMateriality(at) })],
  [
    'PGlite',
    async () => {
      const store = await pglite();
      return { records: new StoreMateriality(store, at), store };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const store = await postgres();
      return { records: new StoreMateriality(store, at), store };
    },
  ],
];

describe.each(impls)('materiality records: %s', (_name, open) => {
  it('builds, answers, refuses stale and answered changes, approves, keeps history and audit', async () => {
    const { records, store } = await open();
    const ws = { materiality: records };
    expect(await writeSurvey({ ws, survey: SURVEY, author: 'lead' })).toEqual({
      ok: true,
      value: { id: 's2025', version: 1 },
    });
    const again = await writeSurvey({ ws, survey: SURVEY, author: 'lead' });
    expect(again.ok || again.error.code).toBe('conflict');
    // before any answer the topics may change
    const three = { ...SURVEY, threshold: '3' };
    expect(await writeSurvey({ ws, survey: three, version: 1, author: 'lead' })).toMatchObject({
      value: { version: 2 },
    });
    const stale = await writeSurvey({ ws, survey: SURVEY, version: 1, author: 'other' });
    expect(stale.ok || stale.error.code).toBe('stale-version');

    const r1 = await respond({
      ws,
      surveyId: 's2025',
      userId: 'u-ann',
      groupId: 'investors',
      scores: scores(5, 1),
    });
    expect(r1).toEqual({ ok: true, value: { id: 'user-u-ann', version: 1 } });
    await respond({ ws, surveyId: 's2025', userId: 'u-bob', groupId: 'staff', scores: scores(2, 4) });
    const twice = await respond({
      ws,
      surveyId: 's2025',
      userId: 'u-ann',
      groupId: 'investors',
      scores: scores(5, 1),
    });
    expect(twice.ok || twice.error.code).toBe('conflict');
    const changed = await respond({
      ws,
      surveyId: 's2025',
      userId: 'u-ann',
      groupId: 'investors',
      scores: scores(4, 1),
      version: 1,
    });
    expect(changed).toMatchObject({ ok: true, value: { version: 2 } });
    const staleAnswer = await respond({
      ws,
      surveyId: 's2025',
      userId: 'u-ann',
      groupId: 'investors',
      scores: scores(3, 1),
      version: 1,
    });
    expect(staleAnswer.ok || staleAnswer.error.code).toBe('stale-version');
    const bad = await respond({ ws, surveyId: 's2025', userId: 'u-cy', groupId: 'x', scores: [] });
    expect(bad.ok || bad.error.issues?.map((i) => i.column)).toEqual([
      'groupId',
      'scores.energy',
      'scores.safety',
    ]);
    // answered: topics fixed; the threshold may still change
    const moreTopics = {
      ...three,
      topics: [...three.topics, { ...SURVEY.topics[0], id: 'water' }],
    } as MaterialitySurvey;
    const fixed = await writeSurvey({ ws, survey: moreTopics, version: 2, author: 'lead' });
    expect(fixed.ok || fixed.error.code).toBe('conflict');
    expect(await writeSurvey({ ws, survey: SURVEY, version: 2, author: 'lead' })).toMatchObject({
      value: { version: 3 },
    });

    const form = await respondForm({ ws, id: 's2025', userId: 'u-ann' });
    expect(form.ok && form.value.response?.version).toBe(2);
    // energy: investors 4 (w 2), staff 2 (w 1) → (8 + 2)/3 = 3.33; safety (2 + 4)/3 = 2
    const view = await surveyView({ ws, id: 's2025' });
    expect(view.ok && view.value.matrix.points.map((p) => [p.topic.id, p.financial, p.impact])).toEqual([
      ['energy', '3.33', '3.33'],
      ['safety', '2.00', '2.00'],
    ]);
    const approved = await approveTopics({
      ws,
      surveyId: 's2025',
      topicIds: ['energy'],
      approvedBy: 'lead',
      approvedOn: '2026-03-01',
    });
    expect(approved).toEqual({ ok: true, value: { surveyId: 's2025', version: 1 } });
    const staleApproval = await approveTopics({
      ws,
      surveyId: 's2025',
      topicIds: ['energy', 'safety'],
      approvedBy: 'lead',
      approvedOn: '2026-03-02',
    });
    expect(staleApproval.ok || staleApproval.error.code).toBe('conflict');
    const after = await surveyView({ ws, id: 's2025' });
    expect(after.ok && after.value.requiredAspects).toEqual(['A2']);
    expect(after.ok && after.value.approval?.value.approvedBy).toBe('lead');

    const w = await withdrawResponse({ ws, surveyId: 's2025', id: 'user-u-bob', version: 1, author: 'lead' });
    expect(w).toEqual({ ok: true, value: { id: 'user-u-bob', version: 2 } });
    const h = await materialityHistory({ ws, kind: 'response', surveyId: 's2025', rowId: 'user-u-bob' });
    expect(h.ok && h.value.map((x) => [x.version, x.body === null, x.author])).toEqual([
      [1, false, 'u-bob'],
      [2, true, 'lead'],
    ]);
    const sh = await materialityHistory({ ws, kind: 'survey', surveyId: 's2025' });
    expect(sh.ok && sh.value.map((x) => x.version)).toEqual([1, 2, 3]);

    if (store) {
      const audit = await store.query<{ action: string; subject: string }>(
        "select action, subject from audit_log where action like 'materiality-%' order by seq",
      );
      expect(audit.map((a) => `${a.action} ${a.subject}`)).toEqual([
        'materiality-survey materiality s2025',
        'materiality-survey materiality s2025',
        'materiality-response materiality s2025/user-u-ann',
        'materiality-response materiality s2025/user-u-bob',
        'materiality-response materiality s2025/user-u-ann',
        'materiality-survey materiality s2025',
        'materiality-approval materiality s2025',
        'materiality-response materiality s2025/user-u-bob',
      ]);
      for (const table of [
        'materiality_survey_revision',
        'materiality_response_revision',
        'materiality_approval_revision',
      ])
        await expect(store.query(`delete from ${table}`)).rejects.toThrow();
    }
  });
});

describe('materiality records: memory and store agree (model-based)', () => {
  const response = (id: string, groupId: string, e: number): SurveyResponse => ({
    id,
    surveyId: 's2025',
    groupId,
    respondent: id,
    scores: scores(e, 6 - e),
  });
  const change: fc.Arbitrary<MaterialityChange> = fc.oneof(
    fc
      .record({
        v: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        th: fc.constantFrom('3', '4'),
      })
      .map(({ v, th }) => ({
        kind: 'put-survey' as const,
        survey: { ...SURVEY, threshold: th },
        expectedVersion: v,
      })),
    fc
      .record({
        id: fc.constantFrom('a', 'b', 'c'),
        g: fc.constantFrom('investors', 'staff'),
        e: fc.integer({ min: 1, max: 5 }),
        v: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      })
      .map(({ id, g, e, v }) => ({
        kind: 'respond' as const,
        response: response(id, g, e),
        expectedVersion: v,
      })),
    fc.record({ id: fc.constantFrom('a', 'b', 'c'), v: fc.integer({ min: 1, max: 4 }) }).map(({ id, v }) => ({
      kind: 'withdraw-response' as const,
      surveyId: 's2025',
      id,
      expectedVersion: v,
    })),
    fc
      .array(fc.record({ id: fc.constantFrom('a', 'b', 'd'), e: fc.integer({ min: 1, max: 5 }) }), {
        maxLength: 3,
      })
      .map((xs) => ({
        kind: 'import-responses' as const,
        surveyId: 's2025',
        responses: [...new Map(xs.map((x) => [x.id, response(x.id, 'staff', x.e)])).values()],
      })),
    fc
      .record({
        v: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        ids: fc.subarray(['energy', 'safety']),
      })
      .map(({ v, ids }) => ({
        kind: 'approve' as const,
        approval: { surveyId: 's2025', topicIds: ids, approvedBy: 'lead', approvedOn: '2026-03-01' },
        expectedVersion: v,
      })),
    fc
      .integer({ min: 1, max: 4 })
      .map((v) => ({ kind: 'retract-survey' as const, id: 's2025', expectedVersion: v })),
  );

  it('gives the same outcomes, state and history for any sequence of changes', async () => {
    const store = await pglite();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
        run += 1;
        // each run its own survey id on the shared store, so runs do not see each other
        const id = `s${run}`;
        const rename = (c: MaterialityChange): MaterialityChange =>
          JSON.parse(JSON.stringify(c).replaceAll('s2025', id));
        const memory = new MemoryMateriality(at);
        const stored = new StoreMateriality(store, at);
        for (const c of changes) {
          const a = await memory.write(rename(c), 'r', 'lead');
          const b = await stored.write(rename(c), 'r', 'lead');
          expect(b).toEqual(a);
        }
        expect(await stored.state(id)).toEqual(await memory.state(id));
        for (const r of ['a', 'b', 'c', 'd'])
          expect(await stored.history('response', id, r)).toEqual(await memory.history('response', id, r));
        expect(await stored.history('approval', id)).toEqual(await memory.history('approval', id));
      }),
      { numRuns: 25 },
    );
  });
});
