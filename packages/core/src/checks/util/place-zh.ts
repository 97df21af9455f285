/** Places of texts in a bundle (master-data forEachText: "published <id>", "narrative <id>"…), in Chinese. */
const PLACE_ZH: readonly (readonly [RegExp, string])[] = [
  [/^published (.*)$/u, '印出數字「$1」'],
  [/^narrative (.*)$/u, '敘述「$1」'],
  [/^data-points (.*)$/u, '數據點「$1」'],
  [/^activity-lines (.*)$/u, '活動數據「$1」'],
  [/^organisation (.*)$/u, '組織「$1」'],
  [/^registers\.?(.*)$/u, '登記冊「$1」'],
];
/** A place in Chinese, its id quoted as the data has it: "narrative employment" → 敘述「employment」. */
export const placeZh = (w: string) => PLACE_ZH.reduce((t, [re, zh]) => t.replace(re, zh), w);
