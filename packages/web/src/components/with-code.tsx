/**
 * UI text that quotes something to be typed as it is (a command, a header): each occurrence of
 * `code` in `text` is shown in <code>, the rest as text (issue #19: what is typed is not translated).
 */
export function WithCode({ text, code }: { text: string; code: string }) {
  const parts = text.split(code);
  return (
    <>
      {parts.map((part, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, fixed order
        <span key={n}>
          {n > 0 ? <code>{code}</code> : null}
          {part}
        </span>
      ))}
    </>
  );
}
