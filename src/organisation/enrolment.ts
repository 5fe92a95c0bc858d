/**
 * One-time enrolment links (uitnodigingslink): how an employee gets their own
 * password and second factor without the application administrator ever
 * knowing either (NEN 7510-2 A.9.2.4 "management of secret authentication
 * information": the secret reaches only its owner; A.6.1.2 segregation of duties).
 *
 * Creating an account or resetting one gives the administrator a link with a
 * random 256-bit token. Only its SHA-256 is stored; the link expires after
 * `ENROLMENT_LINK_HOURS`, works once, and a newer link or a reset revokes it.
 * The employee opens it (`openEnrolment`: a fresh TOTP secret, sealed under
 * the master key into an opaque state the page sends back, so the server
 * chose the secret without storing a half-enrolled one) and completes it
 * (`completeEnrolment`: their own password under the password policy, and a
 * code that proves their authenticator holds the secret).
 *
 * The administrator hands the link over and so could open it first; what
 * stands against that: it works once (the employee finds it used and reports),
 * its use is in the hash-chained log with the address, and a privileged role
 * on such an account needs a second person's approval after the enrolment.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import type { AdministrationScope, EnrolmentScope } from '../access/gate.js';
import type { Database, Queryable } from '../db/database.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { AppError, badRequest } from '../errors.js';
import { assertAcceptablePassword } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { issueRecoveryCodes, resetSecondFactor, sealTotpSecret } from '../auth/second-factor.js';
import { endAllSessions } from '../auth/session-store.js';
import { matchTotp, newTotpSecret, totpQrCode, totpUri } from '../auth/totp.js';
import {
  accountsOf, countEnrolmentAttempt, enrolmentOf, liveEnrolmentLink, replaceEnrolmentLink, type LiveEnrolmentLink,
} from './employee-store.js';

/** How long a link works. */
export const ENROLMENT_LINK_HOURS = 72;
/** Wrong codes tried against one link before it is spent. */
const ENROLMENT_ATTEMPTS = 5;
/** The web page that takes the token (in the URL fragment, so it reaches neither server logs nor Referer headers). */
export const ENROLMENT_PAGE = '/inschrijven';

export type EnrolmentKind = 'new-account' | 'reset';

export interface EnrolmentLink {
  /** Shown once, to be handed to the employee; never stored. */
  token: string;
  /** The page with the token in its fragment, absolute when DW_PUBLIC_URL is set. */
  url: string;
  expiresAt: string;
}

function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function linkInvalid(): AppError {
  return new AppError('enrolment-link-invalid', 410,
    'Deze uitnodigingslink werkt niet (meer): hij is al gebruikt, verlopen of vervangen. Vraag de functioneel beheerder om een nieuwe link.',
    'This enrolment link does not work (any more): it was used, expired or replaced. Ask the application administrator for a new one.');
}

/**
 * Revokes the employee's open links and issues a new one. The administrator's
 * act passes its scope, whose work records the act (same transaction); a test
 * setting up an enrolment passes the database.
 */
export async function issueEnrolmentLink(
  where: Queryable | AdministrationScope, employeeId: string, kind: EnrolmentKind, createdBy: string, now: Date, publicUrl: string | undefined,
): Promise<EnrolmentLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ENROLMENT_LINK_HOURS * 3_600_000);
  await replaceEnrolmentLink(where, { tokenHash: tokenHash(token), employeeId, kind, createdBy, createdAt: now, expiresAt });
  const path = `${ENROLMENT_PAGE}#${token}`;
  return { token, url: publicUrl === undefined ? path : `${publicUrl.replace(/\/+$/, '')}${path}`, expiresAt: expiresAt.toISOString() };
}

/**
 * A reset: the old password, second factor, recovery codes, log-in challenges,
 * sessions and links all stop working at once. Nobody can log in to the
 * account until its employee completes the new link.
 */
export async function clearCredentials(scope: AdministrationScope, employeeId: string): Promise<void> {
  await accountsOf(scope).clearPassword(employeeId);
  await resetSecondFactor(scope, employeeId);
  await endAllSessions(scope, employeeId, scope.now);
}

async function liveLink(db: Queryable, token: string, now: Date): Promise<LiveEnrolmentLink> {
  const link = await liveEnrolmentLink(db, tokenHash(token), now, ENROLMENT_ATTEMPTS);
  if (link === undefined) throw linkInvalid();
  return link;
}

