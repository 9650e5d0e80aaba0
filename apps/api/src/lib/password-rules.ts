import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors/app-error';

/** ~49,000 passwords seen most often in breaches (the zxcvbn-ts common list). */
const common = new Set((dictionary as Record<string, string[]>)['passwords-common'] ?? []);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * SECURITY.md: 8–128 characters, no composition rules, the most common passwords refused.
 * Length is counted in characters (code points), so a passphrase in any script works.
 */
export function assertAcceptablePassword(password: string, path = 'body/new_password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new AppError(
      'validation_failed',
      `Passwords are ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long.`,
      {
        errors: [{ path, message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` }],
      },
    );
  }
  if (common.has(password.toLowerCase())) {
    throw new AppError(
      'validation_failed',
      'This password is among the most commonly used; choose another.',
      {
        errors: [{ path, message: 'is too common' }],
      },
    );
  }
}
