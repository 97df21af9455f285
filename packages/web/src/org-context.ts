/** The organisation (entities and their names), loaded once by the shell. */
import { createContext, useContext } from 'react';
import type { Organisation } from './api';
import { type Lang, pick } from './i18n';

export const OrgContext = createContext<Organisation | undefined>(undefined);

export function useEntityName(): (id: string, lang: Lang) => string {
  const org = useContext(OrgContext);
  return (id, lang) => {
    const e = org?.entities.find((x) => x.id === id);
    return e ? pick(e.name, lang) : id;
  };
}
