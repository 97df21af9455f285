/** Accounts (issue #16): users, grants, sessions, API tokens, sign-in attempts. */

export * from './access-log.js';
export * from './api-tokens.js';
export * from './grants.js';
export * from './sessions.js';
export * from './sign-in-attempts.js';
export * from './users.js';
