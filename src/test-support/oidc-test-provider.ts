/**
 * An OpenID Connect provider in the test process (issue 19 item 1: "DigiD through a broker"), on `oidc-provider`
 * (panva), listening on 127.0.0.1 with one confidential client whose redirect URI is the server's callback. The test
 * plays the person at the provider: `signInAs({ sub, bsn })` says who logs in next; the provider's own log-in page is
 * replaced by an interaction that finishes at once as that person (and the consent is given by `loadExistingGrant`).
 * `conformIdTokenClaims: false` puts the `bsn` claim (scope `bsn`) in the ID token, as DigiD brokers do.
 *
 * `authorize(url)` follows an authorization URL through the provider as a browser would (its own cookies) and answers
 * the redirect to our callback with `code`, `state` and `iss`; a browser test lets Chromium do the same.
 *
 * @example
 * const provider = await startOidcTestProvider({ redirectUri: 'http://127.0.0.1:3999/api/portal/auth/oidc/callback' });
 * const h = await createHarness({ DW_PUBLIC_URL: 'http://127.0.0.1:3999', ...provider.env });
 * provider.signInAs({ sub: 'persoon-1', bsn: '999990019' });
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Grant, type JWK, type KoaContextWithOIDC } from 'oidc-provider';

export interface OidcTestPerson {
  sub: string;
  bsn?: string;
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** DW_PORTAL_OIDC_* for the server (issuer, client, name "DigiD", BSN claim `bsn`, scopes `openid bsn`). */
  env: Record<string, string>;
  /** Who logs in at the provider from now on. */
  signInAs(person: OidcTestPerson): void;
  /** Follows the authorization URL through the provider; answers the redirect to our callback. */
  authorize(authorizationUrl: string): Promise<URL>;
  /** Stops answering (connections refused) until `start` again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startOidcTestProvider(options: { redirectUri: string; port?: number }): Promise<OidcTestProvider> {
  let person: OidcTestPerson = { sub: 'niemand' };
  const clientId = 'dossierwijzer-portaal';
  const clientSecret = randomBytes(24).toString('base64url');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-1', alg: 'RS256', use: 'sig' } as JWK;

  const provider: Provider = new Provider(issuer, {
    clients: [{
      client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], bsn: ['bsn'] },
    conformIdTokenClaims: false,
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, ...(person.sub === sub && person.bsn !== undefined ? { bsn: person.bsn } : {}) }),
    }),
    // Consent is the person's at a real provider; here every scope asked for is granted at once.
    loadExistingGrant: async (ctx: KoaContextWithOIDC): Promise<Grant | undefined> => {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (accountId === undefined || client === undefined) return undefined;
      const grant: Grant = new provider.Grant({ clientId: client.clientId, accountId });
      const scope = ctx.oidc.params?.scope;
      grant.addOIDCScope(typeof scope === 'string' ? scope : 'openid');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/') === true) {
      // The person logs in at once (the broker's DigiD page is not what these tests are about).
      provider.interactionFinished(req, res, { login: { accountId: person.sub } }, { mergeWithLastSubmission: false }).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    void callback(req, res);
  });

  return {
    issuer, clientId, clientSecret,
    env: {
      DW_PORTAL_OIDC_ISSUER: issuer, DW_PORTAL_OIDC_CLIENT_ID: clientId, DW_PORTAL_OIDC_CLIENT_SECRET: clientSecret,
      DW_PORTAL_OIDC_NAME: 'DigiD', DW_PORTAL_OIDC_BSN_CLAIM: 'bsn', DW_PORTAL_OIDC_SCOPES: 'openid bsn',
    },
    signInAs(next) {
      person = next;
    },
    async authorize(authorizationUrl) {
      const jar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 10; hop += 1) {
        if (url.href.startsWith(options.redirectUri)) return url;
        const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const cookie of response.headers.getSetCookie()) {
          const pair = cookie.split(';')[0]!;
          const at = pair.indexOf('=');
          jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
        const location = response.headers.get('location');
        if (location === null) throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
        url = new URL(location, url);
      }
      throw new Error('the provider redirected more than ten times');
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    async start() {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
  };
}
