/**
 * The portal's accounts and invitations (`org.portal_accounts`,
 * `org.portal_invitations`; migration 0073), and the client facts the gate's
 * portal door loads for an account (through the owners' projections, one
 * round trip).
 *
 * The log-in and an invitation's completion have no scope yet (they are how a
 * portal user gets one): they pass the plumbing's database or their own
 * transaction and run across organisations, as the staff log-in does. A
 * professional's invitation passes the gate's client scope.
 */
import type { ClientScope } from '../access/gate-scope.js';
import type { HoldsTransaction } from '../db/scope-tx.js';
import { CLIENTS } from '../clients/client-store.js';
import { WRAPPED_CLIENT_KEYS } from '../crypto/client-key-store.js';
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { Queryable } from '../db/database.js';
import { asSystem } from '../db/organisation-scope.js';
import { SCOPE_TX, txOf } from '../db/scope-tx.js';
import { RELATION_NAMES } from '../representation/relation-store.js';
import { RESTRICTIONS_IN_FORCE } from '../requests/restriction-store.js';

/** The portal accounts' TOTP secrets, sealed under the master key (portal-second-factor.ts): rewrapped when it is rotated. */
export const PORTAL_TOTP_SECRETS: SealedColumn = {
  name: 'portal TOTP secrets', table: 'org.portal_accounts', key: { column: 'id', type: 'uuid' }, column: 'totp_secret',
  place: { column: 'id', aad: (id) => `portal-totp:${id}` },
};

/**
 * The accounts as the session store may join them: a subquery PostgreSQL pulls up into the join (one round trip).
 * `live`: not disabled and with credentials (a new invitation's completion sets them): a password and TOTP, or an
 * OpenID Connect identity (portal-oidc-routes.ts).
 */
export const PORTAL_ACCOUNTS = `(SELECT id, organisation_id, client_id, relation_id, disabled_at IS NULL AND (password_hash IS NOT NULL OR oidc_identity IS NOT NULL) AS live FROM org.portal_accounts)`;

/** A transaction, or a gate scope's (the invitation link's door hands the work a scope). */
type Where = Queryable | HoldsTransaction;
function q(where: Where): Queryable {
  return SCOPE_TX in where ? txOf(where) : where;
}

/** An account of the scope's client, as the staff's card lists it. */
export interface PortalAccountRow {
  id: string;
  relation_id: string | null;
  name: string;
  username: string | null;
  /** Logs in through the OpenID Connect provider (DigiD) instead of a user name. */
  oidc_linked: boolean;
  created_at: Date;
  /** The latest invitation's state. */
  invitation_expires_at: Date | null;
  invitation_used_at: Date | null;
}

