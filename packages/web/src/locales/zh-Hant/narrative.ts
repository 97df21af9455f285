/**
 * 報告文字頁（#/narrative；docs/report.md，"Editing narrative"）的繁體中文，i18next 命名空間
 * `narrative`。`{name}` 為 t() 填入的值。
 */
export const narrative = {
  title: '報告文字',
  intro:
    '報告各章節的中英文文字。數字不用手動輸入：選取數據後，其佔位符會插入游標位置，報告會在該處印出該數據，格式與報告表格相同。',
  sections: '章節',
  version: '第{version}版',
  versionShort: '第{version}版',
  en: '英文',
  zh: '中文（繁體）',
  reason: '修改原因（選填）',
  save: '儲存',
  saving: '儲存中…',
  saved: '已儲存為第{version}版。',
  unsaved: '未儲存',
  readOnly: '你可閱讀此文字；須具備集團層面的管理員角色方可儲存。',
  required: '請填寫{lang}文字。',
  tooLong: '最多20,000字。',
  picker: '插入數據',
  pickerSearch: '按指標、實體或年份搜尋數據',
  pickerInto: '將插入{lang}文字的游標位置。',
  pickerNone: '沒有相符的數據。',
  pickerMore: '尚有{count}項：請收窄搜尋範圍。',
  preview: '預覽：與報告印出的相同',
  previewWaiting: '正在準備預覽…',
  unresolved: '有佔位符未能對應報告中的數據：報告會以標記印出。',
  unbound: '未連結數據的手動輸入數字（{lang}）：{numbers}。檢查程序會就此提出警告；請改為選取數據。',
  'refused.stale':
    '此章節已由他人儲存（現為第{version}版）。你輸入的文字仍保留在此；請與下方已儲存的文字比較，然後以你的文字覆蓋，或複製所需內容。',
  'refused.forbidden': '你的角色不可修改報告文字。',
  'refused.invalid': '伺服器拒絕了以下欄位：{field}。',
  theirs: '現已儲存的文字（第{version}版）',
  saveOver: '以我的文字覆蓋第{version}版',
};
