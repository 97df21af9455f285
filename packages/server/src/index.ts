export { type AppOptions, createApp } from './app.js';
export { type ApiErrorCode, STATUS_OF } from './http/api-error.js';
export {
  LOOPBACK,
  listen,
  type Started,
  WEB_ROOT,
} from './start-server.js';
