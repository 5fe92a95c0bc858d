/**
 * Logs a benchmark employee in through the real two-step log-in (password,
 * then a TOTP code computed from a secret set here), as a browser would, and
 * returns the headers later requests need: the session cookie and the CSRF
 * header.
 */
import type { Database } from '../db/database.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../auth/csrf.js';
import { setTotpSecret } from '../auth/second-factor.js';
import { newTotpSecret, timeStep, totpCode } from '../auth/totp.js';

export interface BenchSession {
  cookie: string;
  /** For state-changing requests: cookie, CSRF header and JSON content type. */
  writeHeaders: Record<string, string>;
}

export async function benchLogin(db: Database, masterKey: Buffer, address: string, employee: { id: string; username: string; password: string }): Promise<BenchSession> {
  const secret = newTotpSecret();
  await setTotpSecret(db, masterKey, employee.id, secret, new Date());
  const json = { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE };
  const step1 = await fetch(`${address}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: employee.username, password: employee.password }) });
  if (step1.status !== 200) throw new Error(`log-in step 1 answered ${step1.status}`);
  const { challenge } = await step1.json() as { challenge: string };
  const step2 = await fetch(`${address}/api/auth/login/totp`, { method: 'POST', headers: json, body: JSON.stringify({ challenge, code: totpCode(secret, timeStep(new Date())) }) });
  if (step2.status !== 200) throw new Error(`log-in step 2 answered ${step2.status}`);
  const cookie = (step2.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, writeHeaders: { ...json, cookie } };
}
