/**
 * What a new password must be: at least 12 characters and not on the list of
 * common passwords (OWASP ASVS 4.0 §2.1.1 and §2.1.7; NIST SP 800-63B §5.1.1.2).
 * No composition rules (NIST: they make passwords predictable, not strong).
 * Applies to a password change and to the password an employee chooses
 * through their enrolment link (the administrator never sets one).
 */
import { badRequest } from '../errors.js';
import { isCommonPassword } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1000;

/** Throws a 400 naming `field` when `password` does not meet the policy. */
export function assertAcceptablePassword(password: string, field: string, username?: string): void {
  // Characters as people count them (code points), not UTF-16 units.
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw badRequest('password-too-short', field,
      `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (isCommonPassword(password) || (username !== undefined && password.toLowerCase() === username.toLowerCase())) {
    throw badRequest('password-too-common', field,
      'Dit wachtwoord komt voor in een lijst van veelgebruikte wachtwoorden. Kies een ander wachtwoord.',
      'This password is on a list of commonly used passwords. Choose another one.');
  }
}
