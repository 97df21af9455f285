/**
 * Simplified → Traditional Chinese for the characters that map one to one and are not
 * themselves in ordinary Traditional use, limited to words of ESG reports (metals, places,
 * companies, registers). Used by the name-variants rule to see 新鑫矿业 and 新鑫礦業 as one name.
 * Generated with opencc-js (render's dependency; core may not import it) as the pairs whose
 * hk → cn → hk conversion round-trips, then pruned by hand of characters with two Traditional
 * forms or a Traditional use of their own: 发 (發/髮), 历 (歷/曆), 准, 云, 范, 万, 据, 价, 划.
 * packages/render/src/simplified-chars.test.ts checks every pair against opencc-js.
 */
const PAIRS =
  '镍鎳 铜銅 钴鈷 铂鉑 钯鈀 锰錳 锌鋅 铝鋁 铁鐵 钢鋼 矿礦 业業 厂廠 电電 气氣 灯燈 热熱 炼煉 产產 运運 输輸 区區 ' +
  '县縣 乡鄉 镇鎮 阳陽 东東 华華 龙龍 卢盧 开開 团團 国國 际際 资資 环環 节節 约約 费費 规規 评評 设設 计計 审審 ' +
  '员員 训訓 练練 项項 标標 认認 证證 报報 总總 亿億 额額 营營 销銷 货貨 质質 检檢 测測 网網 络絡 风風 险險 应應 ' +
  '对對 废廢 弃棄 处處 护護 园園 态態 绿綠 职職 伤傷 时時 间間 医醫 疗療 购購 买買 卖賣 车車 辆輛 线線 广廣 辽遼 ' +
  '宁寧 陕陝 苏蘇 鲁魯 贵貴 岛島 济濟 湾灣 乌烏 齐齊 达達 尔爾 兰蘭 岭嶺 闽閩 赣贛 粤粵 琼瓊 陇隴 桥橋 义義 务務 ' +
  '会會 议議 题題 协協 选選 举舉 统統 数數 库庫 单單 长長 种種 类類 体體 组組 织織 术術 创創 关關 学學 书書 师師 ' +
  '围圍 构構 结結 变變 担擔 当當 为為 实實 现現 与與 识識 调調 换換 条條 层層 级級 吨噸';

/** Simplified character → its Traditional form. */
export const SIMPLIFIED_TO_TRADITIONAL: ReadonlyMap<string, string> = new Map(
  PAIRS.split(' ').map((p) => [p.charAt(0), p.charAt(1)] as const),
);

/** The text with every listed Simplified character in its Traditional form. */
export const toTraditional = (s: string): string =>
  [...s].map((c) => SIMPLIFIED_TO_TRADITIONAL.get(c) ?? c).join('');
