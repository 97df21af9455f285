/**
 * The words of a notification, in English and Traditional Chinese (Hong Kong usage): its title
 * (the e-mail subject after "[Assay] "), one sentence saying what happened and what to do, and
 * the plain-text e-mail. Pure: the notification's facts in, text out. Values from users
 * (names, comments) are made safe for where they go: one line without control or bidirectional
 * formatting characters in a title; in a body, line breaks kept and other control characters
 * dropped. The e-mail is text only, so nothing in it is ever read as HTML.
 */
import type { NotificationKind } from '@assay/store';
import { topicName } from './topic-names.js';

export type NoticeLanguage = 'en' | 'zh-Hant';
export const NOTICE_LANGUAGES: readonly NoticeLanguage[] = ['en', 'zh-Hant'];

/** What a notification is about, as the words need it. */
export type Notice = {
  readonly kind: NotificationKind;
  /** The entity's name in each language (its id when it has none). */
  readonly entity: Readonly<Record<NoticeLanguage, string>>;
  readonly periodId: string;
  readonly topic: string;
  /** Who acted ("Ann Lee <ann@x.com>"); "Assay" for a reminder. */
  readonly actor: string;
  readonly comment: string | null;
  /** A reminder: the indicators of the overdue task ("fuel.diesel, electricity.purchased"). */
  readonly assignmentLabel: string | null;
  /** YYYY-MM-DD. */
  readonly dueOn: string | null;
};

