/**
 * The server's StoreWorkspace for the model-based tests (packages/store/test/model-*.ts):
 * opened over a run's store as `assay serve` opens it. Every run's store already holds the
 * group, so opening must neither fail nor import anything (issue #14 item 2).
 */
import type { Store } from '@assay/store';
import type { OpenWorkspace } from '@assay/store/testing/model';
import { Divergence } from '@assay/store/testing/model';
import { StoreWorkspace } from '../src/workspace/store-workspace.js';

/**
 * The workspace last opened over each store. A run opens a new one after each CLI step without
 * closing the old (closing would close the shared store); the old one stops listening for
 * changes then, as the server it stands for has stopped.
 */
const lastOpened = new WeakMap<Store, StoreWorkspace>();

/**
 * Whether the workspace follows other processes' change sets (LISTEN/NOTIFY on PostgreSQL). Off
 * by default: the model stands for one server that restarts after every CLI command, so it has
 * no other writer to follow, and following is tested on its own (store-workspace-servers.test.ts,
 * server/test/several-servers.test.ts). ASSAY_MODEL_FOLLOW=1 switches it on.
 */
const follow = process.env.ASSAY_MODEL_FOLLOW === '1';

export const openStoreWorkspace: OpenWorkspace = async (store: Store, seed, clock) => {
  await lastOpened.get(store)?.stopFollowing();
  const o = await StoreWorkspace.open(store, seed, clock, { follow });
  if (o.ok) lastOpened.set(store, o.workspace);
  if (!o.ok) throw new Divergence(`the workspace did not open: ${o.reason}`);
  if (o.seeded) throw new Divergence('the workspace filled a store that already held data');
  return o.workspace;
};
