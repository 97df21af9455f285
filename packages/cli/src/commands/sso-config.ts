/**
 * Single sign-on settings for `assay serve` from the environment (issue #16; docs/cli.md,
 * docs/security.md "Single sign-on"): ASSAY_OIDC_ISSUER, ASSAY_OIDC_CLIENT_ID,
 * ASSAY_OIDC_CLIENT_SECRET, ASSAY_OIDC_REDIRECT_URI, and optionally ASSAY_OIDC_LABEL. None set:
 * no single sign-on. Any set: all four are needed, and app's `oidcSettings` checks them; its
 * problem names a field, reported here as the variable to fix.
 */
import type { OidcSettings, OidcSettingsInput } from '@assay/app/access';

export const OIDC_ENV: { readonly [K in keyof OidcSettings]: string } = {
  issuer: 'ASSAY_OIDC_ISSUER',
  clientId: 'ASSAY_OIDC_CLIENT_ID',
  clientSecret: 'ASSAY_OIDC_CLIENT_SECRET',
  redirectUri: 'ASSAY_OIDC_REDIRECT_URI',
  label: 'ASSAY_OIDC_LABEL',
};

/** What the environment says, unchecked; undefined when no ASSAY_OIDC_* variable is set. */
export function oidcFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettingsInput | undefined {
  const input = Object.fromEntries(
    Object.entries(OIDC_ENV).map(([field, name]) => [field, env[name] === '' ? undefined : env[name]]),
  ) as OidcSettingsInput;
  return Object.values(input).some((v) => v !== undefined) ? input : undefined;
}
