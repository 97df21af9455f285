/**
 * Comment threads in the store (issue #17), on PGlite and PostgreSQL: oldest first per target,
 * replies only to a comment of the same target, append-only, and the length and blank-text
 * constraints as the last guard behind the application's checks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database.js';
import { addComment, commentsOn, type NewComment } from './comments.js';
import { migrate } from './migrate.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

const AT = '2026-02-06T09:00:00.000Z';
const backends: [string, () => Promise<{ store: Store; close: () => Promise<void> }>][] = [
  [
    'PGlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-comments-'));
      const store = await openPgliteStore(dir);
      await migrate(store, AT);
      return {
        store,
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
      return {
        store,
        close: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  ],
];

const note = (targetId: string, text: string, replyTo: string | null = null): NewComment => ({
  targetKind: 'data-point',
  targetId,
  entityId: 'smelter',
  replyTo,
  userId: 'u-rita',
  author: 'Rita <rita@example.com>',
  at: AT,
  text,
});

describe.each(backends)('comments on %s', (_name, open) => {
  let o: { store: Store; close: () => Promise<void> };
  beforeAll(async () => {
    o = await open();
  }, 60_000);
  afterAll(() => o?.close());

  it('keeps a thread per target with replies to the same target only, append-only', async () => {
    const { store } = o;
    const first = await addComment(store, note('d1', 'Where is the diesel invoice?'));
    if (!first.ok) throw new Error('first comment refused');
    expect(first.comment).toEqual({ id: first.comment.id, ...note('d1', 'Where is the diesel invoice?') });
    const reply = await addComment(store, { ...note('d1', '已上載。', first.comment.id), userId: 'u-ann' });
    expect(reply).toMatchObject({ ok: true, comment: { replyTo: first.comment.id, text: '已上載。' } });
    expect(await addComment(store, note('d2', 'wrong thread', first.comment.id))).toEqual({
      ok: false,
      reason: 'reply-not-found',
    });
    expect(await addComment(store, note('d1', 'no such comment', '999999'))).toEqual({
      ok: false,
      reason: 'reply-not-found',
    });
    expect(await addComment(store, note('d1', 'not a number', '1; drop table comment'))).toEqual({
      ok: false,
      reason: 'reply-not-found',
    });
    expect((await commentsOn(store, 'data-point', 'd1')).map((c) => c.text)).toEqual([
      'Where is the diesel invoice?',
      '已上載。',
    ]);
    expect(await commentsOn(store, 'data-point', 'd2')).toEqual([]);
    expect(await commentsOn(store, 'finding', 'd1')).toEqual([]);
    await expect(store.query(`update comment set body = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(store.query('delete from comment')).rejects.toThrow(/append-only/);
  });

  it('refuses blank, over-long and unknown-kind comments in the database as the last guard', async () => {
    const { store } = o;
    await expect(addComment(store, note('d3', '   '))).rejects.toThrow();
    await expect(addComment(store, note('d3', 'x'.repeat(4001)))).rejects.toThrow();
    expect(await addComment(store, note('d3', '字'.repeat(4000)))).toMatchObject({ ok: true });
    await expect(addComment(store, { ...note('d3', 'x'), targetKind: 'figure' })).rejects.toThrow();
  });
});
