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

/**
 * What tests (`*.test.ts` in src, and everything under packages/<name>/test) may import beyond
 * their package's rule: a test may set up a real store, or read a bundle folder, to exercise the
 * package. Tests reach other packages only through their package names (fixtures through the
 * `testing` entry points: @assay/core/testing, @assay/io/testing, @assay/store/testing), never by
 * relative paths out of their own package.
 */
export const TEST_RULES: Readonly<Record<string, readonly string[]>> = {
  io: ['store'],
  store: ['io'],
  server: ['io', 'store', 'render'],
};
