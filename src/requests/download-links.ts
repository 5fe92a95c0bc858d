/**
 * The copy of an electronic request as a download valid for 7 days (AVG
 * 12(3), 15(3); issue 5). The professional prepares it: the copy is rendered
 * once through the requester's reader view and sealed under the client's data
 * key, so destroying the dossier shreds the download too. The requester, who
 * has no account, fetches it with the link's token and a separate code the
 * professional gives by another channel (by phone, in person): the link alone
 * opens nothing. Only SHA-256 hashes of both are stored. Five wrong codes
 * close the link. Every fetch of a known link, allowed or not, is written to
 * the access log for that client, on behalf of the employee who prepared it.
 */
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Type } from 'typebox';
import { enter, type ClientScope } from '../access/gate.js';
import { dataKeyOf, unwrapClientKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Database } from '../db/database.js';
import { AppError, conflict, notFound } from '../errors.js';
import { Citation } from '../rules/index.js';
import { downloadLinkOf, downloadLinksOf, type LinkRow } from './download-link-store.js';
import { requestsOf } from './request-store.js';

export const DOWNLOAD_DAYS = 7;
export const MAX_FAILED_CODES = 5;
/** No 0/O or 1/I/L: read out over the phone without mistakes. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export interface PreparedDownload {
  id: string;
  /** Shown once: the requester's link carries it. */
  token: string;
  /** Shown once: given to the requester by another channel. */
  code: string;
  expiresAt: string;
}

export interface DownloadLink {
  id: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  fetches: number;
  state: 'active' | 'expired' | 'revoked' | 'locked';
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
const sealContext = (id: string) => `download:${id}`;
/** What a download link seals: the PDF, base64. */
const SealedDocument = Type.Object({ pdf: Type.String() });

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Only a granted copy request that came in electronically is answered with a download. */
async function requireElectronicCopy(scope: ClientScope, requestId: string): Promise<void> {
  const row = await requestsOf(scope).copyFacts(requestId);
  if (row === undefined) throw notFound('Dit verzoek bestaat niet bij deze cliënt.', 'This request does not exist for this client.');
  if (row.kind !== 'copy' || row.channel !== 'electronic') {
    throw conflict('not-an-electronic-copy', 'Alleen een elektronisch ingediend verzoek om een kopie krijgt een downloadlink.', 'Only a copy request made electronically gets a download link.');
  }
  if ((row.state !== 'decided' && row.state !== 'fulfilled') || row.decision === null || row.decision === 'refused') {
    throw conflict('request-wrong-state', 'De downloadlink kan pas worden gemaakt nadat het verzoek is toegewezen.', 'The download link can be made only after the request has been granted.');
  }
}

/** Renders nothing itself: `document` is the copy PDF the caller rendered in the same access. */
export async function prepareDownload(scope: ClientScope, masterKey: Buffer, requestId: string, document: () => Promise<Buffer>): Promise<PreparedDownload> {
  await requireElectronicCopy(scope, requestId);
  const pdf = await document();
  const id = randomUUID();
  const token = randomBytes(32).toString('base64url');
  const code = newCode();
  const expiresAt = new Date(scope.now.getTime() + DOWNLOAD_DAYS * 86_400_000);
  const key = await dataKeyOf(scope, masterKey);
  await downloadLinksOf(scope).insert({
    id, requestId, tokenHash: sha256(token), codeHash: sha256(`${id}:${code}`),
    document: encryptJson(key, { pdf: pdf.toString('base64') }, sealContext(id)), filename: `afschrift-${requestId}.pdf`, expiresAt,
  });
  return { id, token, code, expiresAt: expiresAt.toISOString() };
}

function stateOf(row: LinkRow, now: Date): DownloadLink['state'] {
  if (row.failed_attempts >= MAX_FAILED_CODES) return 'locked';
  if (row.revoked_at !== null) return 'revoked';
  return row.expires_at.getTime() <= now.getTime() ? 'expired' : 'active';
}

export async function listDownloads(scope: ClientScope, requestId: string): Promise<DownloadLink[]> {
  const rows = await downloadLinksOf(scope).ofRequest(requestId);
  return rows.map((r) => ({
    id: r.id, createdAt: r.created_at.toISOString(), expiresAt: r.expires_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null, fetches: r.fetches, state: stateOf(r, scope.now),
  }));
}

export async function revokeDownload(scope: ClientScope, requestId: string, linkId: string): Promise<void> {
  if (!(await downloadLinksOf(scope).revoke(requestId, linkId))) throw notFound('Deze downloadlink bestaat niet of is al ingetrokken.', 'This download link does not exist or was already revoked.');
}

/** The one answer for an unknown link, a wrong code, a revoked or locked link: nothing about which. */
export function downloadRefused(): AppError {
  return new AppError('download-not-available', 404,
    'Deze link of code klopt niet, of de link is ingetrokken. Controleer de code, of vraag uw hulpverlener om een nieuwe link.',
    'This link or code is not right, or the link was revoked. Check the code, or ask your care professional for a new link.');
}

function downloadExpired(): AppError {
  return new AppError('download-expired', 410,
    `Deze link was ${DOWNLOAD_DAYS} dagen geldig en is verlopen. Vraag uw hulpverlener om een nieuwe link.`,
    `This link was valid for ${DOWNLOAD_DAYS} days and has expired. Ask your care professional for a new link.`,
    { basis: [Citation.avg_15] });
}

function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The requester fetches the document. Logged for the client whatever the
 * outcome (the gate's download subject writes the row), with the preparing
 * employee as the responsible user; a wrong code counts towards the lock, in a
 * transaction of its own so a refusal sticks.
 */
export async function fetchDownload(db: Database, masterKey: Buffer, input: { token: string; code: string; now: Date; address: string | null; route: string }): Promise<{ filename: string; pdf: Buffer }> {
  const context = { route: input.route, address: input.address, now: input.now };
  const outcome = await enter(db, context, { kind: 'download' }, 'download-copy', async (scope) => {
    const links = downloadLinkOf(scope);
    const row = await links.byTokenForUpdate(sha256(input.token));
    if (row === undefined) return { kind: 'unknown' as const };
    const state = stateOf(row, input.now);
    const codeRight = sameHash(row.code_hash, sha256(`${row.id}:${input.code.trim().toUpperCase()}`));
    const link = { organisationId: row.organisation_id, clientId: row.client_id, preparedBy: row.created_by };
    if (state === 'active' && codeRight) {
      const key = unwrapClientKey(masterKey, row.client_id, await links.wrappedKeyOf(row.client_id)); // 410 once the dossier was destroyed
      await links.countFetch(row.id);
      scope.attempted(link, true);
      const { pdf } = decryptJson(key, row.document, sealContext(row.id), SealedDocument);
      return { kind: 'ok' as const, filename: row.filename, pdf: Buffer.from(pdf, 'base64') };
    }
    if (!codeRight && state !== 'locked') await links.countWrongCode(row.id);
    scope.attempted(link, false);
    return { kind: state === 'expired' && codeRight ? 'expired' as const : 'refused' as const };
  });
  switch (outcome.kind) {
    case 'ok': return { filename: outcome.filename, pdf: outcome.pdf };
    case 'expired': throw downloadExpired();
    case 'refused': case 'unknown': throw downloadRefused();
  }
}
