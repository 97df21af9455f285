/**
 * Model-based test of the e-mail outbox (store/notifications/outbox-rows.ts, outbox-deliverer.ts,
 * retry-policy.ts): random sequences of queueing mail (to good addresses and to ones the server
 * refuses), delivery runs, the SMTP server going up, answering 451 (try later) or down
 * (connection refused), time passing, and administrators putting failed mail back in the queue,
 * against a real SMTP server run inside the test (@assay/app/testing) and a real store, PGlite and
 * PostgreSQL. After every step the outbox (state, attempts, next attempt, last error) and what
 * the SMTP server received must match a plain reference model written here: a message is sent
 * once and only once, tried again on the schedule (1, 5, 15, 60, 180, 360, 720 minutes) after a
 * temporary failure, given up after 8 attempts or at once on a 5xx refusal.
 * Fixed seed (ASSAY_OUTBOX_SEED replays another); ASSAY_OUTBOX_RUNS scales the runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createUser,
  enqueueMail,
  insertNotification,
  migrate,
  openPgliteStore,
  openPostgresStore,
  outboxEntries,
  retryFailedMail,
  type Store,
} from '@assay/store';
import { createTestDatabase } from '@assay/store/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpCapture, startSmtpCapture } from '../../test/smtp-capture.js';
import { OutboxDeliverer } from './outbox-deliverer.js';
import { smtpMailer } from './smtp-mailer.js';

const SEED = Number(process.env.ASSAY_OUTBOX_SEED ?? 20_260_220);
const scale = Number(process.env.ASSAY_OUTBOX_RUNS ?? 1);
const START = Date.parse('2026-02-20T01:00:00.000Z');

// ---- the reference model: the retry schedule written out again, independently ----

const WAIT_MINUTES = [1, 5, 15, 60, 180, 360, 720];
type ModelMail = {
  id: string;
  refused: boolean;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAt: number;
  erred: boolean;
};
type Model = { now: number; mode: 'up' | 'temporary' | 'down'; mails: ModelMail[] };

type Step =
  | { kind: 'enqueue'; refused: boolean }
  | { kind: 'deliver' }
  /** Wait until the earliest pending message is due, then deliver (drives retries to their end). */
  | { kind: 'next-due' }
  | { kind: 'mode'; mode: Model['mode'] }
  | { kind: 'wait'; minutes: number }
  | { kind: 'retry'; pick: number }
  /** The server stays in trouble through `rounds` next-due deliveries (drives retries to their end). */
  | { kind: 'outage'; mode: 'temporary' | 'down'; rounds: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('enqueue' as const), refused: fc.boolean() }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'deliver' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'next-due' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('mode' as const),
      mode: fc.constantFrom<Model['mode']>('up', 'up', 'temporary', 'down'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      minutes: fc.constantFrom(0, 1, 2, 5, 15, 59, 60, 200, 721),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), pick: fc.nat(40) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('outage' as const),
      mode: fc.constantFrom<'temporary' | 'down'>('temporary', 'down'),
      rounds: fc.integer({ min: 2, max: 9 }),
    }),
  },
);

/** What one delivery run does in the model. */
function deliverInModel(m: Model): void {
  for (const mail of m.mails) {
    if (mail.state !== 'pending' || mail.nextAt > m.now) continue;
    const before = mail.attempts;
    mail.attempts++;
    if (m.mode === 'up' && !mail.refused) {
      mail.state = 'sent';
      mail.erred = false;
      continue;
    }
    mail.erred = true;
    const permanent = m.mode === 'up' && mail.refused;
    const wait = WAIT_MINUTES[before];
    if (permanent || wait === undefined) mail.state = 'failed';
    else mail.nextAt = m.now + wait * 60_000;
  }
}

// ---- the system ----

type Backend = { store: Store; close: () => Promise<void> };
const backends: [string, number, () => Promise<Backend>][] = [
  [
    'PGlite',
    Math.ceil(20 * scale),
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'assay-outbox-model-'));
      const store = await openPgliteStore(dir);
      await migrate(store, new Date(START).toISOString());
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
    Math.ceil(8 * scale),
    async () => {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url);
      await migrate(store, new Date(START).toISOString());
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

