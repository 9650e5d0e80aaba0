import { AppError } from '../../errors/app-error';

const MAX_LENGTH = 255;
/**
 * Path separators would make a folder name read as a path (folder uploads split on them), and
 * control characters, line breaks and bidirectional overrides make names that display as something
 * else (a right-to-left override can make `…exe` read as `…pdf`).
 */
const FORBIDDEN = /[/\\\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;

/** Why `name` (already trimmed) cannot name a folder, or null when it can. */
export function folderNameProblem(name: string): string | null {
  const length = [...name].length;
  if (length === 0) return 'must not be blank';
  if (length > MAX_LENGTH) return `must be at most ${MAX_LENGTH} characters`;
  if (name === '.' || name === '..') return 'must not be "." or ".."';
  if (FORBIDDEN.test(name)) return 'must not contain "/", "\\" or control characters';
  return null;
}

/**
 * The name a folder is stored under: trimmed and in Unicode NFC (so "é" typed two ways is one name
 * to the sibling-uniqueness index). Refused with 400, naming `path`, when it breaks a rule.
 */
export function folderName(raw: string, path = 'body/name'): string {
  const name = raw.trim().normalize('NFC');
  const problem = folderNameProblem(name);
  if (problem !== null) {
    throw new AppError('validation_failed', `The folder name ${problem}.`, {
      errors: [{ path, message: problem }],
    });
  }
  return name;
}
