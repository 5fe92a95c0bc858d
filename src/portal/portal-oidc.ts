/**
 * The client portal's OpenID Connect relying party (issue 19 item 1: DigiD through a broker), on `openid-client`
 * (panva): discovery of the configured provider, the authorization request (code flow with PKCE S256, `state` and
 * `nonce`), and the way back — the authorization response checked (state, `iss`), the code exchanged with the PKCE
 * verifier and the client secret, the ID token checked (signature, issuer, audience, expiry, nonce). What comes out is
 * the identity (issuer and subject) and its claims; binding it to an account and starting a session is
 * portal-oidc-routes.ts's.
 *
 * The provider's failures become answers a person can read: unreachable or too slow → 503, an answer that is no valid
 * answer (a server error, not JSON) → 502, an answer that is refused (a code used before, a wrong nonce, a cancelled
 * log-in) → 401 — never a 500.
 */
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import type { PortalOidcSettings } from '../config/config.js';
import { AppError } from '../errors.js';

/** What the browser must carry from the authorization request to the callback (sealed in a cookie). */
export interface OidcChecks {
  state: string;
  nonce: string;
  verifier: string;
}

/** A person as the provider names them. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** The ID token's claims, with the UserInfo's when the BSN claim had to be fetched there. */
  claims: Readonly<Record<string, unknown>>;
}

/** How long a discovered configuration is used before the provider's metadata is fetched again. */
const DISCOVERY_MS = 60 * 60_000;

/** The hex SHA-256 the account stores for an identity (migration 0084 says why a hash). */
export function oidcIdentityHash(identity: Pick<OidcIdentity, 'issuer' | 'subject'>): string {
  return createHash('sha256').update(`portal-oidc:${identity.issuer}\n${identity.subject}`, 'utf8').digest('hex');
}

/** The hex SHA-256 under which a pending log-in's state is stored. */
export function oidcStateHash(state: string): string {
  return createHash('sha256').update(`portal-oidc-state:${state}`, 'utf8').digest('hex');
}

export interface PortalOidcClient {
  readonly settings: PortalOidcSettings;
  /** A new authorization request: the URL to send the browser to and the checks to keep for the way back. */
  begin(): Promise<{ url: URL; checks: OidcChecks }>;
  /** The way back: `callbackUrl` is our redirect URI with the provider's query; throws an `AppError`. */
  finish(callbackUrl: URL, checks: OidcChecks): Promise<OidcIdentity>;
}

/**
 * The relying party for the configured provider. Discovery happens at the first log-in (a provider that is down at
 * start-up does not stop the server) and is kept for an hour; a failed discovery is not kept.
 */
export function portalOidcClient(settings: PortalOidcSettings): PortalOidcClient {
  let discovered: { at: number; configuration: Promise<oidc.Configuration> } | undefined;

  const configuration = (): Promise<oidc.Configuration> => {
    if (discovered !== undefined && Date.now() - discovered.at < DISCOVERY_MS) return discovered.configuration;
    const attempt = discover(settings);
    discovered = { at: Date.now(), configuration: attempt };
    attempt.catch(() => {
      if (discovered?.configuration === attempt) discovered = undefined;
    });
    return attempt;
  };

  return {
    settings,
    async begin() {
      const config = await configuration().catch((error: unknown) => Promise.reject(providerFailure(error)));
      const checks: OidcChecks = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri, scope: settings.scopes, response_type: 'code',
        state: checks.state, nonce: checks.nonce, code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier), code_challenge_method: 'S256',
      });
      return { url, checks };
    },
    async finish(callbackUrl, checks) {
      try {
        const config = await configuration();
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (idToken === undefined) throw refused();
        let claims: Record<string, unknown> = { ...idToken };
        const bsnClaim = settings.bsnClaim;
        // A broker may put the BSN in the UserInfo only: fetched for the same subject, the ID token's claims first.
        if (bsnClaim !== undefined && claims[bsnClaim] === undefined && config.serverMetadata().userinfo_endpoint !== undefined) {
          const info = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...info, ...claims };
        }
        return { issuer: idToken.iss, subject: idToken.sub, claims };
      } catch (error) {
        throw providerFailure(error);
      }
    },
  };
}

async function discover(settings: PortalOidcSettings): Promise<oidc.Configuration> {
  // http:// only for a test provider on this machine (config.ts refuses it elsewhere).
  const insecure = new URL(settings.issuer).protocol === 'http:';
  const options = { timeout: settings.timeoutSeconds, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) };
  const found = await oidc.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, options);
  // client_secret_post is openid-client's default; a provider that offers only client_secret_basic gets that.
  const methods = found.serverMetadata().token_endpoint_auth_methods_supported;
  if (methods === undefined || methods.includes('client_secret_post') || !methods.includes('client_secret_basic')) return found;
  const basic = new oidc.Configuration(found.serverMetadata(), settings.clientId, settings.clientSecret, oidc.ClientSecretBasic(settings.clientSecret));
  basic.timeout = settings.timeoutSeconds;
  if (insecure) oidc.allowInsecureRequests(basic);
  return basic;
}

function refused(): AppError {
  return new AppError('portal-oidc-refused', 401,
    'Inloggen is niet gelukt: het antwoord van de inlogdienst klopt niet of is al gebruikt. Probeer het opnieuw.',
    'Logging in failed: the log-in service\'s answer is not valid or was used before. Try again.');
}

const UNUSABLE_ANSWER = new Set(['OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON', 'OAUTH_PARSE_ERROR']);

/** A failure on the way to or back from the provider as the answer a person reads. */
export function providerFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const timedOut = error instanceof oidc.ClientError && (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT');
  // fetch() fails with TypeError('fetch failed') when there is no connection at all (refused, no route, DNS).
  if ((error instanceof TypeError && error.message === 'fetch failed') || timedOut) {
    return new AppError('portal-oidc-unavailable', 503,
      'De inlogdienst is nu niet bereikbaar. Probeer het later opnieuw, of log in met je gebruikersnaam en wachtwoord als je die hebt.',
      'The log-in service cannot be reached now. Try again later, or log in with your user name and password if you have them.');
  }
  if ((error instanceof oidc.ResponseBodyError && error.status >= 500) || (error instanceof oidc.ClientError && UNUSABLE_ANSWER.has(error.code ?? ''))) {
    return new AppError('portal-oidc-provider-error', 502,
      'De inlogdienst gaf een antwoord dat niet klopt. Probeer het later opnieuw.',
      'The log-in service gave an answer that is not valid. Try again later.');
  }
  if (error instanceof oidc.AuthorizationResponseError) {
    return new AppError('portal-oidc-refused', 401,
      'Inloggen is afgebroken of geweigerd bij de inlogdienst. Probeer het opnieuw.',
      'Logging in was cancelled or refused at the log-in service. Try again.');
  }
  return refused();
}
