/**
 * Hash routing: #/overview, #/data, #/catalogue, #/figure?id=…, #/checks, #/disclosures, #/report,
 * #/admin (users and roles), #/tokens (your security: second factor and API tokens),
 * #/cycle?period=… (the collection cycle: workflow units and the period lock), #/tasks (my tasks),
 * #/entry?entity=…&period=…&topic=… (the entry form), #/assignments?cycle=… (cycles and assignments).
 * #/restatements (restatement requests and the base year).
 * #/targets?entity=…&status=… (the targets register, issue #18).
 * #/cases?kind=…&type=…&status=… (compliance cases: counts for all, rows for the compliance role; issue #18).
 * #/suppliers, #/hazards, #/projects ?entity=…&status=…&region=…&grade=… (registers, issue #18).
 * #/certifications?entity=…&status=<expiry state>, #/tailings-facilities?entity=…&status=… (site registers, issue #18).
 * #/meters?site=…&carrier=… (meters, consumption, findings, reconciliation; issue #22).
 * #/climate-risks?entity=…&status=<kind>, #/climate-scales?status=<axis>, #/hazard-screening?entity=…&status=<hazard>,
 * #/supplier-practices?status=<KPI> (the climate register and the B5 practices, issue #18).
 * #/materiality?survey=… (surveys, matrix, approval) and #/survey/<id> (the respond link; issue #18).
 * #/narrative?section=… (the report's narrative text with the figure picker; issue #19).
 * Kept hand-written rather than TanStack Router for now: docs/dependencies.md says why and when.
 */
import { useEffect, useState } from 'react';

export const PAGES = [
  'overview',
  'data',
  'catalogue',
  'figure',
  'checks',
  'disclosures',
  'report',
  'admin',
  'tokens',
  'cycle',
  'tasks',
  'entry',
  'assignments',
  'restatements',
  'targets',
  'suppliers',
  'hazards',
  'projects',
  'cases',
  'certifications',
  'tailings-facilities',
  'meters',
  'climate-risks',
  'climate-scales',
  'hazard-screening',
  'supplier-practices',
  'materiality',
  'survey',
  'narrative',
] as const;
export type Page = (typeof PAGES)[number];
/** `named`: the hash names this page (false: no hash or an unknown page, shown as the overview). */
export type Route = { page: Page; params: URLSearchParams; named: boolean };

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  // The respond link of a materiality survey: #/survey/<id> (issue #18)
  const survey = /^survey\/([a-z0-9][a-z0-9._-]{0,99})$/.exec(path);
  if (survey) return { page: 'survey', params: new URLSearchParams({ id: survey[1] ?? '' }), named: true };
  const named = (PAGES as readonly string[]).includes(path);
  return { page: named ? (path as Page) : 'overview', params: new URLSearchParams(query), named };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const figureHref = (id: string) => `#/figure?${new URLSearchParams({ id }).toString()}`;
export const disclosuresHref = (framework: string) =>
  `#/disclosures?${new URLSearchParams({ framework }).toString()}`;
export const cycleHref = (period: string) => `#/cycle?${new URLSearchParams({ period }).toString()}`;
export const entryHref = (entity: string, period: string, topic: string) =>
  `#/entry?${new URLSearchParams({ entity, period, topic }).toString()}`;
export const assignmentsHref = (cycle: string) =>
  `#/assignments?${new URLSearchParams({ cycle }).toString()}`;
export const targetsHref = (entity?: string, status?: string) => {
  const q = new URLSearchParams(
    Object.entries({ entity, status }).filter(
      (e): e is [string, string] => e[1] !== undefined && e[1] !== '',
    ),
  ).toString();
  return `#/targets${q ? `?${q}` : ''}`;
};
