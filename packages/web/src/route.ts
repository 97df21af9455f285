/** Hash routing: #/overview, #/data, #/catalogue, #/figure?id=…, #/checks, #/disclosures, #/report. */
import { useEffect, useState } from 'react';

export const PAGES = ['overview', 'data', 'catalogue', 'figure', 'checks', 'disclosures', 'report'] as const;
export type Page = (typeof PAGES)[number];
export type Route = { page: Page; params: URLSearchParams };

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = (PAGES as readonly string[]).includes(path) ? (path as Page) : 'overview';
  return { page, params: new URLSearchParams(query) };
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
