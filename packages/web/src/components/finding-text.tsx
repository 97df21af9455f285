/** A finding's message (or expected and printed values) as the pages show it (issue #19). */
import type { Lang } from '../i18n';

/**
 * Ids as a Chinese finding message names them: a figure ("waste.hazardous@group/2025"), a
 * provision ("hkex:A1.1"), an indicator with its breakdown ("employees.headcount[gender]") or a
 * printed row ("train-general-pct"), an attribute ("claim=offset"): codes starting in lower case,
 * joined by . - : = (and @entity/period); an English message keeps its hyphenated words as text.
 */
const ID =
  /((?<![\w.@:=-])[a-z][A-Za-z0-9]*(?:(?:[.:-][A-Za-z0-9]+)+(?:\[[a-z-]+(?:=[a-z0-9-]+)?(?:;[a-z-]+=[a-z0-9-]+)*\])?(?:@[a-z0-9-]+\/[A-Za-z0-9-]+)?|@[a-z0-9-]+\/[A-Za-z0-9-]+|=[a-z0-9-]*))/;
const WHOLE_ID = new RegExp(`^${ID.source}$`);

/**
 * A finding's message. What it quotes in 「」 is text as the report or the data has it (a printed
 * label, a unit as printed, a name), shown as quoted and not translated; in Chinese, the ids it
 * names are shown as code.
 */
export function MessageText({ text, lang }: { text: string; lang: Lang }) {
  const parts = text
    .split(/(「[^」]*」)/)
    .flatMap((part) => (part.startsWith('「') || lang === 'en' ? [part] : part.split(ID)));
  return (
    <>
      {parts.map((part, n) =>
        part.startsWith('「') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message, fixed order
          <span key={n} translate="no">
            {part}
          </span>
        ) : lang !== 'en' && WHOLE_ID.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message, fixed order
          <code key={n}>{part}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}
