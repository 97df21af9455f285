/**
 * The OpenID Connect relying party for single sign-on (issue #16): the authorization code flow
 * with PKCE (S256), `state` and `nonce`, done by openid-client (an OpenID Certified relying-party
 * library); this file only chooses its options and reads the email out of the answer.
 *
 * - `begin` makes a fresh state, nonce and PKCE verifier (32 random bytes each, base64url) and
 *   the provider's authorization URL (scope `openid email`). The caller keeps the three secrets
 *   for the callback (the server: in a short-lived HttpOnly cookie, server/src/routes/oidc.ts).
 * - `finish` hands the callback's query to openid-client, which checks the `state`, the `iss`
 *   response parameter when sent (RFC 9207), redeems the code with the verifier (client secret
 *   by HTTP Basic, the OpenID default), and checks the ID token: signature against the
 *   provider's published keys, issuer, audience, expiry and the nonce. The email comes from the
 *   ID token or, when the ID token has none (providers that keep scope claims out of it), from
 *   the userinfo endpoint for the same subject. `email_verified`, when sent, must be true.
 * - Provider metadata (discovery) is fetched on first use and kept for an hour; a failed fetch
 *   is not kept. Every request to the provider times out after 10 s.
 * - The issuer and the redirect URI must be https; plain http is allowed only on a loopback host
 *   (a provider on the same machine, as in the tests).
 * Accounts are never made here: the email only names an existing account (oidc-sign-in.ts).
 * The clock is injected (`now`) for the pending flow's age and the metadata's; openid-client
 * checks token times against the system clock.
 */
import * as client from 'openid-client';

export type OidcSettings = {
  /** The provider's issuer identifier, e.g. https://login.example.com/realms/main. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** This server's callback as registered at the provider: <origin>/api/session/oidc/callback. */
  readonly redirectUri: string;
  /** Shown on the sign-in page as "Sign in with <label>". */
  readonly label: string;
};

/** The path every redirect URI must have (the server's callback route). */
export const OIDC_CALLBACK_PATH = '/api/session/oidc/callback';
/** A flow must come back within this many seconds of its start. */
export const OIDC_PENDING_SECONDS = 600;
/** Provider metadata is fetched again when older than this many seconds. */
const METADATA_SECONDS = 3600;
/** Seconds before a request to the provider is given up. */
const PROVIDER_TIMEOUT_SECONDS = 10;
const MAX_LABEL = 60;

/** What the browser's round trip must bring back: kept by the caller between begin and finish. */
export type OidcPending = {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** Milliseconds since the epoch. */
  readonly startedAt: number;
};

export type OidcSettingsInput = { readonly [K in keyof OidcSettings]?: string | undefined };
export type OidcSettingsProblem = {
  readonly ok: false;
  readonly field: keyof OidcSettings;
  readonly message: string;
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function urlProblem(text: string, what: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${what} is not a URL: "${text.slice(0, 200)}"`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `${what} must be https (http only on 127.0.0.1, localhost or [::1]): "${text.slice(0, 200)}"`;
}

/**
 * Check settings as read from configuration; the problem names the field. The label defaults to
 * the issuer's host name.
 */
export function oidcSettings(
  input: OidcSettingsInput,
): { ok: true; settings: OidcSettings } | OidcSettingsProblem {
  const issuer = input.issuer?.trim() ?? '';
  const clientId = input.clientId?.trim() ?? '';
  const clientSecret = input.clientSecret ?? '';
  const redirectUri = input.redirectUri?.trim() ?? '';
  const problem = (field: keyof OidcSettings, message: string): OidcSettingsProblem => ({
    ok: false,
    field,
    message,
  });
  if (issuer === '') return problem('issuer', 'issuer is missing');
  const badIssuer = urlProblem(issuer, 'issuer');
  if (badIssuer) return problem('issuer', badIssuer);
  if (clientId === '') return problem('clientId', 'clientId is missing');
  if (clientSecret === '') return problem('clientSecret', 'clientSecret is missing');
  if (redirectUri === '') return problem('redirectUri', 'redirectUri is missing');
  const badRedirect = urlProblem(redirectUri, 'redirectUri');
  if (badRedirect) return problem('redirectUri', badRedirect);
  const callback = new URL(redirectUri);
  if (callback.pathname !== OIDC_CALLBACK_PATH || callback.search !== '' || callback.hash !== '')
    return problem(
      'redirectUri',
      `redirectUri must be this server's ${OIDC_CALLBACK_PATH} with no query, e.g. https://assay.example.com${OIDC_CALLBACK_PATH}`,
    );
  const label = input.label?.trim() || new URL(issuer).hostname;
  if (label.length > MAX_LABEL || /\p{Cc}/u.test(label))
    return problem('label', `label must be at most ${MAX_LABEL} characters without control characters`);
  return { ok: true, settings: { issuer, clientId, clientSecret, redirectUri, label } };
}

