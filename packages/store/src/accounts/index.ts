/** Accounts (issue #16): users, grants, sessions, API tokens, sign-in attempts, TOTP and its recovery codes, security settings. */

export * from './access-log.js';
export * from './api-tokens.js';
export * from './grants.js';
export * from './recovery-codes.js';
export * from './security-settings.js';
export * from './sessions.js';
export * from './sign-in-attempts.js';
export * from './totp.js';
export * from './users.js';
