/**
 * The caller's own notifications (docs/workflow.md, "Notifications and reminders"): list them
 * (unread first, with the unread count), mark one or all read, and read or set the account's
 * language for e-mail. Each notification carries its words in both languages (the web shows
 * the one it is in). Notifications belong to accounts: the local user of an open server or the
 * CLI has none (an empty list; marking answers not-found, setting a language invalid-request).
 */
import type { Entity } from '@assay/core';
import {
  ACCOUNT_LANGUAGES,
  type AccountLanguage,
  accountLanguage,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationRow,
  type Store,
  setAccountLanguage,
  unreadNotificationCount,
} from '@assay/store';
import { authorise } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import type { Action } from '../access/permissions.js';
import { noticeOf } from '../notifications/notice-of.js';
import {
  NOTICE_LANGUAGES,
  type NoticeLanguage,
  noticeSentence,
  noticeTitle,
} from '../notifications/notice-text.js';
import { failure, type Result, success } from '../outcome.js';

export type NotificationView = Omit<NotificationRow, 'recipientId' | 'reminderDay'> & {
  readonly title: Readonly<Record<NoticeLanguage, string>>;
  readonly text: Readonly<Record<NoticeLanguage, string>>;
};

export const NOTIFICATION_LIST_MAX = 200;

type Mine = { readonly store: Store | undefined; readonly caller: Caller };

/** The caller's account id, when the caller is an account allowed `action` on its own things. */
function accountOf(m: Mine, action: Action): Result<{ store: Store; userId: string }> {
  const userId = m.caller.userId;
  if (
    authorise(m.caller.access, action, { kind: 'account', ownerId: m.caller.access.principal.userId }) !==
    'allow'
  )
    return failure('forbidden', `your role does not allow "${action}"`);
  if (!m.store || userId === null)
    return failure('invalid-request', 'notifications belong to accounts: sign in with an account first', {
      field: 'user',
    });
  return success({ store: m.store, userId });
}

export function presentNotification(n: NotificationRow, entities: readonly Entity[]): NotificationView {
  const { recipientId: _r, reminderDay: _d, ...rest } = n;
  const notice = noticeOf(n, entities);
  const both = (f: (l: NoticeLanguage) => string) =>
    Object.fromEntries(NOTICE_LANGUAGES.map((l) => [l, f(l)])) as Record<NoticeLanguage, string>;
  return {
    ...rest,
    title: both((l) => noticeTitle(notice, l)),
    text: both((l) => noticeSentence(notice, l)),
  };
}

export async function listMyNotifications(
  i: Mine & { readonly entities: readonly Entity[]; readonly limit?: number | undefined },
): Promise<Result<{ unread: number; notifications: NotificationView[] }>> {
  const limit = i.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > NOTIFICATION_LIST_MAX)
    return failure('invalid-request', `limit: a whole number from 1 to ${NOTIFICATION_LIST_MAX}`, {
      field: 'limit',
    });
  const me = accountOf(i, 'manage-own-notifications');
  if (!me.ok) return me.error.code === 'invalid-request' ? success({ unread: 0, notifications: [] }) : me;
  const { store, userId } = me.value;
  const rows = await listNotifications(store, userId, limit);
  return success({
    unread: await unreadNotificationCount(store, userId),
    notifications: rows.map((r) => presentNotification(r, i.entities)),
  });
}

export async function markMyNotificationRead(
  i: Mine & { readonly entities: readonly Entity[]; readonly id: string; readonly now: Date },
): Promise<Result<NotificationView>> {
  const me = accountOf(i, 'manage-own-notifications');
  const absent = failure('not-found', `no notification ${i.id}`, { field: 'id' });
  if (!me.ok) return me.error.code === 'invalid-request' ? absent : me;
  const row = await markNotificationRead(me.value.store, me.value.userId, i.id, i.now.toISOString());
  return row ? success(presentNotification(row, i.entities)) : absent;
}

export async function markAllMyNotificationsRead(
  i: Mine & { readonly now: Date },
): Promise<Result<{ marked: number }>> {
  const me = accountOf(i, 'manage-own-notifications');
  if (!me.ok) return me.error.code === 'invalid-request' ? success({ marked: 0 }) : me;
  return success({
    marked: await markAllNotificationsRead(me.value.store, me.value.userId, i.now.toISOString()),
  });
}

/** The caller's notification preferences: the language of their e-mail. */
export async function myNotificationPreferences(i: Mine): Promise<Result<{ language: AccountLanguage }>> {
  const me = accountOf(i, 'manage-own-notifications');
  if (!me.ok) return me;
  return success({ language: (await accountLanguage(me.value.store, me.value.userId)) ?? 'en' });
}

export async function setMyNotificationLanguage(
  i: Mine & { readonly language: string },
): Promise<Result<{ language: AccountLanguage }>> {
  const me = accountOf(i, 'manage-own-notifications');
  if (!me.ok) return me;
  const language = ACCOUNT_LANGUAGES.find((l) => l === i.language);
  if (!language)
    return failure(
      'invalid-request',
      `language: "${i.language}" is not one of ${ACCOUNT_LANGUAGES.join(', ')}`,
      {
        field: 'language',
      },
    );
  await setAccountLanguage(me.value.store, me.value.userId, language);
  return success({ language });
}
