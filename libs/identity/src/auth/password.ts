import { hash, verify, type Options } from '@node-rs/argon2';
import commonPasswords from 'fxa-common-password-list';
import type { FieldError } from '@samverka/platform';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

// Argon2id (algorithm 2) with the OWASP-recommended memory cost of 19 MiB.
const ARGON2ID: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/** A hash of nothing anyone knows: verifying against it costs what a real check costs. */
let decoy: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that never matches');
  await verify(await decoy, password);
}

/** Why a new password is refused, or nothing when it is fine. */
export function passwordProblems(password: string, email?: string): FieldError[] {
  const problems: Omit<FieldError, 'field'>[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push({ message: `password must be at least ${PASSWORD_MIN_LENGTH} characters`, code: 'minLength', limit: PASSWORD_MIN_LENGTH });
  if (password.length > PASSWORD_MAX_LENGTH) problems.push({ message: `password must be at most ${PASSWORD_MAX_LENGTH} characters`, code: 'maxLength', limit: PASSWORD_MAX_LENGTH });
  if (commonPasswords.test(password.toLowerCase())) problems.push({ message: 'password is one of the most common passwords; choose another', code: 'commonPassword' });
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0]) && email.split('@')[0].length >= 4) {
    problems.push({ message: 'password must not contain your email address', code: 'passwordContainsEmail' });
  }
  return problems.map((problem) => ({ field: 'password', ...problem }));
}
