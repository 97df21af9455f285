/**
 * The field for a 6-digit TOTP code (issue #16): numeric keyboard on phones, and
 * `autocomplete="one-time-code"` so that a browser or password manager may offer the code.
 * `totpCodeOf` reads what was typed: spaces are allowed ("123 456", as many apps show it) and
 * taken out; anything but six digits is not sent (a wrong code counts as a failed sign-in).
 * `RecoveryCodeInput` is the field for a recovery code instead (docs/security.md, "Recovery
 * codes"): 16 base32 characters shown as "XXXX-XXXX-XXXX-XXXX", read by `recoveryCodeOf` as the
 * server does (app/access/recovery-code-shape.ts): spaces and hyphens dropped, any case.
 */
import type { InputHTMLAttributes, Ref } from 'react';

/** The six digits typed, without spaces; undefined when it is not six digits. */
export function totpCodeOf(typed: string): string | undefined {
  const code = typed.replace(/\s+/g, '');
  return /^[0-9]{6}$/.test(code) ? code : undefined;
}

/** Base32 (RFC 4648): A–Z and 2–7; 16 characters make a recovery code (80 bits). */
const RECOVERY_SHAPE = /^[A-Z2-7]{16}$/;

/** The recovery code typed, grouped "XXXX-XXXX-XXXX-XXXX"; undefined when it cannot be one. */
export function recoveryCodeOf(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return RECOVERY_SHAPE.test(code) ? (code.match(/.{4}/g) ?? []).join('-') : undefined;
}

export function TotpCodeInput(
  props: {
    value: string;
    onChange: (value: string) => void;
    /** The input element (React 19 passes `ref` as a prop), e.g. for a form to focus it. */
    ref?: Ref<HTMLInputElement>;
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

/** A recovery code: letters and digits, no spell check or autocorrection, upper case offered. */
export function RecoveryCodeInput(
  props: {
    value: string;
    onChange: (value: string) => void;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>,
) {
  const { value, onChange, ...rest } = props;
  return (
    <input
      type="text"
      // used once and never again: nothing for the browser to remember or offer
      autoComplete="off"
      autoCapitalize="characters"
      autoCorrect="off"
      spellCheck={false}
      // 16 characters, 3 hyphens, and room for spaces typed around the groups
      maxLength={40}
      size={22}
      placeholder="XXXX-XXXX-XXXX-XXXX"
      className="recovery-code"
      {...rest}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
