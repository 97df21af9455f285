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

/**
 * The floors inside core (packages/core/src/<area>): an area imports only the areas listed, each
 * below it. Files at core/src's top (decimal.ts, errors.ts, index.ts) are shared ground; `testing`
 * (fixtures) may use every area and no area may use it.
 */
export const CORE_LAYERS: Readonly<Record<string, readonly string[]>> = {
  units: [],
  model: ['units'],
  bundle: ['model', 'units'],
  factors: ['model', 'units'],
  catalogue: ['model', 'units'],
  calc: ['model', 'units'],
  glossary: ['model'],
  methods: ['calc', 'factors', 'catalogue', 'model', 'units'],
  frameworks: ['methods', 'calc', 'catalogue', 'bundle', 'model', 'units'],
  // validate composes the rules from above the bundle layer: explanation subjects (frameworks) and
  // what each activity line's method needs of it (methods, over the factor library)
  validate: ['frameworks', 'methods', 'factors', 'catalogue', 'bundle', 'model', 'units'],
  checks: ['frameworks', 'methods', 'calc', 'factors', 'catalogue', 'bundle', 'model', 'units'],
  report: ['frameworks', 'methods', 'glossary', 'calc', 'catalogue', 'bundle', 'model', 'units'],
  workflow: ['model'],
  meters: ['model', 'units'],
  testing: [
    'meters',
    'workflow',
    'validate',
    'checks',
    'report',
    'frameworks',
    'methods',
    'glossary',
    'calc',
    'factors',
    'catalogue',
    'bundle',
    'model',
    'units',
  ],
};

/**
 * Narrow entry points: the source of these packages may import a workspace package only through
 * the listed subpaths (the store sees core's model and bundle forms, renderers the report model).
 */
export const ENTRY_RULES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  store: { '@assay/core': ['@assay/core/forms'] },
  render: { '@assay/core': ['@assay/core/report-model'] },
};
