/** One client as `GET /api/clients/:clientId` returns it, shared by the client page and its cards (kept apart so the pages do not import each other). */

export interface TransferNotice { id: string; recipient: string; recipientKind: string; transferredOn: string }

export interface ClientDetail {
  id: string; familyName: string; givenNames: string; birthDate: string; bsn: string | null; gender: string;
  streetAddress: string | null; postcode: string | null; town: string | null; phone: string | null; email: string | null;
  identityChecks: { documentType: string; checkedBy: string; checkedAt: string }[];
  relations: { id: string; relation: string; hasCustody: boolean; custodyKind: string | null; familyName: string; givenNames: string; establishedHow: string; validFrom: string; validTo: string | null; custodyEstablishedBy?: string | null }[];
  dossier: { holder: { id: string; name: string; function: string } | null; careStartedOn: string | null; careEndedOn: string | null } | null;
  transfer: TransferNotice | null;
  families: { id: string; name: string }[];
  retention: { keptUntil: string | null; held: boolean; explanation: string } | null;
  death?: { diedOn: string; wishInLife: string; recordedBy: string; recordedAt: string } | null;
  representatives?: { rank: number; relationIds: string[] } | null;
  /** A restriction of processing in force (AVG 18), started by the request named. */
  processingRestriction?: { since: string; requestId: string; notice: string } | null;
  /** Formal data corrected on a request (AVG 16) or edited with how it became known (reason), the old value kept. */
  /** The caller's own confirmed emergency access that runs now, and when it ends (the banner with the time left). */
  emergencyAccess?: { startedAt: string; expiresAt: string } | null;
  corrections?: { field: string; oldValue: string | null; newValue: string; correctedBy: string; correctedAt: string; requestId: string | null; reason?: string | null }[];
}
