/**
 * The words of notifications and their e-mail (notice-text.ts), in both languages: every kind
 * has a title and a sentence in English and in Chinese that is Chinese (no English sentence
 * left in it), the e-mail is text with the comment as typed, and names and comments cannot
 * break a subject line or reverse the text around them.
 */
import { NOTIFICATION_KINDS } from '@assay/store';
import { describe, expect, it } from 'vitest';
import {
  dateName,
  type Notice,
  noticeMail,
  noticeSentence,
  noticeTitle,
  oneLine,
  periodName,
} from './notice-text.js';

const notice = (over: Partial<Notice> = {}): Notice => ({
  kind: 'submitted-for-review',
  entity: { en: 'Demo Smelter', 'zh-Hant': '示例冶煉廠' },
  periodId: '2025',
  topic: 'energy',
  actor: 'Ann Lee <ann@example.com>',
  comment: null,
  assignmentLabel: null,
  dueOn: null,
  ...over,
});
const HAN = /\p{Script=Han}/u;
/** An English word of three letters or more outside names and codes: Chinese text should hold none. */
const englishWords = (s: string) =>
  s.replace(/Ann Lee <ann@example\.com>|Assay|Demo Smelter|fuel\.diesel/g, '').match(/\b[A-Za-z]{3,}\b/g) ??
  [];

describe('notification words', () => {
  it.each(NOTIFICATION_KINDS)('%s: a title and a sentence in each language', (kind) => {
    const n = notice({
      kind,
      dueOn: '2026-02-15',
      assignmentLabel: 'fuel.diesel',
      actor: kind === 'overdue-reminder' ? 'Assay' : 'Ann Lee <ann@example.com>',
    });
    for (const text of [noticeTitle(n, 'zh-Hant'), noticeSentence(n, 'zh-Hant')]) {
      expect(text).toMatch(HAN);
      expect(englishWords(text)).toEqual([]);
      expect(text).toContain('示例冶煉廠');
      expect(text).toContain('能源');
    }
    for (const text of [noticeTitle(n, 'en'), noticeSentence(n, 'en')]) {
      expect(text).not.toMatch(HAN);
      expect(text).toContain('Demo Smelter');
      expect(text).toContain('Energy');
    }
  });

  it('says what happened and what to do', () => {
    expect(noticeTitle(notice(), 'en')).toBe('Submitted for your review: Demo Smelter · 2025 · Energy');
    expect(noticeTitle(notice(), 'zh-Hant')).toBe('待你審核：示例冶煉廠 · 2025年 · 能源');
    expect(noticeSentence(notice({ kind: 'returned' }), 'zh-Hant')).toBe(
      'Ann Lee <ann@example.com> 已退回「示例冶煉廠 · 2025年 · 能源」，請按意見更正後重新提交。',
    );
    const overdue = notice({
      kind: 'overdue-reminder',
      periodId: '2026-01',
      dueOn: '2026-02-15',
      assignmentLabel: 'fuel.diesel',
    });
    expect(noticeTitle(overdue, 'en')).toBe(
      'Overdue since 15 February 2026: Demo Smelter · January 2026 · Energy',
    );
    expect(noticeSentence(overdue, 'zh-Hant')).toBe(
      '「示例冶煉廠 · 2026年1月 · 能源」（fuel.diesel）已於2026年2月15日到期，尚未提交。請盡快填報並提交。',
    );
  });

  it('names periods and dates in each language', () => {
    expect(['2025', '2025-Q3', '2025-07'].map((p) => periodName(p, 'zh-Hant'))).toEqual([
      '2025年',
      '2025年第3季',
      '2025年7月',
    ]);
    expect(['2025', '2025-Q3', '2025-07'].map((p) => periodName(p, 'en'))).toEqual([
      '2025',
      '2025 Q3',
      'July 2025',
    ]);
    expect(dateName('2026-02-05', 'zh-Hant')).toBe('2026年2月5日');
    expect(dateName('2026-02-05', 'en')).toBe('5 February 2026');
  });

  it('writes the e-mail as plain text: the comment as typed, the link, why it came, in the reader’s language', () => {
    const comment = '<script>alert(1)</script> & "contractors" missing\r\nsecond line';
    const en = noticeMail(notice({ kind: 'returned', comment }), 'en', {
      email: 'ann@example.com',
      baseUrl: 'https://assay.example.com',
    });
    expect(en.subject).toBe('[Assay] Returned for correction: Demo Smelter · 2025 · Energy');
    expect(en.text).toContain('Comment:\n<script>alert(1)</script> & "contractors" missing\nsecond line');
    expect(en.text).toContain('Open Assay: https://assay.example.com');
    expect(en.text).toContain('(ann@example.com)');
    const zh = noticeMail(notice({ kind: 'reopened', comment: '併購後重算' }), 'zh-Hant', {
      email: 'rita@example.com',
    });
    expect(zh.subject).toBe('[Assay] 已重新開放：示例冶煉廠 · 2025年 · 能源');
    expect(zh.text).toContain('原因：\n併購後重算');
    expect(zh.text).not.toContain('Open Assay');
    expect(englishWords(zh.text.replace('rita@example.com', ''))).toEqual([]);
  });

  it('keeps names and comments from breaking a subject or reversing text', () => {
    const n = notice({ entity: { en: 'Evil\r\nBcc: all@example.com \u202Egnp.exe', 'zh-Hant': '冶煉\n廠' } });
    const mail = noticeMail(n, 'en', { email: 'x@example.com' });
    expect(mail.subject).toBe(
      '[Assay] Submitted for your review: Evil Bcc: all@example.com gnp.exe · 2025 · Energy',
    );
    expect(mail.subject).not.toMatch(/[\r\n\u202E]/);
    expect(noticeTitle(n, 'zh-Hant')).toBe('待你審核：冶煉 廠 · 2025年 · 能源');
    expect(oneLine(' a\u2028b\u0007c\u2066d ')).toBe('a b c d');
    const long = noticeMail(notice({ entity: { en: 'x'.repeat(500), 'zh-Hant': '廠' } }), 'en', {
      email: 'x@e.com',
    });
    expect(long.subject.length).toBe(300);
    const body = noticeMail(notice({ kind: 'returned', comment: 'a\u0000b\u202Ec\u0007d\te' }), 'en', {
      email: 'x@e.com',
    });
    expect(body.text).toContain('Comment:\nabcd\te');
  });
});
