/**
 * `assay serve` with e-mail (docs/workflow.md, "Notifications and reminders"): ASSAY_SMTP_URL
 * pointing at a real SMTP server run inside the test, a PGlite store with two accounts; a
 * preparer submits over HTTP and the reviewer's e-mail arrives, sent by the server after the
 * transition's answer. The log says once how notifications go out; a bad setting names its
 * variable and nothing is served (exit 2).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser, grantRole } from '@assay/app/access';
import { type SmtpCapture, startSmtpCapture } from '@assay/app/testing';
import { migrate, openPgliteStore } from '@assay/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../command.js';
import { startOn } from './serve.js';

const BUNDLE = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'minimal');
const VARS = [
  'ASSAY_DATA_DIR',
  'DATABASE_URL',
  'ASSAY_SMTP_URL',
  'ASSAY_MAIL_FROM',
  'ASSAY_BASE_URL',
] as const;
const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
let dir: string;
let smtp: SmtpCapture;

function capture(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (t) => lines.push(t), err: (t) => lines.push(t) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-serve-mail-'));
  for (const k of VARS) delete process.env[k];
  process.env.ASSAY_DATA_DIR = dir;
  smtp = await startSmtpCapture();
  const store = await openPgliteStore(dir);
  try {
    await migrate(store, new Date().toISOString());
    for (const [name, role, entityId] of [
      ['ann', 'preparer', 'smelter'],
      ['rita', 'reviewer', 'group'],
    ] as const) {
      const u = await addUser(
        store,
        { email: `${name}@example.com`, name, password: 'serve mail password' },
        new Date(),
      );
      if (!u.ok) throw new Error(u.message);
      await grantRole(store, { userId: u.id, role, entityId, grantedBy: 'test' }, new Date());
    }
  } finally {
    await store.close();
  }
}, 60_000);
afterAll(async () => {
  for (const k of VARS)
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  await smtp?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('assay serve with e-mail', () => {
  it('refuses a bad SMTP setting, naming the variable (exit 2)', async () => {
    process.env.ASSAY_SMTP_URL = smtp.url;
    process.env.ASSAY_MAIL_FROM = 'not an address';
    const io = capture();
    expect(await startOn(BUNDLE, 0, io, false)).toBe(2);
    expect(io.lines).toContain(
      'assay: ASSAY_MAIL_FROM: "not an address" is not an address ("Assay <assay@example.com>")',
    );
    delete process.env.ASSAY_MAIL_FROM;
  });

  it('mails the reviewer when a preparer submits over HTTP, and says so once in the log', async () => {
    process.env.ASSAY_SMTP_URL = smtp.url;
    const io = capture();
    const s = await startOn(BUNDLE, 0, io, false);
    if (typeof s === 'number') throw new Error(`expected a server: ${io.lines.join('\n')}`);
    try {
      expect(io.lines.filter((l) => l.startsWith('e-mail:'))).toEqual([
        `e-mail: notifications are also mailed through ${smtp.url} from Assay <assay@localhost>`,
      ]);
      const signIn = await fetch(`${s.url}api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ann@example.com', password: 'serve mail password' }),
      });
      const cookie = /assay_session=([^;]*)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
      expect(signIn.status).toBe(204);
      const submit = await fetch(`${s.url}api/workflow/smelter/2025/employment/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `assay_session=${cookie}` },
        body: JSON.stringify({ version: 0 }),
      });
      expect(submit.status).toBe(200);
      const [mail] = await smtp.waitFor(1);
      expect(mail?.to).toEqual(['rita@example.com']);
      expect(mail?.subject).toBe('[Assay] Submitted for your review: Demo Smelter · 2025 · Employment');
    } finally {
      await s.close();
    }
  }, 60_000);

  it('says once that notifications are in-app only without ASSAY_SMTP_URL', async () => {
    delete process.env.ASSAY_SMTP_URL;
    const io = capture();
    const s = await startOn(BUNDLE, 0, io, false);
    if (typeof s === 'number') throw new Error('expected a server');
    await s.close();
    expect(io.lines.filter((l) => l.startsWith('e-mail:'))).toEqual([
      'e-mail: ASSAY_SMTP_URL is not set, so notifications are in-app only',
    ]);
  }, 60_000);
});
