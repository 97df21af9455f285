/**
 * Findings' work state in the store (022-finding-work.sql; docs/checks.md "Findings as work
 * items"), on PGlite and PostgreSQL: versions numbered 1, 2, 3… per finding, append-only, the
 * constraints as the last guard (an accepted row needs its reason, digest and who; a resolve
 * needs since_revision), and on PostgreSQL two servers changing one finding at once append one
 * version each (the advisory lock), never the same version twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.js';
import {
  changeFindingWork,
  currentFindingWork,
  findingWorkHistory,
  lastFindingRun,
  type StoredFindingEvent,
} from './finding-work.js';
import { migrate } from './migrate.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

const AT = '2026-12-07T02:00:00.000Z';
const ID = 'f-00000000000000a1';
type Backend = { store: Store; second: Store | undefined; close: () => Promise<void> };
const backends: [string, () => Promise<Backend>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-finding-work-store-'));
      const store = await openPgliteStore(dir);
      await migrate(store, AT);
      return {
        store,
        second: undefined,
        close: async () => {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url);
      await migrate(store, AT);
      const second = await openPostgresStore(db.url);
      return {
        store,
        second,
        close: async () => {
          await second.close();
          await store.close();
          await db.drop();
        },
      };
    },
  ],
];

const event = (
  version: number,
  over: Partial<StoredFindingEvent> = {},
): Omit<StoredFindingEvent, 'at' | 'acceptedAt'> => ({
  findingId: ID,
  version,
  event: version === 1 ? 'seen' : 'assign',
  state: 'open',
  entityId: 'smelter',
  assignee: null,
  assigneeLabel: null,
  reason: null,
  inputsDigest: null,
  acceptedBy: null,
  acceptedActor: null,
  revision: 3,
  sinceRevision: null,
  userId: 'checker',
  actor: 'the checker',
  finding: { id: ID, ruleId: 'year-on-year' },
  ...over,
});

describe.each(backends)('finding work records on %s', (_name, open) => {
  let b: Backend;
  beforeAll(async () => {
    b = await open();
  }, 60_000);
  afterAll(async () => b?.close());

  it('appends versions, keeps the acceptance time, records runs, reads the current row', async () => {
    await changeFindingWork(b.store, AT, () => ({
      events: [event(1)],
      run: { revision: 3, findings: 1 },
      value: 0,
    }));
    await changeFindingWork(b.store, '2026-12-07T02:01:00.000Z', (current) => {
      expect(current.get(ID)?.version).toBe(1);
      return {
        events: [
          event(2, {
            event: 'accept',
            state: 'accepted',
            reason: 'immaterial',
            inputsDigest: 'd-0000000000000001',
            acceptedBy: 'u1',
            acceptedActor: 'Ada',
            userId: 'u1',
            actor: 'Ada',
          }),
          event(3, {
            state: 'accepted',
            assignee: 'u2',
            assigneeLabel: 'Bo',
            reason: 'immaterial',
            inputsDigest: 'd-0000000000000001',
            acceptedBy: 'u1',
            acceptedActor: 'Ada',
          }),
        ],
        audit: {
          actor: 'Ada',
          action: 'finding-accept',
          subject: `finding ${ID}`,
          after: {},
          reason: 'immaterial',
        },
        value: 0,
      };
    });
    const [cur] = await currentFindingWork(b.store);
    expect(cur).toMatchObject({
      version: 3,
      state: 'accepted',
      assignee: 'u2',
      acceptedAt: '2026-12-07T02:01:00.000Z',
    });
    expect(cur?.finding).toEqual({ id: ID, ruleId: 'year-on-year' });
    expect((await findingWorkHistory(b.store, ID)).map((r) => r.event)).toEqual(['seen', 'accept', 'assign']);
    expect(await lastFindingRun(b.store)).toBe(3);
  });

  it('refuses a version that is not the next one, and changes nothing', async () => {
    await expect(changeFindingWork(b.store, AT, () => ({ events: [event(3)], value: 0 }))).rejects.toThrow(
      /version 3 after 3/,
    );
    expect((await findingWorkHistory(b.store, ID)).length).toBe(3);
  });

  it('is append-only, and the constraints guard the states', async () => {
    await expect(b.store.query('update finding_event set reason = null')).rejects.toThrow();
    await expect(b.store.query('delete from finding_run')).rejects.toThrow();
    // accepted without a reason
    await expect(
      changeFindingWork(b.store, AT, () => ({ events: [event(4, { state: 'accepted' })], value: 0 })),
    ).rejects.toThrow();
    // resolve without since_revision
    await expect(
      changeFindingWork(b.store, AT, () => ({
        events: [event(4, { event: 'resolve', state: 'resolved' })],
        value: 0,
      })),
    ).rejects.toThrow();
    expect((await findingWorkHistory(b.store, ID)).length).toBe(3);
  });

  it('two servers changing one finding at once append one version each', async () => {
    const second = b.second;
    if (!second) return; // PGlite is one process: nobody else writes
    const assign = (store: Store, who: string) =>
      changeFindingWork(store, AT, (current) => {
        const v = (current.get(ID)?.version ?? 0) + 1;
        return {
          events: [
            event(v, {
              state: 'accepted',
              assignee: who,
              assigneeLabel: who,
              reason: 'immaterial',
              inputsDigest: 'd-0000000000000001',
              acceptedBy: 'u1',
              acceptedActor: 'Ada',
            }),
          ],
          value: v,
        };
      });
    const got = await Promise.all([
      assign(b.store, 'a'),
      assign(second, 'b'),
      assign(b.store, 'c'),
      assign(second, 'd'),
    ]);
    expect([...got].sort()).toEqual([4, 5, 6, 7]);
    expect((await findingWorkHistory(b.store, ID)).map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
