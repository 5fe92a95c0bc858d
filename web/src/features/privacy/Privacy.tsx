/**
 * The privacy officer's pages, one panel per tab: the emergency-access review queue (ReviewQueue.tsx), the
 * unusual-access report (UnusualAccess.tsx), the disclosure register and the requests' deadlines
 * (PrivacyRegisterViews.tsx), who saw a dossier (AccessLogDesk.tsx), data breaches (BreachRegister.tsx), retention and
 * the records of processing (PrivacyRegisters.tsx), the organisation's settings (OrganisationSettings.tsx).
 */
import { Link } from '../../shared/components';
import { match } from '../../shared/router';
import type { Me } from '../auth/Login';
import { ProcessingRecords, RetentionReview } from './PrivacyRegisters';
import { BreachRegister } from './BreachRegister';
import { AccessSessions, FindClientLog } from './AccessLogDesk';
import { DisclosureRegister, PrivacyRequests } from './PrivacyRegisterViews';
import { OrganisationSettings } from './OrganisationSettings';
import { ReviewQueue } from './ReviewQueue';
import { UnusualAccess } from './UnusualAccess';

export { ReviewQueue } from './ReviewQueue';

const SECTIONS: [string, string][] = [
  ['/privacy', 'Noodtoegang beoordelen'],
  ['/privacy/ongewoon', 'Ongewone toegang'],
  ['/privacy/verstrekkingen', 'Verstrekkingen'],
  ['/privacy/toegang', 'Wie zag dit dossier?'],
  ['/privacy/verzoeken', 'Verzoeken'],
  ['/privacy/datalekken', 'Datalekken'],
  ['/privacy/bewaren', 'Bewaartermijnen'],
  ['/privacy/verwerkingen', 'Verwerkingsregister'],
  ['/privacy/instellingen', 'Instellingen'],
];

export function PrivacyPage({ path }: { me: Me; path: string }) {
  const log = match('/privacy/toegang/:clientId', path);
  return (
    <>
      <h1>Privacy</h1>
      <nav aria-label="Privacy-onderdelen" className="tabs">
        <ul>
          {SECTIONS.map(([to, text]) => (
            <li key={to}><Link to={to} current={to === '/privacy' ? path === to : path.startsWith(to)}>{text}</Link></li>
          ))}
        </ul>
      </nav>
      {path === '/privacy' && <ReviewQueue reviewer="privacy-officer" />}
      {path === '/privacy/ongewoon' && <UnusualAccess />}
      {path === '/privacy/verstrekkingen' && <DisclosureRegister />}
      {path === '/privacy/toegang' && <FindClientLog />}
      {log !== undefined && <AccessSessions key={log.clientId} clientId={log.clientId!} />}
      {path === '/privacy/verzoeken' && <PrivacyRequests />}
      {path === '/privacy/datalekken' && <BreachRegister />}
      {path === '/privacy/bewaren' && <RetentionReview />}
      {path === '/privacy/verwerkingen' && <ProcessingRecords />}
      {path === '/privacy/instellingen' && <OrganisationSettings />}
    </>
  );
}
