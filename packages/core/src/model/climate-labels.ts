/** Names of the climate register's terms in both report languages (model/climate-register.ts). */
import type { ClimateRiskKind, PhysicalHazard } from './climate-register.js';
import type { LocalisedText } from './text.js';

const t = (zh: string, en: string): LocalisedText => ({ 'zh-Hant': zh, en });

export const CLIMATE_RISK_KIND_LABEL: Readonly<Record<ClimateRiskKind, LocalisedText>> = {
  'physical-acute': t('急性實體風險', 'Acute physical risk'),
  'physical-chronic': t('慢性實體風險', 'Chronic physical risk'),
  'transition-policy': t('轉型風險：政策及法律', 'Transition risk: policy and legal'),
  'transition-technology': t('轉型風險：技術', 'Transition risk: technology'),
  'transition-market': t('轉型風險：市場', 'Transition risk: market'),
  'transition-reputation': t('轉型風險：聲譽', 'Transition risk: reputation'),
  opportunity: t('機遇', 'Opportunity'),
};

export const PHYSICAL_HAZARD_LABEL: Readonly<Record<PhysicalHazard, LocalisedText>> = {
  flood: t('洪澇', 'Flood'),
  'extreme-heat': t('極端高溫', 'Extreme heat'),
  'cold-wave': t('寒潮', 'Cold wave'),
  'storm-wind': t('大風及風暴', 'Storms and gales'),
  'dust-storm': t('沙塵暴', 'Dust storm'),
  wildfire: t('山火', 'Wildfire'),
  landslide: t('山體滑坡及泥石流', 'Landslide and debris flow'),
  drought: t('乾旱', 'Drought'),
  'water-stress': t('水資源緊張', 'Water stress'),
  'rising-temperature': t('平均氣溫上升', 'Rising average temperature'),
  'precipitation-change': t('降水模式改變', 'Changing precipitation'),
  'sea-level-rise': t('海平面上升', 'Sea-level rise'),
};
