export { type AppOptions, createApp } from './app.js';
export { type ApiErrorCode, STATUS_OF } from './http/api-error.js';
export {
  LOOPBACK,
  listen,
  type OpenedWorkspace,
  openWorkspace,
  type Started,
  WEB_ROOT,
} from './start-server.js';
export { MemoryWorkspace } from './workspace/memory-workspace.js';
export { StoreWorkspace } from './workspace/store-workspace.js';
export type { Workspace } from './workspace/workspace.js';
