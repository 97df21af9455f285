/** Text in the report languages. Traditional Chinese is primary; English is required alongside. */
export type Lang = 'zh-Hant' | 'en';
export type LocalisedText = {
  readonly 'zh-Hant': string;
  readonly en: string;
  readonly 'zh-Hans'?: string | undefined;
};

export function textIn(t: LocalisedText, lang: Lang | 'zh-Hans'): string {
  if (lang === 'zh-Hans') return t['zh-Hans'] ?? t['zh-Hant'];
  return t[lang];
}
