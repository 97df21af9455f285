/**
 * What the app itself records as the author and reason of a revision (app/src/workspace: a
 * bundle loaded into the store is revision 1 by "bundle", "loaded from bundle folder"), in the
 * UI language (issue #19); anything else is a person's name or reason as entered.
 */
import { type Lang, type TextKey, translate } from '../i18n';

const AUTHORS: Readonly<Record<string, TextKey>> = { bundle: 'systemAuthorBundle' };
const REASONS: Readonly<Record<string, TextKey>> = {
  'loaded from bundle folder': 'systemReasonLoaded',
  'loaded from bundle': 'systemReasonLoaded',
};

export const authorText = (author: string, lang: Lang): string => {
  const key = AUTHORS[author];
  return key ? translate(lang, key) : author;
};
export const reasonText = (reason: string, lang: Lang): string => {
  const key = REASONS[reason];
  return key ? translate(lang, key) : reason;
};