export type OidcBegun =
  | { readonly ok: true; readonly url: URL; readonly pending: OidcPending }
  | { readonly ok: false; readonly detail: string };

export type OidcFinished =
  | { readonly ok: true; readonly email: string; readonly subject: string }
  | {
      readonly ok: false;
      /**
       * expired: the flow is older than OIDC_PENDING_SECONDS; unavailable: the provider's
       * metadata could not be fetched; rejected: openid-client refused the answer (state
       * mismatch, an error from the provider, a bad code or ID token); no-email: neither the ID
       * token nor userinfo has an email; unverified-email: email_verified is false.
       */
      readonly reason: 'expired' | 'unavailable' | 'rejected' | 'no-email' | 'unverified-email';
      readonly detail: string;
    };

export type OidcClient = {
  readonly label: string;
  begin(now: Date): Promise<OidcBegun>;
  /** `callbackQuery`: the query string the provider sent the browser back with ("?code=…&state=…"). */
  finish(pending: OidcPending, callbackQuery: string, now: Date): Promise<OidcFinished>;
};

/** One line about an error from openid-client, for the server log (never a token). */
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e).slice(0, 300);
  const code = (e as { code?: unknown }).code;
  const error = (e as { error?: unknown }).error;
  return [e.name, typeof code === 'string' ? code : '', typeof error === 'string' ? error : '', e.message]
    .filter((s) => s !== '')
    .join(': ')
    .slice(0, 300);
}

const isLoopbackHttp = (url: URL) => url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);

/** `email_verified` as providers send it: a boolean, or (some) the string "true"/"false". */
const verified = (v: unknown) => v === true || v === 'true';

export function createOidcClient(settings: OidcSettings): OidcClient {
  const issuer = new URL(settings.issuer);
  let cached: { at: number; config: Promise<client.Configuration> } | undefined;

  function configuration(now: Date): Promise<client.Configuration> {
    const at = now.getTime();
    if (cached && at - cached.at < METADATA_SECONDS * 1000) return cached.config;
    const config = client
      .discovery(
        issuer,
        settings.clientId,
        { client_secret: settings.clientSecret },
        client.ClientSecretBasic(settings.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        },
      )
      .then((c) => {
        c.timeout = PROVIDER_TIMEOUT_SECONDS;
        return c;
      });
    const entry = { at, config };
    cached = entry;
    // A failed fetch is not kept: the next sign-in tries again.
    config.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return config;
  }

  return {
    label: settings.label,
    async begin(now) {
      let config: client.Configuration;
      try {
        config = await configuration(now);
      } catch (e) {
        return { ok: false, detail: `provider metadata from ${settings.issuer}: ${describe(e)}` };
      }
      const pending: OidcPending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        startedAt: now.getTime(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        response_type: 'code',
        scope: 'openid email',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { ok: true, url, pending };
    },
    async finish(pending, callbackQuery, now) {
      const age = now.getTime() - pending.startedAt;
      if (!(age >= 0 && age <= OIDC_PENDING_SECONDS * 1000))
        return { ok: false, reason: 'expired', detail: `the sign-in began ${Math.round(age / 1000)} s ago` };
      let config: client.Configuration;
      try {
        config = await configuration(now);
      } catch (e) {
        return { ok: false, reason: 'unavailable', detail: describe(e) };
      }
      // The URL the provider sent the browser to, as registered (not as this request reached the
      // server, which may be behind a proxy): openid-client takes redirect_uri from it.
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery;
      try {
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) return { ok: false, reason: 'rejected', detail: 'no ID token' };
        let email: unknown = claims.email;
        let emailVerified: unknown = claims.email_verified;
        if (typeof email !== 'string') {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          email = info.email;
          emailVerified = info.email_verified;
        }
        if (typeof email !== 'string' || email.trim() === '')
          return { ok: false, reason: 'no-email', detail: `no email claim for subject ${claims.sub}` };
        if (emailVerified !== undefined && !verified(emailVerified))
          return {
            ok: false,
            reason: 'unverified-email',
            detail: `email_verified is ${String(emailVerified)}`,
          };
        return { ok: true, email: email.trim(), subject: claims.sub };
      } catch (e) {
        return { ok: false, reason: 'rejected', detail: describe(e) };
      }
    },
  };
}