const stateContext = (employeeId: string, token: string) => `enrolment:${employeeId}:${tokenHash(token).toString('hex')}`;
/** What the enrolment state seals: the TOTP secret offered, until the employee confirms it. */
const SealedState = Type.Object({ secret: Type.String() });

export interface OpenedEnrolment {
  username: string;
  displayName: string;
  expiresAt: string;
  totp: { otpauthUri: string; secret: string; qrCode: string };
  /** The proposed secret sealed under the master key for this link; sent back with `completeEnrolment`. */
  state: string;
}

/** What the employee sees on opening the link: who they are, and a fresh TOTP secret to add to their app. */
export async function openEnrolment(db: Queryable, masterKey: Buffer, token: string, now: Date): Promise<OpenedEnrolment> {
  const link = await liveLink(db, token, now);
  const secret = newTotpSecret();
  const state = encryptJson(masterKey, { secret }, stateContext(link.employee_id, token)).toString('base64url');
  const otpauthUri = totpUri(secret, link.username);
  return {
    username: link.username, displayName: link.display_name, expiresAt: link.expires_at.toISOString(),
    totp: { otpauthUri, secret, qrCode: await totpQrCode(otpauthUri) }, state,
  };
}

export interface CompletedEnrolment {
  employeeId: string;
  organisationId: string;
  role: string;
  username: string;
  recoveryCodes: string[];
}

/** A completion checked and ready to be carried out: the link's employee, the TOTP secret and step confirmed, the password hashed. */
export interface PreparedEnrolment {
  link: LiveEnrolmentLink;
  token: string;
  secret: string;
  step: number;
  passwordHash: string;
}

/**
 * Checks a completion before anything changes: the link is alive, the state
 * is this link's, the password passes the policy and the code is right;
 * throws 410 for a dead link, 400 for a password the policy refuses or a wrong
 * code (counted, outside any transaction so the count stands: five spend the link).
 */
export async function prepareEnrolment(
  db: Database, masterKey: Buffer, input: { token: string; state: string; password: string; code: string }, now: Date,
): Promise<PreparedEnrolment> {
  const link = await liveLink(db, input.token, now);
  let secret: string;
  try {
    secret = decryptJson(masterKey, Buffer.from(input.state, 'base64url'), stateContext(link.employee_id, input.token), SealedState).secret;
  } catch {
    throw badRequest('enrolment-state-invalid', 'state', 'Open de uitnodigingslink opnieuw en begin opnieuw.', 'Open the enrolment link again and start over.');
  }
  assertAcceptablePassword(input.password, 'password', link.username);
  const step = matchTotp(secret, input.code, now);
  if (step === undefined) {
    await countEnrolmentAttempt(db, tokenHash(input.token));
    throw badRequest('enrolment-code-wrong', 'code',
      'De code klopt niet. Controleer of de tijd op uw telefoon goed staat en typ de code die de app nu toont.',
      'The code is wrong. Check the time on your phone and type the code the app shows now.');
  }
  return { link, token: input.token, secret, step, passwordHash: await hashPassword(input.password) };
}

/**
 * Completes a prepared enrolment inside the gate's enrolment subject: spends
 * the link, sets the employee's own password and second factor, issues the
 * recovery codes and names the employee to the gate, which logs it in the same
 * transaction. Throws 410 when the link was spent meanwhile.
 */
export async function spendEnrolment(scope: EnrolmentScope, masterKey: Buffer, prepared: PreparedEnrolment): Promise<CompletedEnrolment> {
  const { now } = scope;
  const { link } = prepared;
  const enrolment = enrolmentOf(scope);
  if (!await enrolment.spendLink(tokenHash(prepared.token))) throw linkInvalid();
  await resetSecondFactor(scope, link.employee_id);
  await endAllSessions(scope, link.employee_id, now);
  await enrolment.setCredentials(link.employee_id, prepared.passwordHash, sealTotpSecret(masterKey, link.employee_id, prepared.secret), prepared.step);
  const recoveryCodes = await issueRecoveryCodes(scope, link.employee_id, now);
  scope.completed({ organisationId: link.organisation_id, employeeId: link.employee_id, role: link.role });
  return { employeeId: link.employee_id, organisationId: link.organisation_id, role: link.role, username: link.username, recoveryCodes };
}
