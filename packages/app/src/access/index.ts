/**
 * Access (issue #16): roles and the permission table as data, authorise(), passwords, sessions,
 * API tokens and account administration. Not yet wired into the HTTP routes or CLI commands
 * (docs/security.md says what is built and what comes next).
 */

export type { Store } from '@assay/store';
export { type AccessEntry, listAccessLog, recordAccess } from '@assay/store';
export * from './account-directory.js';
export * from './account-list.js';
export * from './accounts.js';
export * from './api-tokens.js';
export * from './authorise.js';
export * from './caller.js';
export * from './change-password.js';
export * from './entity-tree.js';
export * from './oidc.js';
export * from './oidc-sign-in.js';
export * from './passwords.js';
export * from './permissions.js';
export * from './principal.js';
export * from './recovery-code-shape.js';
export * from './recovery-codes.js';
export * from './roles.js';
export * from './secret-tokens.js';
export * from './sessions.js';
export * from './throttle.js';
export * from './totp.js';