describe.each(backends)('the e-mail outbox against a reference model on %s', (_name, runs, open) => {
  let b: Backend;
  let smtp: SmtpCapture;
  let stepsRun = 0;
  /** Messages given up after the 8th attempt (the schedule's end was reached). */
  const gaveUp = new Set<string>();
  beforeAll(async () => {
    b = await open();
    smtp = await startSmtpCapture();
    await createUser(b.store, {
      id: 'u',
      email: 'u@example.com',
      name: 'U',
      passwordHash: null,
      at: new Date(START).toISOString(),
    });
  }, 60_000);
  afterAll(async () => {
    await smtp?.stop();
    await b?.close();
  });

  it(`${runs} random histories: the outbox and the SMTP server's mail match the model after every step`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 60 }), async (steps) => {
        run++;
        // Each history starts with nothing pending (earlier histories' mail is closed off) and
        // its own clock, far after the previous one's.
        await b.store.query(`update notification_outbox set state = 'failed' where state = 'pending'`);
        const m: Model = { now: START + run * 400 * 86_400_000, mode: 'up', mails: [] };
        smtp.mode = 'up';
        smtp.refuse.clear();
        await smtp.start();
        const received = new Map<string, number>();
        const deliverer = new OutboxDeliverer({
          store: b.store,
          mailer: smtpMailer({ smtpUrl: smtp.url, from: 'assay@example.com' }),
          now: () => new Date(m.now),
        });
        const setMode = async (mode: Model['mode']) => {
          m.mode = mode;
          smtp.mode = mode === 'temporary' ? 'temporary' : 'up';
          if (mode === 'down') await smtp.stop();
          else await smtp.start();
        };
        const deliver = async (waitForNext: boolean) => {
          if (waitForNext) {
            const due = m.mails.filter((x) => x.state === 'pending').map((x) => x.nextAt);
            if (due.length > 0) m.now = Math.max(m.now, Math.min(...due));
          }
          const before = smtp.messages.length;
          await deliverer.deliverDue();
          for (const mail of smtp.messages.slice(before))
            received.set(mail.subject, (received.get(mail.subject) ?? 0) + 1);
          deliverInModel(m);
        };
        try {
          for (const s of steps) {
            stepsRun++;
            switch (s.kind) {
              case 'enqueue': {
                const n = m.mails.length;
                const to = s.refused ? `nobody-${run}-${n}@example.com` : `u-${run}-${n}@example.com`;
                if (s.refused) smtp.refuse.add(to);
                const nid = await insertNotification(b.store, {
                  recipientId: 'u',
                  kind: 'approved',
                  entityId: 'smelter',
                  periodId: '2025',
                  topic: 'energy',
                  unitVersion: 1,
                  assignmentId: null,
                  assignmentLabel: null,
                  dueOn: null,
                  reminderDay: null,
                  actorId: 'a',
                  actor: 'A',
                  comment: null,
                  at: new Date(m.now).toISOString(),
                });
                const id = await enqueueMail(b.store, {
                  notificationId: nid as string,
                  toAddress: to,
                  toName: 'U',
                  language: 'en',
                  subject: `model ${run} ${n}`,
                  body: 'text',
                  at: new Date(m.now).toISOString(),
                });
                m.mails.push({
                  id,
                  refused: s.refused,
                  state: 'pending',
                  attempts: 0,
                  nextAt: m.now,
                  erred: false,
                });
                break;
              }
              case 'next-due':
              case 'deliver':
                await deliver(s.kind === 'next-due');
                break;
              case 'mode':
                await setMode(s.mode);
                break;
              case 'outage':
                await setMode(s.mode);
                for (let r = 0; r < s.rounds; r++) await deliver(true);
                break;
              case 'wait':
                m.now += s.minutes * 60_000;
                break;
              case 'retry': {
                const mail = m.mails[s.pick % Math.max(1, m.mails.length)];
                if (!mail) break;
                const out = await retryFailedMail(b.store, {
                  id: mail.id,
                  at: new Date(m.now).toISOString(),
                  actor: 'admin',
                });
                expect(out).toBe(mail.state === 'failed' ? 'retried' : 'not-failed');
                if (mail.state === 'failed')
                  Object.assign(mail, { state: 'pending', attempts: 0, nextAt: m.now });
                break;
              }
            }
            for (const x of m.mails) if (x.state === 'failed' && x.attempts === 8) gaveUp.add(x.id);
            const stored = new Map((await outboxEntries(b.store, { limit: 500 })).map((e) => [e.id, e]));
            for (const mail of m.mails) {
              const e = stored.get(mail.id);
              expect({
                id: mail.id,
                state: e?.state,
                attempts: e?.attempts,
                next: e?.nextAttemptAt,
                erred: e?.lastError !== null,
              }).toEqual({
                id: mail.id,
                state: mail.state,
                attempts: mail.attempts,
                next: new Date(mail.nextAt).toISOString(),
                erred: mail.state !== 'sent' && mail.erred,
              });
              // Sent once and only once; never anything else.
              expect(received.get(`model ${run} ${m.mails.indexOf(mail)}`) ?? 0).toBe(
                mail.state === 'sent' ? 1 : 0,
              );
            }
          }
        } finally {
          deliverer.stop();
        }
      }),
      { numRuns: runs, seed: SEED },
    );
    console.info(
      `outbox model (${_name}): ${runs} histories, ${stepsRun} steps, ${gaveUp.size} given up after 8 attempts`,
    );
    expect(gaveUp.size).toBeGreaterThan(0);
  }, 300_000);
});
