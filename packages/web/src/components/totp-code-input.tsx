/**
 * The field for a 6-digit TOTP code (issue #16): numeric keyboard on phones, and
 * `autocomplete="one-time-code"` so that a browser or password manager may offer the code.
 * `totpCodeOf` reads what was typed: spaces are allowed ("123 456", as many apps show it) and
 * taken out; anything but six digits is not sent (a wrong code counts as a failed sign-in).
 */
import type { InputHTMLAttributes } from 'react';

/** The six digits typed, without spaces; undefined when it is not six digits. */
export function totpCodeOf(typed: string): string | undefined {
  const code = typed.replace(/\s+/g, '');
  return /^[0-9]{6}$/.test(code) ? code : undefined;
}

export function TotpCodeInput(
  props: {
    value: string;
    onChange: (value: string) => void;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>,
) {
  const { value, onChange, ...rest } = props;
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      // six digits with room for one space in the middle
      maxLength={7}
      size={8}
      spellCheck={false}
      className="totp-code"
      {...rest}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
