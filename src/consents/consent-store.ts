/**
 * The consents module's store of the consent register (`org.consents`, issue
 * 14: one owner per table), bound to the gate's client scope:
 * `consentsOf(scope)` reaches only the scope's client's consents. Their free
 * texts go in and come out sealed under the client's key; the service seals
 * and opens them. Start-up sealing of rows from before migration 0033 works
 * across clients and takes the plumbing's transaction.
 */
import { employeeIdOf, type ClientBoundScope } from '../access/gate-scope.js';
import { CLIENTS_WITH_KEY } from '../crypto/client-key-store.js';
import type { Queryable } from '../db/database.js';
import { txOf, type HoldsTransaction } from '../db/scope-tx.js';
import type { ConsentParty, Part } from '../rules/index.js';

/** A consent as stored: who gave it, when, for what, and its free texts sealed (null: destroyed with the dossier, or never sealed). */
export interface ConsentRow {
  id: string; kind: 'care' | 'disclosure'; given_by: ConsentParty; given_by_relation_id: string | null; given_on: string;
  content_ciphertext: Buffer | null; part: Part | null; valid_from: string; valid_to: string | null; withdrawn_at: Date | null;
}

const CONSENT_COLUMNS = 'id, kind, given_by, given_by_relation_id, given_on, content_ciphertext, part, valid_from, valid_to, withdrawn_at';

/** Who withdraws a consent, as the register records it: a party, and the relation (null: the client). */
export interface WithdrawnBy {
  party: ConsentParty;
  relationId: string | null;
}

/**
 * The consents of the scope's client (`org.consents`), recorded and withdrawn by the scope's employee, now.
 * Withdrawn, never deleted.
 * @example const consents = await consentsOf(scope).list();
 */
