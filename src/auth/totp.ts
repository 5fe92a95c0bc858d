/**
 * The TOTP second factor (RFC 6238): 30-second steps, 6 digits, HMAC-SHA-1 —
 * the parameters every authenticator app supports. NEN 7510-2 (A.9.4.2) asks
 * for two factors for access to health data. Pure: the time is an input.
 *
 * The codec and HMAC come from `otpauth`; this module decides which steps count
 * (one step either side, for clock drift) and reports the step that matched, so
 * the caller can refuse that step the second time (RFC 6238 §5.2).
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const ALGORITHM = 'SHA1';
/** Steps accepted either side of now: RFC 6238 §5.2 recommends at most one for network delay. */
const DRIFT_STEPS = 1;
const ISSUER = 'Dossierwijzer';

/** A new random secret of 160 bits (RFC 4226 §4 recommends 160), as base32 for authenticator apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS,
  });
}

/** The RFC 6238 time step of `at`. */
export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of one time step (tests, and the harness that plays the authenticator app). */
export function totpCode(secretBase32: string, step: number): string {
  return totp(secretBase32).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/**
 * The time step whose code is `code`, within one step of `now`, or undefined.
 * Which steps were already used is the caller's business (see `acceptTotpStep`).
 * @example
 * const step = matchTotp(secret, '123456', new Date());
 * if (step === undefined) throw loginFailed();
 */
export function matchTotp(secretBase32: string, code: string, now: Date): number | undefined {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  const current = timeStep(now);
  let matched: number | undefined;
  // Compare every candidate, in constant time, so the answer's timing says nothing about which step matched.
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step += 1) {
    if (timingSafeEqual(Buffer.from(totpCode(secretBase32, step)), Buffer.from(code))) matched ??= step;
  }
  return matched;
}

/** The otpauth:// URI an authenticator app reads (Key Uri Format). */
export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

/** The URI as a QR code, a `data:image/png;base64,…` URL for an <img>. */
export function totpQrCode(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no i, l, o, 0, 1: nothing to misread

/** Ten one-time recovery codes, `xxxxx-xxxxx` from a 31-character alphabet: about 49 random bits each. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const letters = Array.from({ length: 10 }, () => RECOVERY_ALPHABET.charAt(randomInt(RECOVERY_ALPHABET.length))).join('');
    return `${letters.slice(0, 5)}-${letters.slice(5)}`;
  });
}

/** What is stored of a recovery code: the SHA-256 of its letters, without dashes, spaces or case. */
export function recoveryCodeHash(code: string): Buffer {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, ''), 'utf8').digest();
}
