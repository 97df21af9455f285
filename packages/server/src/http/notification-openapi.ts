/** The notification routes' part of the OpenAPI document (routes/notifications.ts; docs/workflow.md). */
import { NotificationPreferencesBody } from './notification-schemas.js';
import { errors, json, ok, path, query } from './openapi-parts.js';

const NOTIFICATION =
  'Each notification: id, kind (submitted-for-review, returned, reviewed-for-approval, approved, reopened, exception-granted, overdue-reminder), entityId, periodId, topic, unitVersion, assignmentId, assignmentLabel, dueOn, actorId, actor, comment, createdAt, readAt, and title and text in en and zh-Hant.';

export function notificationPaths() {
  return {
    '/api/notifications': {
      get: {
        summary: "The caller's notifications: unread first, then newest first, with the unread count",
        description: NOTIFICATION,
        parameters: [query('limit', 'how many, 1 to 200 (default 50)')],
        responses: { 200: ok('{unread, notifications}'), ...errors('invalid-request') },
      },
    },
    '/api/notifications/{id}/read': {
      post: {
        summary: 'Mark one of the caller’s notifications read',
        parameters: [path('id')],
        responses: { 200: ok('{notification}'), ...errors('not-found') },
      },
    },
    '/api/notifications/read-all': {
      post: {
        summary: 'Mark every unread notification of the caller read',
        responses: { 200: ok('{marked}') },
      },
    },
    '/api/notifications/preferences': {
      get: {
        summary: "The caller's notification preferences: the language of their e-mail",
        responses: { 200: ok('{language}'), ...errors('invalid-request') },
      },
      put: {
        summary: 'Set the language of the caller’s e-mail (en or zh-Hant)',
        requestBody: json(NotificationPreferencesBody),
        responses: { 200: ok('{language}'), ...errors('invalid-request') },
      },
    },
    '/api/notifications/outbox': {
      get: {
        summary: 'The e-mail outbox (administrators): counts by state and the latest messages',
        description:
          'Each message: id, notificationId, toAddress, language, subject, state (pending, sent, failed), attempts, nextAttemptAt, lastError, createdAt, sentAt; a failed one also its attemptLog. mailEnabled is false when no SMTP server is configured.',
        parameters: [
          query('state', 'pending | sent | failed'),
          query('limit', 'how many, 1 to 500 (default 100)'),
        ],
        responses: { 200: ok('{mailEnabled, counts, messages}'), ...errors('invalid-request', 'forbidden') },
      },
    },
    '/api/notifications/outbox/{id}/retry': {
      post: {
        summary: 'Put a failed e-mail back in the queue (administrators); delivered on the next run',
        parameters: [path('id')],
        responses: { 200: ok('{id, state}'), ...errors('forbidden', 'not-found', 'conflict') },
      },
    },
  };
}
