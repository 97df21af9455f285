/** What every route gets: the workspace port, and who writes (the request's caller). */
import type { WorkflowNotifier, Workspace } from '@assay/app';
import type { Context } from 'hono';
import { callerOf } from '../http/caller.js';

export type Deps = {
  readonly workspace: Workspace;
  /** The author of a write when the request has no caller (never, once enforce-rules ran). */
  readonly author: string;
  /** Told of each workflow transition (in-app notifications and e-mail); none: nobody is. */
  readonly notifier?: WorkflowNotifier | undefined;
};

/** The name a write is recorded under: the caller's ("Ann Lee <ann@example.com>", "local user"). */
export const authorOf = (c: Context, d: Deps): string => callerOf(c)?.label ?? d.author;
