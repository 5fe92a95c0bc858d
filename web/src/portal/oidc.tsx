/**
 * The portal's log-in through the organisation's OpenID Connect provider (DigiD through a broker; issue 19 item 1),
 * shown only when the server offers one (`GET /api/portal/auth/oidc/providers`). The button asks the server to start
 * (`POST /api/portal/auth/oidc/start`, with the invitation's token when it links an invitation) and sends the browser
 * to the provider; the provider sends it back to the server, which answers with `/portaal` — logged in — or with
 * `/portaal?inloggen=<code>`, which `useOidcFailure` words from the catalogue (never the code).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PortalProblem } from './components';
import { dataOf, portal, problemFrom, type Problem, type ResponseOf } from './portal-api';
import { portalKeys } from './portal-query';
import { useTexts, type Texts } from './texts/catalogue';

export type OidcProvider = ResponseOf<'/api/portal/auth/oidc/providers'>['providers'][number];

/** The configured provider, or undefined (none, or the list could not be read: the button simply does not show). */
export function useOidcProvider(): OidcProvider | undefined {
  const list = useQuery({
    queryKey: portalKeys.providers,
    queryFn: () => dataOf(portal.GET('/api/portal/auth/oidc/providers')).catch(() => ({ providers: [] })),
    // The configuration does not change while the page is open.
    staleTime: Infinity,
  });
  return list.data?.providers[0];
}

type Why = keyof Texts['login']['oidcWhy'];

/**
 * Why the way back from the provider failed, from the address (`?inloggen=<code>`), read once and then taken out of
 * the address bar (a reload does not show it again).
 */
export function useOidcFailure(): string | undefined {
  const [code] = useState(() => {
    const found = new URLSearchParams(window.location.search).get('inloggen') ?? undefined;
    if (found !== undefined) window.history.replaceState(null, '', window.location.pathname);
    return found;
  });
  return code;
}

/** The failure as a problem to show, in the chosen language. */
export function oidcFailureProblem(t: Texts, code: string, providerName: string): Problem {
  const why = (Object.keys(t.login.oidcWhy) as Why[]).includes(code as Why) ? code as Why : 'other';
  const text = t.login.oidcWhy[why](providerName);
  return { status: 400, code: 'oidc', nl: text, en: text };
}

/** "Inloggen met <name>": starts at the provider; with `token`, the invitation is linked on the way back. */
export function OidcButton({ provider, token }: { provider: OidcProvider; token?: string }) {
  const t = useTexts();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const start = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      // The one provider there is starts at its own route (the list names it as `url`).
      const { authorizationUrl } = await dataOf(portal.POST('/api/portal/auth/oidc/start', { body: token === undefined ? {} : { token } }));
      window.location.assign(authorizationUrl);
    } catch (error) {
      setProblem(problemFrom(error));
      setBusy(false);
    }
  };
  return (
    <>
      <PortalProblem problem={problem} title={t.login.oidcFailed(provider.name)} />
      <p>
        <button type="button" className="portal-button" data-testid="oidc-start" disabled={busy} onClick={() => void start()}>
          {busy ? t.login.oidcBusy(provider.name) : t.login.oidc(provider.name)}
        </button>
      </p>
    </>
  );
}
