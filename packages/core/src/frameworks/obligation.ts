/** The obligation a provision (or one of its elements) carries for an issuer type and year. */
import type { IssuerType } from '../model/organisation.js';
import type { Framework, Obligation, Provision, Requirement } from './framework.js';

/** Strongest first: the order used when a provision's elements differ. */
export const OBLIGATION_RANK: Readonly<Record<Obligation, number>> = {
  mandatory: 0,
  'comply-or-explain': 1,
  encouraged: 2,
  voluntary: 3,
  withdrawn: 4,
  'not-effective': 5,
};

export function scheduleObligation(
  framework: Framework,
  scheduleId: string,
  issuerType: IssuerType,
  year: number,
): Obligation {
  const schedule = framework.schedules[scheduleId];
  // Data tests check every schedule id; an unknown one is a bug in the framework data.
  if (!schedule) throw new Error(`framework ${framework.id} has no schedule "${scheduleId}"`);
  for (const rule of schedule) {
    if (rule.from !== undefined && year < rule.from) continue;
    if (rule.until !== undefined && year > rule.until) continue;
    if (rule.issuerTypes && !rule.issuerTypes.includes(issuerType)) continue;
    return rule.obligation;
  }
  return 'not-effective';
}

export function requirementObligation(
  framework: Framework,
  provision: Provision,
  req: Requirement,
  issuerType: IssuerType,
  year: number,
): Obligation {
  return scheduleObligation(framework, req.schedule ?? provision.schedule, issuerType, year);
}

/** The strongest obligation among the provision's own schedule and its elements'. */
export function provisionObligation(
  framework: Framework,
  provision: Provision,
  issuerType: IssuerType,
  year: number,
): Obligation {
  const all = [
    scheduleObligation(framework, provision.schedule, issuerType, year),
    ...provision.requirements.map((r) => requirementObligation(framework, provision, r, issuerType, year)),
  ];
  return all.reduce((a, b) => (OBLIGATION_RANK[b] < OBLIGATION_RANK[a] ? b : a));
}
