/**
 * Output languages. The model holds zh-Hant and en; zh-Hans is a draft converted from zh-Hant
 * (see simplified.ts) and is always marked "draft for review".
 */
import type { LocalisedText } from '@assay/core/report-model';

export type RenderLang = 'zh-Hant' | 'en' | 'zh-Hans';
export const RENDER_LANGS: readonly RenderLang[] = ['zh-Hant', 'en', 'zh-Hans'];

export function tx(t: LocalisedText, lang: RenderLang): string {
  if (lang === 'zh-Hans') return t['zh-Hans'] ?? t['zh-Hant'];
  return t[lang];
}

export const isChinese = (lang: RenderLang) => lang !== 'en';

/** A page reference as printed: "p. 12" / "第12頁" / "第12页". */
export function pageRef(page: number, lang: RenderLang): string {
  if (lang === 'en') return `p. ${page}`;
  return lang === 'zh-Hans' ? `第${page}页` : `第${page}頁`;
}

/** CSS font stack with the CJK face for the language (Debian fonts-noto-cjk). Single quotes only (SVG attributes). */
export function fontStack(lang: RenderLang): string {
  const cjk = lang === 'zh-Hans' ? "'Noto Sans CJK SC'" : "'Noto Sans CJK TC'";
  return `${cjk}, 'Noto Sans', 'DejaVu Sans', sans-serif`;
}
