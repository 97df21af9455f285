/**
 * An unexpected failure (here a database whose audit table was dropped behind Assay's back) is
 * one line naming the command and the cause, exit 3, and no stack trace: before, main rethrew
 * and Node printed the stack with library internals (issue #14, item 12).
 */

import { createTestDatabase, type TestDatabase } from '@assay/store/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './command.js';
import { main } from './main.js';

let db: TestDatabase;
const saved = process.env.DATABASE_URL;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const out: string[] = [];
  expect(await main(['db', 'migrate'], { out: (t) => out.push(t), err: (t) => out.push(t) })).toBe(0);
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  await c.query('drop table audit_log cascade');
  await c.end();
});
afterAll(async () => {
  process.env.DATABASE_URL = saved;
  if (saved === undefined) delete process.env.DATABASE_URL;
  await db?.drop();
});

describe('an internal error', () => {
  it('is one message with exit 3, without a stack trace', async () => {
    const lines: string[] = [];
    const code = await main(['audit', 'verify'], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    const text = lines.join('\n');
    expect(code).toBe(EXIT.internal);
    expect(text).toMatch(/^assay audit: internal error: .*audit_log/);
    expect(text).not.toMatch(/\n\s+at /); // no stack frames
    expect(text).toContain('ASSAY_DEBUG=1');
  });
});