export function consentsOf(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** Every consent, newest first (by the day given, then when recorded). */
    list: (): Promise<ConsentRow[]> =>
      tx.query<ConsentRow>(`SELECT ${CONSENT_COLUMNS} FROM org.consents WHERE client_id = $1 ORDER BY given_on DESC, recorded_at DESC`, [clientId]),

    /** One consent; undefined when it is not one of this client's. */
    byId: async (consentId: string): Promise<ConsentRow | undefined> =>
      (await tx.query<ConsentRow>(`SELECT ${CONSENT_COLUMNS} FROM org.consents WHERE id = $1 AND client_id = $2`, [consentId, clientId]))[0],

    /** The disclosure consent, if it is in force on `on` (not withdrawn, within its validity). */
    disclosureInForce: async (consentId: string, on: string): Promise<ConsentRow | undefined> =>
      (await tx.query<ConsentRow>(
        `SELECT ${CONSENT_COLUMNS} FROM org.consents WHERE id = $1 AND client_id = $2 AND kind = 'disclosure' AND withdrawn_at IS NULL
        AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)`, [consentId, clientId, on]))[0],

    /** Records a consent by the scope's employee, its free texts sealed. */
    record: async (consent: {
      id: string; kind: 'care' | 'disclosure'; givenBy: ConsentParty; givenByRelationId: string | null; givenOn: string; contentCiphertext: Buffer;
      validFrom: string; validTo: string | null; part: Part | null;
    }): Promise<void> => {
      await tx.query(
        `INSERT INTO org.consents (id, client_id, kind, given_by, given_by_relation_id, given_on, content_ciphertext, valid_from, valid_to, recorded_by, part)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [consent.id, clientId, consent.kind, consent.givenBy, consent.givenByRelationId, consent.givenOn, consent.contentCiphertext, consent.validFrom,
          consent.validTo, employeeIdOf(scope), consent.part]);
    },

    /** What withdrawing a consent needs to know: whether it was withdrawn, its kind, who gave it; undefined when it is not one of this client's. */
    givenBy: async (consentId: string): Promise<{ withdrawn_at: Date | null; kind: 'care' | 'disclosure'; given_by: ConsentParty; given_by_relation_id: string | null } | undefined> =>
      (await tx.query<{ withdrawn_at: Date | null; kind: 'care' | 'disclosure'; given_by: ConsentParty; given_by_relation_id: string | null }>(
        'SELECT withdrawn_at, kind, given_by, given_by_relation_id FROM org.consents WHERE id = $1 AND client_id = $2', [consentId, clientId]))[0],

    /** Withdraws a consent of this client, now, by the scope's employee on behalf of `by` (AVG 7(3)). */
    withdraw: async (consentId: string, by: WithdrawnBy): Promise<void> => {
      await tx.query('UPDATE org.consents SET withdrawn_at = $2, withdrawn_by = $3, withdrawn_by_party = $4, withdrawn_by_relation_id = $5 WHERE id = $1 AND client_id = $6',
        [consentId, scope.now, employeeIdOf(scope), by.party, by.relationId, clientId]);
    },
  };
}

/** A consent whose texts a row written before migration 0033 still holds in clear. */
export interface LegacyConsentRow {
  id: string; client_id: string; information_given: string | null; recipient: string | null; purpose: string | null;
  data_description: string | null; declaration_reference: string | null;
}

/**
 * Up to `limit` consents of clients whose key still exists that hold text in clear, locked for sealing
 * (start-up, `sealLegacyFreeText`): a client whose key is gone had these emptied (0033, destruction).
 */
export async function legacyConsentRows(tx: Queryable, limit: number): Promise<LegacyConsentRow[]> {
  return tx.query<LegacyConsentRow>(
    `SELECT c.id, c.client_id, c.information_given, c.recipient, c.purpose, c.data_description, c.declaration_reference
       FROM org.consents c JOIN ${CLIENTS_WITH_KEY} k ON k.client_id = c.client_id
      WHERE COALESCE(c.information_given, '') <> '' OR COALESCE(c.recipient, '') <> '' OR COALESCE(c.purpose, '') <> ''
         OR COALESCE(c.data_description, '') <> '' OR COALESCE(c.declaration_reference, '') <> ''
      LIMIT ${limit} FOR UPDATE OF c`);
}

/** Stores a consent's sealed texts and empties the plaintext columns. */
export async function storeSealedConsentTexts(tx: Queryable, consentId: string, sealed: Buffer): Promise<void> {
  await tx.query(
    `UPDATE org.consents SET content_ciphertext = $2, information_given = NULL, recipient = NULL, purpose = NULL, data_description = NULL,
            declaration_reference = NULL WHERE id = $1`, [consentId, sealed]);
}

/** The client a portal write is bound to, and now: the gate's portal scope (or any client-bound scope) carries both. */
export interface ClientBound extends HoldsTransaction {
  readonly client: { readonly id: string };
  readonly now: Date;
}

/** The evidence of an act in the portal: the portal account and the short id of the portal session (migration 0077). */
export interface PortalEvidence {
  accountId: string;
  session: string;
}

/** A consent as the portal shows it: the stored row, who recorded it (employee or portal) and the relation it names as recipient. */
export interface PortalConsentRow extends ConsentRow {
  recorded_by_portal_account: string | null;
  recipient_relation_id: string | null;
}

const PORTAL_CONSENT_COLUMNS = `${CONSENT_COLUMNS}, recorded_by_portal_account, recipient_relation_id`;

/**
 * The parts for which a consent given by the client, naming `relationId` as its recipient, is in force on `on`
 * (not withdrawn, within its validity); `dossier` covers every part. For the gate, which loads the facts before a
 * scope exists: the young person of 16 or over decides what each parent sees (001; Jeugdwet 7.3.11).
 */
export async function consentedPartsOf(tx: Queryable, clientId: string, relationId: string, on: string): Promise<Part[]> {
  const rows = await tx.query<{ part: Part | null }>(
    `SELECT part FROM org.consents WHERE client_id = $1 AND recipient_relation_id = $2 AND kind = 'disclosure' AND given_by = 'client'
        AND withdrawn_at IS NULL AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)`, [clientId, relationId, on]);
  return [...new Set(rows.map((r) => r.part ?? 'dossier'))];
}

/**
 * The consents of the scope's client as the portal reads and writes them: recorded and withdrawn by the person in
 * the portal, with the portal account and session as the evidence (migration 0077), never by an employee.
 * @example await portalConsentsOf(scope, { accountId, session }).record({ … });
 */
export function portalConsentsOf(scope: ClientBound, evidence: PortalEvidence) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** Every consent, newest first, with who recorded it and the relation it names. */
    list: (): Promise<PortalConsentRow[]> =>
      tx.query<PortalConsentRow>(`SELECT ${PORTAL_CONSENT_COLUMNS} FROM org.consents WHERE client_id = $1 ORDER BY given_on DESC, recorded_at DESC`, [clientId]),
    /** One consent; undefined when it is not one of this client's. */
    byId: async (consentId: string): Promise<PortalConsentRow | undefined> =>
      (await tx.query<PortalConsentRow>(`SELECT ${PORTAL_CONSENT_COLUMNS} FROM org.consents WHERE id = $1 AND client_id = $2`, [consentId, clientId]))[0],
    /** The consents in force today that the client gave to `relationId` (recipient), by part. */
    toRelation: (relationId: string, on: string): Promise<PortalConsentRow[]> =>
      tx.query<PortalConsentRow>(
        `SELECT ${PORTAL_CONSENT_COLUMNS} FROM org.consents WHERE client_id = $1 AND recipient_relation_id = $2 AND kind = 'disclosure' AND given_by = 'client'
            AND withdrawn_at IS NULL AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3) ORDER BY recorded_at`, [clientId, relationId, on]),
    /** Records a consent given in the portal, now; its free texts sealed. */
    record: async (consent: {
      id: string; kind: 'care' | 'disclosure'; givenBy: ConsentParty; givenByRelationId: string | null; givenOn: string; contentCiphertext: Buffer;
      validFrom: string; validTo: string | null; part: Part | null; recipientRelationId: string | null;
    }): Promise<void> => {
      await tx.query(
        `INSERT INTO org.consents (id, client_id, kind, given_by, given_by_relation_id, given_on, content_ciphertext, valid_from, valid_to, part,
           recipient_relation_id, recorded_by, recorded_by_portal_account, recorded_in_portal_session, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, $12, $13, $14)`,
        [consent.id, clientId, consent.kind, consent.givenBy, consent.givenByRelationId, consent.givenOn, consent.contentCiphertext, consent.validFrom,
          consent.validTo, consent.part, consent.recipientRelationId, evidence.accountId, evidence.session, scope.now]);
    },
    /** Withdraws a consent of this client in the portal, now, by `by` (AVG 7(3)); the account is the evidence. */
    withdraw: async (consentId: string, by: WithdrawnBy): Promise<void> => {
      await tx.query(
        `UPDATE org.consents SET withdrawn_at = $2, withdrawn_by = NULL, withdrawn_by_party = $3, withdrawn_by_relation_id = $4, withdrawn_by_portal_account = $5
          WHERE id = $1 AND client_id = $6 AND withdrawn_at IS NULL`,
        [consentId, scope.now, by.party, by.relationId, evidence.accountId, clientId]);
    },
  };
}

/** `consentedPartsOf` for a scope bound to the client (the gate's portal door asks it inside its transaction). */
export function consentedPartsOfScope(scope: ClientBound, relationId: string, on: string): Promise<Part[]> {
  return consentedPartsOf(txOf(scope), scope.client.id, relationId, on);
}

/**
 * The consents in force on `today` (not withdrawn, within their validity) of the given clients of the caller's
 * caseload: one query for the whole caseload's signals (issue 15 item 9); the caller admitted these clients first.
 */
export function consentsInForceOfClients(
  scope: Parameters<typeof txOf>[0], clientIds: readonly string[], today: string,
): Promise<{ client_id: string; kind: 'care' | 'disclosure'; given_by: string; valid_to: string | null }[]> {
  return txOf(scope).query<{ client_id: string; kind: 'care' | 'disclosure'; given_by: string; valid_to: string | null }>(
    `SELECT client_id, kind, given_by, valid_to FROM org.consents
      WHERE client_id = ANY($1::uuid[]) AND withdrawn_at IS NULL AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
    [[...clientIds], today]);
}
