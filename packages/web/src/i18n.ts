/**
 * UI text in Traditional Chinese and English, through i18next (i18n-setup.ts; the text is in
 * locales/en/*.ts and locales/zh-Hant/*.ts). This module keeps the app's original calls working:
 * `useT()` / `translate()` take a key of the `common` namespace and return its text with any
 * `{name}` placeholders as written (the caller fills them). New pages use react-i18next's
 * `useTranslation(namespace)` directly, whose `t(key, {name})` fills them.
 */
import { createContext, useContext, useMemo } from 'react';
import { i18n, type Lang } from './i18n-setup';
import type { common } from './locales/en/common';

export type { Lang };
export type Localised = { 'zh-Hant': string; en: string };
/** A key of the shared text (namespace `common`). */
export type TextKey = keyof typeof common;

/** The text of `k` in `lang`, placeholders left for the caller. */
function text(lang: Lang, k: TextKey): string {
  return i18n.getFixedT(lang, 'common')(k, { skipInterpolation: true });
}

export const LangContext = createContext<Lang>('zh-Hant');
export const translate = (lang: Lang, k: TextKey): string => text(lang, k);
export function useT(): (k: TextKey) => string {
  const lang = useContext(LangContext);
  return useMemo(() => (k: TextKey) => text(lang, k), [lang]);
}
export function useLang(): Lang {
  return useContext(LangContext);
}
export function pick(t: Localised, lang: Lang): string {
  return t[lang];
}
/** An ISO-8601 time as a local date and time in the UI language; the text itself if unreadable. */
export function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-Hant-HK', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}
