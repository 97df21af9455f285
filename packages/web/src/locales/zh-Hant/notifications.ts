/** Notifications (the bell; the e-mail language) in Traditional Chinese (Hong Kong usage). */
import type { notifications as en } from '../en/notifications';

export const notifications: Record<keyof typeof en, string> = {
  bell: '通知',
  bellUnread: '通知：{count} 則未讀',
  title: '通知',
  none: '沒有通知。',
  unread: '未讀',
  markRead: '標為已讀',
  markReadOf: '標為已讀：{title}',
  markAll: '全部標為已讀',
  open: '開啟',
  close: '關閉',
  languageTitle: '電郵通知的語言',
  languageIntro: '應用程式內的通知按畫面語言顯示；電郵通知則以此語言撰寫。',
  language: '電郵語言',
  'lang.en': '英文（English）',
  'lang.zh-Hant': '繁體中文',
  saveLanguage: '儲存',
  languageSaved: '電郵通知將以{language}撰寫。',
  languageRefused: '未能儲存。',
};
