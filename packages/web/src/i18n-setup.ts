/**
 * The i18next instance (react-i18next binds it to React): English and Traditional Chinese
 * (zh-Hant, Hong Kong usage), resources bundled (locales/resources.ts), no loading, no language
 * detection (the shell chooses: localStorage `assay.lang`, else zh-Hant) and no fallback language:
 * each language has every key. Placeholders are `{name}` (the app's syntax before i18next, kept);
 * keys are flat (a dot is part of the key, e.g. `state.draft`). React escapes what it renders,
 * so i18next does not escape values.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, resources } from './locales/resources';

export type Lang = 'zh-Hant' | 'en';
export const LANGS: readonly Lang[] = ['zh-Hant', 'en'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
    keySeparator: false;
  }
}

/** The language the app starts in: the one chosen last time in this browser, else Chinese. */
export function initialLang(): Lang {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem('assay.lang');
  return saved === 'en' || saved === 'zh-Hant' ? saved : 'zh-Hant';
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLang(),
  supportedLngs: [...LANGS],
  load: 'currentOnly',
  fallbackLng: false,
  ns: [...NAMESPACES],
  defaultNS: 'common',
  keySeparator: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  returnNull: false,
  // Resources are bundled: initialise synchronously, so the first render has its text.
  initAsync: false,
});

export const i18n = i18next;
