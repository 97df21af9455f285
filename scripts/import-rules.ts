/** The import directions of ARCHITECTURE.md, as data. Keep the two in step. */
export const WORKSPACE_RULES: Readonly<Record<string, readonly string[]>> = {
  core: [],
  io: ['core'],
  store: ['core'],
  render: ['core'],
  app: ['core', 'io', 'store', 'render'],
  server: ['core', 'app'],
  cli: ['core', 'io', 'store', 'render', 'app', 'server'],
  web: [],
};

/** Packages whose source must be pure: no Node built-ins, no clock, no randomness. */
export const PURE_PACKAGES: readonly string[] = ['core'];
