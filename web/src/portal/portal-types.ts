/** Shapes the portal's pages share. */

/** Who is logged in to the portal (GET /api/portal/auth/me). */
export interface PortalMe {
  accountId: string;
  /** The client themself, or one registered relation of the client. */
  kind: 'client' | 'relation';
  displayName: string;
  /** The client whose dossier this account is for. */
  clientName: string;
  /** The registered relation this account is for; null for the client themself. */
  relationId: string | null;
  /** Whether the engine gives this person a right to anything in the dossier today, and why (its Dutch words). */
  standing: { allowed: boolean; explanation: string; basis: string[] };
}
