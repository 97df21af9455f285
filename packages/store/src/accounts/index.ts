/** Accounts (issue #16): users, grants, sessions, API tokens, sign-in attempts, TOTP, security settings. */

export * from './access-log.js';
export * from './api-tokens.js';
export * from './grants.js';
export * from './security-settings.js';
export * from './sessions.js';
export * from './sign-in-attempts.js';
export * from './totp.js';
export * from './users.js';
