import { extensionOf } from './file-types';

export const MAX_NAME_LENGTH = 255;
/** Deeper folder uploads are refused: no real tree needs more, and each level is a query. */
export const MAX_PATH_DEPTH = 32;

/**
 * Control characters, and the invisible formatting ones that can make `exe.pdf` display as
 * `fdp.exe` (bidirectional overrides) or hide characters (zero-width ones).
 */
const UNSAFE = /[\p{Cc}\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/**
 * A document or folder name as stored: path separators become `_`, unsafe characters go, runs of
 * spaces become one, surrounding spaces and trailing dots are trimmed, and a name longer than 255
 * characters is cut before its extension. Undefined when nothing is left. Names are only ever
 * shown and sent back: storage keys never come from them.
 */
export function sanitizeName(raw: string): string | undefined {
  const cleaned = raw
    .normalize('NFC')
    .replace(UNSAFE, '')
    .replace(/[/\\]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (cleaned === '') return undefined;
  const characters = [...cleaned];
  if (characters.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = extensionOf(cleaned);
  const tail = extension === undefined ? '' : `.${extension}`;
  return `${characters
    .slice(0, MAX_NAME_LENGTH - tail.length)
    .join('')
    .trimEnd()}${tail}`;
}

/** A multipart part's file name: clients may send a whole path, of which only the last segment counts. */
export function baseName(fileName: string): string {
  return fileName.split(/[/\\]/).at(-1) ?? '';
}

/**
 * The folders of a relative path like a browser's `webkitRelativePath` (`Pleadings/2026/motion.pdf`
 * → `Pleadings`, `2026`): every segment but the last, which names the file itself. Empty and `.`
 * segments are skipped; `..` and over-deep paths are refused (undefined).
 */
export function folderSegments(path: string): string[] | undefined {
  const segments = path.split(/[/\\]/).slice(0, -1);
  const folders: string[] = [];
  for (const segment of segments) {
    if (segment === '..') return undefined;
    const name = sanitizeName(segment);
    if (name !== undefined) folders.push(name);
  }
  return folders.length <= MAX_PATH_DEPTH ? folders : undefined;
}
