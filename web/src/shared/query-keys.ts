/**
 * Every key of the data-loading layer (TanStack Query) in one place, so a change can name what it makes stale.
 *
 * Keys are hierarchical: invalidating a key refreshes every query whose key starts with it. All of one client's cards
 * live under `queryKeys.client(clientId)`, so a mutation on a dossier that is unsure what it touches invalidates that
 * and every card of the client refreshes; one that knows names the card (`queryKeys.consents(clientId)`), and the
 * transfer form, the disclosure form and the consent card, all reading that key, show a consent just recorded.
 * A card not listed here takes `queryKeys.clientCard(clientId, '<name>')` or `queryKeys.other('<name>', ...)` until it
 * is added.
 */
import type { QueryKey } from '@tanstack/react-query';

const clientCard = (clientId: string, card: string, ...rest: unknown[]) => ['client', clientId, card, ...rest] as const;

export const queryKeys = {
  /** The logged-in employee (`GET /api/auth/me`). */
  me: ['auth', 'me'] as const,
  sessionTimeout: ['session', 'timeout'] as const,
  /** Lists of clients: the caseload and the search. */
  clients: ['clients'] as const,
  caseload: ['clients', 'caseload'] as const,
  clientSearch: (query: string) => ['clients', 'search', query] as const,

  /** Everything about one client: invalidate it and all the client's cards refresh. */
  client: (clientId: string) => ['client', clientId] as const,
  clientCard,
  clientDetail: (clientId: string) => clientCard(clientId, 'detail'),
  entries: (clientId: string, query: Record<string, unknown> = {}) => clientCard(clientId, 'entries', query),
  consents: (clientId: string) => clientCard(clientId, 'consents'),
  careConsent: (clientId: string) => clientCard(clientId, 'care-consent'),
  agreements: (clientId: string) => clientCard(clientId, 'agreements'),
  careTeam: (clientId: string) => clientCard(clientId, 'care-team'),
  careTeamCandidates: (clientId: string) => clientCard(clientId, 'care-team', 'candidates'),
  requests: (clientId: string) => clientCard(clientId, 'requests'),
  request: (clientId: string, requestId: string) => clientCard(clientId, 'requests', requestId),
  shieldings: (clientId: string) => clientCard(clientId, 'shieldings'),
  disclosures: (clientId: string) => clientCard(clientId, 'disclosures'),
  relations: (clientId: string) => clientCard(clientId, 'relations'),
  competence: (clientId: string) => clientCard(clientId, 'competence-assessments'),
  endOfCare: (clientId: string) => clientCard(clientId, 'end-of-care'),
  death: (clientId: string) => clientCard(clientId, 'death'),
  wishesAfterDeath: (clientId: string) => clientCard(clientId, 'wishes-after-death'),
  emergencySummary: (clientId: string) => clientCard(clientId, 'emergency-summary'),
  accessFacts: (clientId: string) => clientCard(clientId, 'access-facts'),
  accessLog: (clientId: string, query: Record<string, unknown> = {}) => clientCard(clientId, 'access-log', query),
  messages: (clientId: string) => clientCard(clientId, 'messages'),
  portalAccounts: (clientId: string) => clientCard(clientId, 'portal-accounts'),
  portalReleases: (clientId: string) => clientCard(clientId, 'portal-releases'),
  clientWorkNotes: (clientId: string) => clientCard(clientId, 'work-notes'),

  /** The caller's own work notes (not yet in a dossier). */
  workNotes: ['work-notes'] as const,
  family: (familyId: string) => ['family', familyId] as const,
  familyEntries: (familyId: string) => ['family', familyId, 'entries'] as const,
  /** The requests dashboard (all clients). */
  requestsDashboard: ['requests'] as const,
  messageNotifications: ['me', 'message-notifications'] as const,
  organisationSettings: ['organisation', 'settings'] as const,
  /** The privacy officer's registers and desks: `queryKeys.privacy('breaches')`. */
  privacy: (...parts: unknown[]) => ['privacy', ...parts] as const,
  /** The quality registers (complaints, incidents, prospective clients): `queryKeys.registers('complaints')`. */
  registers: (...parts: unknown[]) => ['registers', ...parts] as const,
  /** Administration (employees, teams, role grants, the administration log): `queryKeys.admin('employees')`. */
  admin: (...parts: unknown[]) => ['admin', ...parts] as const,
  /** Anything not named above, by its own first part. */
  other: (name: string, ...parts: unknown[]) => [name, ...parts] as const,
} satisfies Record<string, QueryKey | ((...args: never[]) => QueryKey)>;