/** Control characters, line and paragraph separators, and bidirectional formatting characters. */
const UNSAFE_IN_LINE = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** The same in text of several lines, but for line feeds and tabs. */
const UNSAFE_IN_TEXT = /(?![\n\t])[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/** One line: unsafe characters become spaces, runs of spaces one. */
export const oneLine = (s: string): string => s.replace(UNSAFE_IN_LINE, ' ').replace(/\s+/g, ' ').trim();
/** Text of several lines: CR LF and CR become LF, other unsafe characters are dropped. */
export const safeText = (s: string): string => s.replace(/\r\n?/g, '\n').replace(UNSAFE_IN_TEXT, '').trim();

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A period code (2025, 2025-Q1, 2025-01) as read in each language. */
export function periodName(periodId: string, lang: NoticeLanguage): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(periodId);
  const m = /^(\d{4})-(\d{2})$/.exec(periodId);
  if (lang === 'zh-Hant') {
    if (/^\d{4}$/.test(periodId)) return `${periodId}年`;
    if (q) return `${q[1]}年第${q[2]}季`;
    if (m) return `${m[1]}年${Number(m[2])}月`;
    return periodId;
  }
  if (q) return `${q[1]} Q${q[2]}`;
  if (m) return `${EN_MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  return periodId;
}

/** A date (YYYY-MM-DD): "15 February 2026", "2026年2月15日". */
export function dateName(day: string, lang: NoticeLanguage): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!d) return day;
  return lang === 'zh-Hant'
    ? `${d[1]}年${Number(d[2])}月${Number(d[3])}日`
    : `${Number(d[3])} ${EN_MONTHS[Number(d[2]) - 1] ?? d[2]} ${d[1]}`;
}

/** The unit: entity · period · topic. */
function subjectName(n: Notice, lang: NoticeLanguage): string {
  return [oneLine(n.entity[lang]), periodName(n.periodId, lang), topicName(n.topic, lang)].join(' · ');
}

type Words = {
  readonly title: (unit: string, due: string) => string;
  /** `what`: a reminder's indicators. */
  readonly sentence: (actor: string, unit: string, due: string, what: string) => string;
};

const WORDS: Readonly<Record<NotificationKind, Readonly<Record<NoticeLanguage, Words>>>> = {
  'submitted-for-review': {
    en: {
      title: (u) => `Submitted for your review: ${u}`,
      sentence: (a, u) => `${a} submitted ${u} for review. Please review it or return it with a comment.`,
    },
    'zh-Hant': {
      title: (u) => `待你審核：${u}`,
      sentence: (a, u) => `${a} 已提交「${u}」，請你審核，或附意見退回。`,
    },
  },
  returned: {
    en: {
      title: (u) => `Returned for correction: ${u}`,
      sentence: (a, u) => `${a} returned ${u}. Please correct it as the comment says and submit it again.`,
    },
    'zh-Hant': {
      title: (u) => `已退回，請更正：${u}`,
      sentence: (a, u) => `${a} 已退回「${u}」，請按意見更正後重新提交。`,
    },
  },
  'reviewed-for-approval': {
    en: {
      title: (u) => `Reviewed, awaiting your approval: ${u}`,
      sentence: (a, u) => `${a} reviewed ${u}. Please approve it or return it with a comment.`,
    },
    'zh-Hant': {
      title: (u) => `已審核，待你批准：${u}`,
      sentence: (a, u) => `${a} 已審核「${u}」，請你批准，或附意見退回。`,
    },
  },
  approved: {
    en: { title: (u) => `Approved: ${u}`, sentence: (a, u) => `${a} approved ${u}.` },
    'zh-Hant': { title: (u) => `已批准：${u}`, sentence: (a, u) => `${a} 已批准「${u}」。` },
  },
  reopened: {
    en: {
      title: (u) => `Reopened: ${u}`,
      sentence: (a, u) => `${a} reopened ${u}. It was approved and is a draft again.`,
    },
    'zh-Hant': {
      title: (u) => `已重新開放：${u}`,
      sentence: (a, u) => `${a} 已重新開放「${u}」。此單元原已批准，現回到草稿狀態。`,
    },
  },
  'exception-granted': {
    en: {
      title: (u) => `Exception to segregation of duties: ${u}`,
      sentence: (a, u) =>
        `${a} allowed you to act on ${u} despite segregation of duties, until it is reopened.`,
    },
    'zh-Hant': {
      title: (u) => `職責分離豁免：${u}`,
      sentence: (a, u) => `${a} 已准許你處理「${u}」，不受職責分離限制，直至重新開放為止。`,
    },
  },
  'overdue-reminder': {
    en: {
      title: (u, d) => `Overdue since ${d}: ${u}`,
      sentence: (_a, u, d, w) =>
        `${u}${w ? ` (${w})` : ''} was due on ${d} and has not been submitted yet. Please enter and submit it.`,
    },
    'zh-Hant': {
      title: (u, d) => `已逾期（${d}到期）：${u}`,
      sentence: (_a, u, d, w) => `「${u}」${w ? `（${w}）` : ''}已於${d}到期，尚未提交。請盡快填報並提交。`,
    },
  },
};

/** The title: one line. */
export function noticeTitle(n: Notice, lang: NoticeLanguage): string {
  return WORDS[n.kind][lang].title(subjectName(n, lang), dateName(n.dueOn ?? '', lang));
}

/** What happened and what to do: one sentence (one line). */
export function noticeSentence(n: Notice, lang: NoticeLanguage): string {
  return WORDS[n.kind][lang].sentence(
    oneLine(n.actor),
    subjectName(n, lang),
    dateName(n.dueOn ?? '', lang),
    oneLine(n.assignmentLabel ?? ''),
  );
}

const COMMENT_LABEL: Readonly<Record<NoticeLanguage, { comment: string; reason: string }>> = {
  en: { comment: 'Comment:', reason: 'Reason:' },
  'zh-Hant': { comment: '意見：', reason: '原因：' },
};

const FOOTER: Readonly<Record<NoticeLanguage, (email: string) => string>> = {
  en: (email) =>
    `You receive this because your Assay account (${email}) takes part in the reporting cycle. ` +
    'The same notice is in your notifications in Assay. You can change the language of these e-mails there.',
  'zh-Hant': (email) =>
    `你收到此電郵，是因為你的 Assay 帳戶（${email}）參與匯報流程。` +
    '同一通知亦列於 Assay 的通知內。你可在 Assay 內更改此類電郵的語言。',
};

const OPEN: Readonly<Record<NoticeLanguage, string>> = { en: 'Open Assay:', 'zh-Hant': '開啟 Assay：' };

/** The e-mail: subject and plain-text body, in the recipient's language. */
export function noticeMail(
  n: Notice,
  lang: NoticeLanguage,
  to: { readonly email: string; readonly baseUrl?: string | undefined },
): { subject: string; text: string } {
  const parts = [noticeSentence(n, lang)];
  const comment = n.comment === null ? '' : safeText(n.comment);
  if (comment !== '') {
    const label = n.kind === 'reopened' || n.kind === 'exception-granted' ? 'reason' : 'comment';
    parts.push(`${COMMENT_LABEL[lang][label]}\n${comment}`);
  }
  if (to.baseUrl) parts.push(`${OPEN[lang]} ${to.baseUrl}`);
  parts.push(`--\n${FOOTER[lang](oneLine(to.email))}`);
  const subject = `[Assay] ${noticeTitle(n, lang)}`;
  // The outbox keeps subjects of up to 400 characters; a long entity or assignment name is cut.
  return {
    subject: subject.length > 300 ? `${subject.slice(0, 299)}…` : subject,
    text: `${parts.join('\n\n')}\n`,
  };
}
