/** What every route gets: the workspace port and who writes. */
import type { Workspace } from '@assay/app';

export type Deps = {
  readonly workspace: Workspace;
  /** Until accounts exist every write is attributed to this name. */
  readonly author: string;
};
