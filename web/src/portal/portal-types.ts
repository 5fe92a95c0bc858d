/** Shapes the portal's pages share. */

/** Who is logged in to the portal (GET /api/portal/auth/me). */
export interface PortalMe {
  accountId: string;
  /** The client themself, or one registered relation of the client. */
  kind: 'client' | 'relation';
  displayName: string;
  /** The client whose dossier this account is for. */
  clientName: string;
  /** The relation's kind (parent, guardian, …) for a relation's account. */
  relationKind?: string | null;
}
