/** The portal's start page: whose dossier this is and a card per page, each saying in one line what it is for. */
import { PortalLink, WithheldNotice } from '../components';
import { PORTAL_PAGES } from '../portal-pages';
import type { PortalMe } from '../portal-types';
import { useTexts } from '../texts/catalogue';

export function PortalHome({ me }: { me: PortalMe }) {
  const t = useTexts();
  return (
    <>
      <h1>{t.home.greeting(me.displayName)}</h1>
      <p className="lead">{me.kind === 'client' ? t.home.aboutSelf : t.home.aboutClient(me.clientName)}</p>
      <p>{me.kind === 'client' ? t.home.intro : t.home.introRelation(me.clientName)}</p>
      {!me.standing.allowed && <WithheldNotice title={t.home.noRights} explanation={me.standing.explanation} basis={me.standing.basis} testId="standing" />}
      <ul className="portal-cards">
        {PORTAL_PAGES.map((p) => (
          <li key={p.path} className="card">
            <h2><PortalLink to={p.path}>{t.shell[p.key]}</PortalLink></h2>
            <p>{t.home.cards[p.key]}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