/** The portal accounts of the scope's client: invited, made and listed by the scope's employee. */
export function portalAccountsOf(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The live account of this person (null relation: the client), if any. */
    of: async (relationId: string | null): Promise<string | undefined> => (await tx.query<{ id: string }>(
      `SELECT id FROM org.portal_accounts WHERE client_id = $1 AND relation_id IS NOT DISTINCT FROM $2 AND disabled_at IS NULL`,
      [clientId, relationId]))[0]?.id,

    /** Makes an account without credentials; its id. */
    create: async (relationId: string | null): Promise<string> => (await tx.query<{ id: string }>(
      `INSERT INTO org.portal_accounts (organisation_id, client_id, relation_id, created_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [scope.client.organisationId, clientId, relationId, scope.now, scope.actor.employeeId]))[0]!.id,

    /** Revokes the account's open invitations and stores a new one (only the token's hash). */
    invite: async (accountId: string, invitation: { tokenHash: Buffer; expiresAt: Date; identityDocument: string }): Promise<string> => {
      await tx.query('UPDATE org.portal_invitations SET revoked_at = $2 WHERE account_id = $1 AND used_at IS NULL AND revoked_at IS NULL', [accountId, scope.now]);
      return (await tx.query<{ id: string }>(
        `INSERT INTO org.portal_invitations (account_id, token_hash, created_by, created_at, expires_at, identity_document, identity_checked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $4) RETURNING id`,
        [accountId, invitation.tokenHash, scope.actor.employeeId, scope.now, invitation.expiresAt, invitation.identityDocument]))[0]!.id;
    },

    /** Every live account of the client with its latest invitation, the person's name first. */
    list: (): Promise<PortalAccountRow[]> => tx.query<PortalAccountRow>(
      `SELECT a.id, a.relation_id, coalesce(r.name, c.given_names || ' ' || c.family_name) AS name, a.username, a.oidc_identity IS NOT NULL AS oidc_linked, a.created_at,
              i.expires_at AS invitation_expires_at, i.used_at AS invitation_used_at
         FROM org.portal_accounts a
         JOIN ${CLIENTS} c ON c.id = a.client_id
         LEFT JOIN ${RELATION_NAMES} r ON r.id = a.relation_id
         LEFT JOIN LATERAL (SELECT expires_at, used_at FROM org.portal_invitations WHERE account_id = a.id AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1) i ON true
        WHERE a.client_id = $1 AND a.disabled_at IS NULL ORDER BY a.created_at`, [clientId]),
  };
}

/** An invitation found by its token, locked until the completion commits. */
export interface InvitationRow {
  id: string;
  account_id: string;
  organisation_id: string;
  client_id: string;
  relation_id: string | null;
  created_by: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  disabled: boolean;
}

/** The invitation of this token hash, across organisations, locked (FOR UPDATE); undefined when there is none. */
export function invitationByToken(where: Where, tokenHash: Buffer): Promise<InvitationRow | undefined> {
  return asSystem(async () => (await q(where).query<InvitationRow>(
    `SELECT i.id, i.account_id, a.organisation_id, a.client_id, a.relation_id, i.created_by, i.expires_at, i.used_at, i.revoked_at,
            a.disabled_at IS NOT NULL AS disabled
       FROM org.portal_invitations i JOIN org.portal_accounts a ON a.id = i.account_id
      WHERE i.token_hash = $1 FOR UPDATE OF i`, [tokenHash]))[0]);
}

/** The names an invitation's page shows: the invitee's and the client's (across organisations: no session yet). */
export function invitationNames(where: Where, clientId: string, relationId: string | null): Promise<{ display_name: string; client_name: string; username: string | null } | undefined> {
  return asSystem(async () => (await q(where).query<{ display_name: string; client_name: string; username: string | null }>(
    `SELECT coalesce(r.name, c.given_names || ' ' || c.family_name) AS display_name, c.given_names || ' ' || c.family_name AS client_name, a.username
       FROM ${CLIENTS} c LEFT JOIN ${RELATION_NAMES} r ON r.id = $2 AND r.client_id = c.id
       LEFT JOIN org.portal_accounts a ON a.client_id = c.id AND a.relation_id IS NOT DISTINCT FROM $2 AND a.disabled_at IS NULL
      WHERE c.id = $1`, [clientId, relationId]))[0]);
}

/** Whether a user name is taken by another account (case-insensitive, across organisations). */
export function portalUsernameTaken(where: Where, username: string, accountId: string): Promise<boolean> {
  return asSystem(async () => (await q(where).query('SELECT 1 FROM org.portal_accounts WHERE lower(username) = lower($1) AND id <> $2', [username, accountId])).length > 0);
}

/**
 * Completes an invitation: marks it used and sets the account's credentials (the TOTP secret sealed, its first step);
 * an OpenID Connect identity bound before is let go (the new credentials replace the old, whichever kind).
 */
export async function completeInvitation(where: Where, invitationId: string, accountId: string, credentials: {
  username: string; passwordHash: string; totpSecret: Buffer; totpStep: number; now: Date;
}): Promise<void> {
  const tx = q(where);
  await asSystem(async () => {
    await tx.query('UPDATE org.portal_invitations SET used_at = $2 WHERE id = $1', [invitationId, credentials.now]);
    await tx.query(
      `UPDATE org.portal_accounts SET username = $2, password_hash = $3, totp_secret = $4, totp_enrolled_at = $5, totp_last_step = $6,
              oidc_identity = NULL, oidc_linked_at = NULL WHERE id = $1`,
      [accountId, credentials.username, credentials.passwordHash, credentials.totpSecret, credentials.now, credentials.totpStep]);
  });
}

/**
 * Completes an invitation through the OpenID Connect provider: marks it used and binds the identity (hex SHA-256 of
 * issuer and subject, portal-oidc.ts) to the account; a user name, password and TOTP secret set before are let go.
 */
export async function completeInvitationWithOidc(where: Where, invitationId: string, accountId: string, link: { identity: string; now: Date }): Promise<void> {
  const tx = q(where);
  await asSystem(async () => {
    await tx.query('UPDATE org.portal_invitations SET used_at = $2 WHERE id = $1', [invitationId, link.now]);
    await tx.query(
      `UPDATE org.portal_accounts SET oidc_identity = $2, oidc_linked_at = $3, username = NULL, password_hash = NULL, totp_secret = NULL,
              totp_enrolled_at = NULL, totp_last_step = NULL WHERE id = $1`,
      [accountId, link.identity, link.now]);
  });
}

/** Whether the identity is bound to another live account (one identity leads to one account: the log-in has no choice). */
export function oidcIdentityTaken(where: Where, identity: string, accountId: string): Promise<boolean> {
  return asSystem(async () => (await q(where).query(
    'SELECT 1 FROM org.portal_accounts WHERE oidc_identity = $1 AND id <> $2 AND disabled_at IS NULL', [identity, accountId])).length > 0);
}

/** The live account an OpenID Connect identity is bound to, across organisations (the log-in knows no organisation). */
export function portalAccountByOidcIdentity(db: Queryable, identity: string): Promise<{ id: string; organisation_id: string } | undefined> {
  return asSystem(async () => (await db.query<{ id: string; organisation_id: string }>(
    'SELECT id, organisation_id FROM org.portal_accounts WHERE oidc_identity = $1 AND disabled_at IS NULL', [identity]))[0]);
}

/** What the log-in needs of an account, by user name across organisations. */
export interface PortalLoginRow {
  id: string;
  username: string;
  organisation_id: string;
  client_id: string;
  relation_id: string | null;
  password_hash: string;
  totp_secret: Buffer;
}

export function portalAccountByUsername(db: Queryable, username: string): Promise<PortalLoginRow | undefined> {
  return asSystem(async () => (await db.query<PortalLoginRow>(
    `SELECT id, username, organisation_id, client_id, relation_id, password_hash, totp_secret FROM org.portal_accounts
      WHERE lower(username) = lower($1) AND disabled_at IS NULL AND password_hash IS NOT NULL AND totp_secret IS NOT NULL`, [username]))[0]);
}

export function portalAccountById(db: Queryable, accountId: string): Promise<PortalLoginRow | undefined> {
  return asSystem(async () => (await db.query<PortalLoginRow>(
    `SELECT id, username, organisation_id, client_id, relation_id, password_hash, totp_secret FROM org.portal_accounts
      WHERE id = $1 AND disabled_at IS NULL AND password_hash IS NOT NULL AND totp_secret IS NOT NULL`, [accountId]))[0]);
}

/** Records `step` as the account's last accepted TOTP step unless it or a later one was (RFC 6238 §5.2: a code once). */
export async function recordPortalTotpStep(tx: Queryable, accountId: string, step: number): Promise<boolean> {
  return asSystem(async () => (await tx.query(
    'UPDATE org.portal_accounts SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING 1', [accountId, step])).length > 0);
}

/** The client facts of an account's dossier the portal door needs, in one round trip; undefined when it is no longer there. */
export interface PortalClientFactsRow {
  id: string;
  organisation_id: string;
  birth_date: string;
  wrapped_key: Buffer | null;
  restricted: boolean;
}

export async function portalClientFacts(tx: Queryable, clientId: string, organisationId: string): Promise<PortalClientFactsRow | undefined> {
  return (await tx.query<PortalClientFactsRow>(
    `SELECT c.id, c.organisation_id, c.birth_date, (SELECT k.wrapped_key FROM ${WRAPPED_CLIENT_KEYS} k WHERE k.client_id = c.id) AS wrapped_key,
            EXISTS (SELECT 1 FROM ${RESTRICTIONS_IN_FORCE} p WHERE p.client_id = c.id) AS restricted
       FROM ${CLIENTS} c WHERE c.id = $1 AND c.organisation_id = $2`, [clientId, organisationId]))[0];
}

/** For the test fixture and the demo seed: an account with credentials directly (they play the invitation's part). */
export async function insertPortalAccountWithCredentials(db: Queryable, row: {
  organisationId: string; clientId: string; relationId: string | null; createdBy: string; username: string; passwordHash: string;
  sealTotp: (accountId: string) => Buffer; now: Date;
}): Promise<string> {
  return asSystem(async () => {
    const id = (await db.query<{ id: string }>(
      `INSERT INTO org.portal_accounts (organisation_id, client_id, relation_id, username, password_hash, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [row.organisationId, row.clientId, row.relationId, row.username, row.passwordHash, row.now, row.createdBy]))[0]!.id;
    await db.query('UPDATE org.portal_accounts SET totp_secret = $2, totp_enrolled_at = $3 WHERE id = $1', [id, row.sealTotp(id), row.now]);
    return id;
  });
}
