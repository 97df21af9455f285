/** Bilingual sentences for meter quality findings (en, zh-Hant); values come from the finding. */
import type { MeterFinding, MeterFindingCode } from './reading.js';

type Lang = 'en' | 'zh-Hant';
type Template = (v: Readonly<Record<string, string>>) => string;

const EN: Record<MeterFindingCode, Template> = {
  duplicate: (v) => `the same reading appears ${v.copies} times (value ${v.value}); counted once`,
  'conflicting-duplicate': (v) => `readings at the same time disagree (${v.values}); none is used`,
  'outside-service': (v) => `${v.readings} readings fall outside the meter's service dates; not used`,
  gap: (v) => `${v.minutes} minutes without readings (${v.missing} expected readings missing)`,
  overlap: (v) => `intervals overlap by ${v.minutes} minutes`,
  'negative-consumption': (v) => `${v.readings} interval values below zero; treated as missing`,
  'register-drop': (v) =>
    `the register fell from ${v.before} to ${v.after} with no roll-over or replacement; the interval is treated as missing`,
  'roll-over': (v) => `the register rolled over at ${v.rolloverAt} (from ${v.before} to ${v.after})`,
  replacement: (v) =>
    `meter replaced at ${v.at}: old device's last reading ${v.oldLast}, new device's first ${v.newFirst}`,
  spike: (v) =>
    `consumption of ${v.maxPerHour} per hour is above ${v.multiple} × the usual ${v.medianPerHour} per hour`,
  'utc-offset': (v) =>
    `${v.readings} timestamps carry UTC offset ${v.offset} min, not the site's ${v.site} min`,
  'offset-change': (v) =>
    `the UTC offset changes from ${v.before} to ${v.after} min (a daylight-saving change?)`,
};

const ZH: Record<MeterFindingCode, Template> = {
  duplicate: (v) => `同一讀數出現 ${v.copies} 次（數值 ${v.value}），只計一次`,
  'conflicting-duplicate': (v) => `同一時間的讀數不一致（${v.values}），均不採用`,
  'outside-service': (v) => `${v.readings} 筆讀數在儀表使用期間以外，不採用`,
  gap: (v) => `${v.minutes} 分鐘沒有讀數（缺少 ${v.missing} 筆）`,
  overlap: (v) => `區間重疊 ${v.minutes} 分鐘`,
  'negative-consumption': (v) => `${v.readings} 筆區間用量小於零，視為缺漏`,
  'register-drop': (v) => `累計讀數由 ${v.before} 降至 ${v.after}，並非歸零或換表，該區間視為缺漏`,
  'roll-over': (v) => `累計讀數於 ${v.rolloverAt} 歸零（由 ${v.before} 至 ${v.after}）`,
  replacement: (v) => `於 ${v.at} 換表：舊表末次讀數 ${v.oldLast}，新表首次讀數 ${v.newFirst}`,
  spike: (v) => `每小時用量 ${v.maxPerHour} 超過平常每小時 ${v.medianPerHour} 的 ${v.multiple} 倍`,
  'utc-offset': (v) => `${v.readings} 筆時間戳的時區偏移為 ${v.offset} 分鐘，與場址的 ${v.site} 分鐘不同`,
  'offset-change': (v) => `時區偏移由 ${v.before} 分鐘變為 ${v.after} 分鐘（夏令時間轉換？）`,
};

export function describeMeterFinding(f: MeterFinding, lang: Lang): string {
  return (lang === 'en' ? EN : ZH)[f.code](f.values);
}
