/**
 * The materiality matrix computed from a survey's responses (docs/registers.md "Materiality",
 * "The arithmetic"). For topic t, axis a (financial, impact), group g with n_g > 0 responses:
 *
 *   group mean   m(g,t,a) = Σ_{r in g} s(r,t,a) / n_g
 *   topic score  S(t,a)   = Σ_g w_g · m(g,t,a) / Σ_g w_g      (groups without responses left out)
 *
 * so each group counts by its weight, however many of its members answered. Computed exactly
 * as fractions of integers (BigInt): permuting the responses, or multiplying every weight by
 * the same positive number, gives the same fractions. Printed half-up to two places. A topic
 * is proposed as material when max(S_f, S_i) ≥ threshold (double materiality) or
 * (S_f + S_i) / 2 ≥ threshold (otherwise), compared exactly.
 */
import { Decimal } from '../decimal.js';
import type {
  MaterialityApproval,
  MaterialitySurvey,
  SurveyResponse,
  SurveyTopic,
} from '../model/materiality.js';
import type { MaterialTopic } from '../model/registers.js';

/** A non-negative fraction num/den, den > 0, reduced. */
type Fraction = { readonly num: bigint; readonly den: bigint };

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function frac(num: bigint, den: bigint): Fraction {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}
const add = (a: Fraction, b: Fraction) => frac(a.num * b.den + b.num * a.den, a.den * b.den);
const mul = (a: Fraction, b: Fraction) => frac(a.num * b.num, a.den * b.den);
const div = (a: Fraction, b: Fraction) => frac(a.num * b.den, a.den * b.num);
const atLeast = (a: Fraction, b: Fraction) => a.num * b.den >= b.num * a.den;
const ZERO = frac(0n, 1n);

/** A plain decimal text (validated: validate-materiality.ts) as an exact fraction. */
export function fractionOf(text: string): Fraction {
  const plain = new Decimal(text).toFixed();
  const negative = plain.startsWith('-');
  const [whole = '0', part = ''] = plain.replace('-', '').split('.');
  const num = BigInt(whole + part) * (negative ? -1n : 1n);
  return frac(num, 10n ** BigInt(part.length));
}

/** Half-up to `places` decimals (non-negative fractions). */
export function printFraction(f: Fraction, places: number): string {
  const scale = 10n ** BigInt(places);
  const q = (2n * f.num * scale + f.den) / (2n * f.den);
  const s = q.toString().padStart(places + 1, '0');
  return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
}

export type TopicMatrixPoint = {
  readonly topic: SurveyTopic;
  /** Effect on the business (x), half-up to two places; absent without responses. */
  readonly financial?: string;
  /** Effect on environment and people (y). */
  readonly impact?: string;
  /** The exact fractions behind them ("37/10"), for whoever checks the arithmetic. */
  readonly exact?: { readonly financial: string; readonly impact: string };
  readonly proposed: boolean;
  readonly approved: boolean;
};

export type MaterialityMatrix = {
  readonly surveyId: string;
  readonly responses: number;
  /** Responses per group (every group of the survey, 0 included). */
  readonly byGroup: readonly { readonly groupId: string; readonly responses: number }[];
  readonly points: readonly TopicMatrixPoint[];
};

/** Exact S(t, a) per topic, or undefined when no group has a response. */
export function topicScores(
  survey: MaterialitySurvey,
  responses: readonly SurveyResponse[],
): Map<string, { financial: Fraction; impact: Fraction }> | undefined {
  const out = new Map<string, { financial: Fraction; impact: Fraction }>();
  const counted = survey.groups
    .map((g) => ({ g, rs: responses.filter((r) => r.surveyId === survey.id && r.groupId === g.id) }))
    .filter((x) => x.rs.length > 0);
  if (counted.length === 0) return undefined;
  const totalWeight = counted.reduce((s, x) => add(s, fractionOf(x.g.weight)), ZERO);
  for (const t of survey.topics) {
    let f = ZERO;
    let i = ZERO;
    for (const { g, rs } of counted) {
      const w = fractionOf(g.weight);
      let sf = 0n;
      let si = 0n;
      for (const r of rs) {
        const s = r.scores.find((x) => x.topicId === t.id);
        sf += BigInt(s?.financial ?? 0);
        si += BigInt(s?.impact ?? 0);
      }
      const n = BigInt(rs.length);
      f = add(f, mul(w, frac(sf, n)));
      i = add(i, mul(w, frac(si, n)));
    }
    out.set(t.id, { financial: div(f, totalWeight), impact: div(i, totalWeight) });
  }
  return out;
}

export function materialityMatrix(
  survey: MaterialitySurvey,
  responses: readonly SurveyResponse[],
  approval?: MaterialityApproval,
): MaterialityMatrix {
  const own = responses.filter((r) => r.surveyId === survey.id);
  const scores = topicScores(survey, own);
  const threshold = fractionOf(survey.threshold);
  const approved = new Set(approval?.surveyId === survey.id ? approval.topicIds : []);
  const points = survey.topics.map((topic): TopicMatrixPoint => {
    const s = scores?.get(topic.id);
    if (!s) return { topic, proposed: false, approved: approved.has(topic.id) };
    const proposed = survey.doubleMateriality
      ? atLeast(s.financial, threshold) || atLeast(s.impact, threshold)
      : atLeast(div(add(s.financial, s.impact), frac(2n, 1n)), threshold);
    return {
      topic,
      financial: printFraction(s.financial, 2),
      impact: printFraction(s.impact, 2),
      exact: {
        financial: `${s.financial.num}/${s.financial.den}`,
        impact: `${s.impact.num}/${s.impact.den}`,
      },
      proposed,
      approved: approved.has(topic.id),
    };
  });
  return {
    surveyId: survey.id,
    responses: own.length,
    byGroup: survey.groups.map((g) => ({
      groupId: g.id,
      responses: own.filter((r) => r.groupId === g.id).length,
    })),
    points,
  };
}

/**
 * The register's material topics from a computed matrix, for the report: x (businessScore) the
 * financial score, y (stakeholderScore) the impact score; measured, not placeholders. Topics
 * without responses are left out.
 */
export function materialTopicsFromMatrix(m: MaterialityMatrix): MaterialTopic[] {
  return m.points
    .filter((p) => p.financial !== undefined && p.impact !== undefined)
    .map((p) => ({
      id: p.topic.id,
      name: p.topic.name,
      category: p.topic.category,
      businessScore: Number(p.financial),
      stakeholderScore: Number(p.impact),
      isPlaceholder: false,
      ...(p.topic.hkex ? { hkex: p.topic.hkex } : {}),
    }));
}

/** The HKEX aspects (A1..B8) the approved topics answer, in aspect order: the sections they require. */
export function requiredAspects(
  survey: MaterialitySurvey,
  approval: MaterialityApproval | undefined,
): string[] {
  if (!approval || approval.surveyId !== survey.id) return [];
  const ids = new Set(approval.topicIds);
  const codes = new Set(survey.topics.filter((t) => ids.has(t.id)).flatMap((t) => t.hkex ?? []));
  const key = (c: string) => `${c[0]}${c.slice(1).padStart(3, '0')}`;
  return [...codes].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}
