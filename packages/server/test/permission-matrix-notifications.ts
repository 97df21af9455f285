/**
 * The notification routes' part of the permission matrix (permission-matrix.test.ts): their
 * policy, written down independently of route-rules.ts, and one request per route that succeeds
 * whenever the caller's role allows it: marking read names a notification of the caller's own,
 * and a retry a failed message, each made first in the store.
 */
import type { Action } from '@assay/app/access';
import {
  enqueueMail,
  findUserByEmail,
  insertNotification,
  recordMailOutcome,
  type Store,
} from '@assay/store';
import type { RouteRule } from '../src/http/route-rules.js';

const own = (action: Action): RouteRule => ({ kind: 'own-account', action });

export const NOTIFICATION_POLICY: Record<string, RouteRule> = {
  'GET /notifications': own('manage-own-notifications'),
  'POST /notifications/read-all': own('manage-own-notifications'),
  'POST /notifications/:id/read': own('manage-own-notifications'),
  'GET /notifications/preferences': own('manage-own-notifications'),
  'PUT /notifications/preferences': own('manage-own-notifications'),
  'GET /notifications/outbox': { kind: 'organisation', action: 'manage-notifications' },
  'POST /notifications/outbox/:id/retry': { kind: 'organisation', action: 'manage-notifications' },
};

type Request = { path: string; init?: RequestInit };

export function notificationRequests(
  store: () => Store,
  emailOf: (who: string) => string,
): Record<string, (t: 'own' | 'other', who: string) => Promise<Request>> {
  const at = () => new Date().toISOString();
  /** A notification for the user `who` signs in as (someone else's when `who` has no account). */
  const notificationOf = async (who: string) => {
    const user = await findUserByEmail(store(), emailOf(who));
    const id = await insertNotification(store(), {
      recipientId: user?.id ?? (await findUserByEmail(store(), 'dummy@example.com'))?.id ?? '',
      kind: 'approved',
      entityId: 'smelter',
      periodId: '2025',
      topic: 'energy',
      unitVersion: 1,
      assignmentId: null,
      assignmentLabel: null,
      dueOn: null,
      reminderDay: null,
      actorId: 'matrix',
      actor: 'matrix',
      comment: null,
      at: at(),
    });
    if (id === null) throw new Error('matrix: notification not written');
    return id;
  };
  const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body) });
  return {
    'GET /notifications': async () => ({ path: '/notifications' }),
    'POST /notifications/read-all': async () => ({ path: '/notifications/read-all', init: json({}) }),
    'POST /notifications/:id/read': async (_t, who) => ({
      path: `/notifications/${await notificationOf(who)}/read`,
      init: json({}),
    }),
    'GET /notifications/preferences': async () => ({ path: '/notifications/preferences' }),
    'PUT /notifications/preferences': async () => ({
      path: '/notifications/preferences',
      init: json({ language: 'zh-Hant' }),
    }),
    'GET /notifications/outbox': async () => ({ path: '/notifications/outbox' }),
    'POST /notifications/outbox/:id/retry': async (_t, who) => {
      const id = await enqueueMail(store(), {
        notificationId: await notificationOf(who),
        toAddress: 'nobody@example.com',
        toName: 'Nobody',
        language: 'en',
        subject: 'matrix',
        body: 'matrix',
        at: at(),
      });
      await recordMailOutcome(store(), {
        id,
        at: at(),
        outcome: 'permanent-failure',
        error: '550 matrix',
        retryAt: null,
      });
      return { path: `/notifications/outbox/${id}/retry`, init: json({}) };
    },
  };
}
