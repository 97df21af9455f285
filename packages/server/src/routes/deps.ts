/** What every route gets: the workspace port and the optional engines. */
import type { Engines } from '../engines.js';
import type { Workspace } from '../workspace/workspace.js';

export type Deps = {
  readonly workspace: Workspace;
  readonly engines: Engines;
  /** Until accounts exist every write is attributed to this name. */
  readonly author: string;
};
