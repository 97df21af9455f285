/** Notifications, their e-mail outbox and the accounts' preferred language (020-notifications.sql). */

export * from './notification-accounts.js';
export * from './notification-rows.js';
export * from './outbox-rows.js';
