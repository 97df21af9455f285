/**
 * The reference model of the model-based tests: what the store and the workspace should show,
 * as plain data and plain rules, written without the store's code. Per data point (by key) and
 * per activity line (by id): its current fields and every revision (value as exact decimal
 * text, unit symbol, retracted flag, author, reason, time); the number of audit entries; the
 * workspace's version counter (1 when a workspace opens, + 1 per accepted write).
 */

/** Fields as the store keeps them, by column name (data-points.csv / activity-lines.csv). */
export type Fields = Readonly<Record<string, string>>;

export type Revision = {
  readonly fields: Fields;
  readonly retracted: boolean;
  readonly author: string;
  readonly reason: string;
  readonly at: string;
};

export type Fact = { readonly key: string; readonly revisions: Revision[] };

export type FactKindName = 'dp' | 'al';

export type Model = {
  readonly facts: Record<FactKindName, Map<string, Fact>>;
  audit: number;
  wsVersion: number;
  /** SHA-256 of each file an import committed (for the content-hash rule, see importFile). */
  readonly files: Set<string>;
};

export type Meta = { readonly author: string; readonly reason: string; readonly at: string };

/** The columns compared for a data point and an activity line (evidence is always empty here). */
export const DP_COLUMNS = [
  'id',
  'entity',
  'period',
  'indicator',
  'disaggregation',
  'value',
  'unit',
  'source',
  'comment',
] as const;
export const AL_COLUMNS = [
  'id',
  'entity',
  'period',
  'activity',
  'subject',
  'use',
  'amount',
  'unit',
  'attributes',
  'source',
  'comment',
] as const;

export function cloneModel(m: Model): Model {
  const copy = (src: Map<string, Fact>) =>
    new Map([...src].map(([k, f]) => [k, { key: f.key, revisions: [...f.revisions] }]));
  return {
    facts: { dp: copy(m.facts.dp), al: copy(m.facts.al) },
    audit: m.audit,
    wsVersion: m.wsVersion,
    files: new Set(m.files),
  };
}

export const latest = (f: Fact | undefined): Revision | undefined => f?.revisions.at(-1);
export const isLive = (f: Fact | undefined): f is Fact => latest(f)?.retracted === false;
/** The version the workspace reports for a live data point: its number of revisions. */
export const versionOf = (f: Fact): number => f.revisions.length;

export function liveFacts(m: Model, kind: FactKindName): Fact[] {
  return [...m.facts[kind].values()].filter(isLive);
}

const sameFields = (a: Fields, b: Fields) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

export type Applied = { readonly changedKeys: string[] };

/**
 * New and changed facts become revisions (a retracted fact given again comes back even with
 * the same fields); unchanged ones are skipped; when nothing changed, nothing is recorded (no
 * audit entry). Rows must be valid and name each key once.
 */
export function applyRows(m: Model, kind: FactKindName, rows: readonly Fields[], meta: Meta): Applied {
  const changedKeys: string[] = [];
  for (const fields of rows) {
    const key = keyOf(kind, fields);
    const fact = m.facts[kind].get(key);
    const last = latest(fact);
    if (last && !last.retracted && sameFields(last.fields, fields)) continue;
    const rev: Revision = { fields, retracted: false, ...meta };
    if (fact) fact.revisions.push(rev);
    else m.facts[kind].set(key, { key, revisions: [rev] });
    changedKeys.push(key);
  }
  if (changedKeys.length > 0) m.audit += 1;
  return { changedKeys };
}

/** One retraction: each named fact (live) gets a retracted copy of its latest revision; one audit entry. */
export function applyRetraction(m: Model, names: readonly { kind: FactKindName; key: string }[], meta: Meta) {
  for (const { kind, key } of names) {
    const fact = m.facts[kind].get(key);
    const last = latest(fact);
    if (!fact || !last || last.retracted) throw new Error(`model: cannot retract ${key}`);
    fact.revisions.push({ fields: last.fields, retracted: true, ...meta });
  }
  m.audit += 1;
}

export function keyOf(kind: FactKindName, f: Fields): string {
  return kind === 'al' ? (f.id as string) : `${f.entity}|${f.period}|${f.indicator}|${f.disaggregation}`;
}

/** The live data point holding `id`, if any. */
export function liveDataPointById(m: Model, id: string): Fact | undefined {
  return liveFacts(m, 'dp').find((f) => latest(f)?.fields.id === id);
}

/** The key of another data point that has carried `id` in any revision (retracted or not): one id, one fact. */
export function idOwner(m: Model, id: string, key: string): string | undefined {
  for (const f of m.facts.dp.values())
    if (f.key !== key && f.revisions.some((r) => r.fields.id === id)) return f.key;
  return undefined;
}

/** A year given as one value and as quarters (or months) of it, for one entity, indicator and disaggregation. */
export function overlaps(a: Fields, b: Fields): boolean {
  const kind = (p: string) => (p.length === 4 ? 'y' : p.includes('Q') ? 'q' : 'm');
  return (
    a.entity === b.entity &&
    a.indicator === b.indicator &&
    a.disaggregation === b.disaggregation &&
    a.period?.slice(0, 4) === b.period?.slice(0, 4) &&
    kind(a.period ?? '') !== kind(b.period ?? '')
  );
}

/**
 * Exact decimal text as the store keeps it (core's toFixed, PostgreSQL numeric's text): no
 * exponent, no leading zeros, no trailing zeros after the point, no point without a fraction.
 * Written here with string arithmetic so that the model shares no code with the store.
 */
export function normaliseDecimal(text: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`model: not a decimal: ${text}`);
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const digits = `${int}${frac}`.replace(/^0+/, '');
  if (digits === '') return '0';
  const minus = sign === '-' ? '-' : '';
  const scale = frac.length - Number(exp); // value = digits × 10^-scale
  if (scale <= 0) return `${minus}${digits}${'0'.repeat(-scale)}`;
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const fraction = padded.slice(padded.length - scale).replace(/0+$/, '');
  return `${minus}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}
