/** Notifications (the bell, components/notification-bell.tsx; the e-mail language on My security). */
export const notifications = {
  bell: 'Notifications',
  bellUnread: 'Notifications: {count} unread',
  title: 'Notifications',
  none: 'No notifications.',
  unread: 'unread',
  markRead: 'Mark read',
  markReadOf: 'Mark read: {title}',
  markAll: 'Mark all read',
  open: 'Open',
  close: 'Close',
  languageTitle: 'Language of your e-mail notifications',
  languageIntro:
    'Notifications in the app follow the language of the screen; e-mail notifications are written in this language.',
  language: 'E-mail language',
  'lang.en': 'English',
  'lang.zh-Hant': 'Traditional Chinese (繁體中文)',
  saveLanguage: 'Save',
  languageSaved: 'E-mail notifications will be written in {language}.',
  languageRefused: 'Not saved.',
};
