import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../errors/app-error';

/** Enough of a file's head for file-type to tell every accepted format (its own recommendation). */
export const SNIFF_BYTES = 4100;

/**
 * One accepted kind of document: the type it is stored as, the extensions its names may carry,
 * and the other types a client may declare for it (browsers and OSes disagree on some).
 */
interface Kind {
  mime: string;
  extensions: readonly string[];
  aliases?: readonly string[];
}

const kind = (mime: string, extensions: string[], aliases: string[] = []): Kind => ({
  mime,
  extensions,
  aliases,
});

const ZIP_ALIASES = ['application/zip', 'application/x-zip-compressed', 'application/x-zip'];
const HEIF_TYPES = ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'];

/** Formats file-type recognises by their magic bytes, keyed by what it reports. */
const MAGIC_KINDS: Record<string, Kind> = Object.fromEntries(
  [
    kind('application/pdf', ['pdf'], ['application/x-pdf']),
    kind('image/jpeg', ['jpg', 'jpeg', 'jpe', 'jfif'], ['image/jpg', 'image/pjpeg']),
    kind('image/png', ['png'], ['image/x-png']),
    kind('image/gif', ['gif']),
    kind('image/webp', ['webp']),
    kind('image/tiff', ['tif', 'tiff']),
    ...HEIF_TYPES.map((mime) => kind(mime, ['heic', 'heif'], HEIF_TYPES)),
    kind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx'], ZIP_ALIASES),
    kind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx'], ZIP_ALIASES),
    kind('application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx'], ZIP_ALIASES),
    kind('application/rtf', ['rtf'], ['text/rtf']),
    kind('application/zip', ['zip'], ZIP_ALIASES),
  ].map((entry) => [entry.mime, entry]),
);

const OFFICE_OPEN_XML = [
  MAGIC_KINDS['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  MAGIC_KINDS['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  MAGIC_KINDS['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
].filter((entry): entry is Kind => entry !== undefined);

/**
 * Microsoft compound files share one magic number (file-type says `application/x-cfb`) whatever
 * they hold — a Word 97 document or an installer alike — so the name or the declared type must say
 * which accepted one it is.
 */
const COMPOUND_KINDS: readonly Kind[] = [
  kind('application/msword', ['doc']),
  kind('application/vnd.ms-excel', ['xls']),
  kind('application/vnd.ms-outlook', ['msg']),
];

/** Formats without magic bytes: accepted only when named or declared so, and only as UTF-8 text. */
const TEXT_KINDS: readonly Kind[] = [
  kind('text/plain', ['txt', 'text', 'log']),
  // Windows browsers declare .csv files as Excel's type when Excel is installed.
  kind('text/csv', ['csv'], ['application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel']),
  kind('text/markdown', ['md', 'markdown'], ['text/x-markdown']),
  kind('message/rfc822', ['eml']),
];

const ALL_KINDS: readonly Kind[] = [...Object.values(MAGIC_KINDS), ...COMPOUND_KINDS, ...TEXT_KINDS];

const declares = (entry: Kind, type: string) => entry.mime === type || (entry.aliases ?? []).includes(type);
const names = (entry: Kind, extension: string) => entry.extensions.includes(extension);

/** `foo.PDF` → `pdf`; no extension (or something that is not one, like `v2 (final)`) → undefined. */
export function extensionOf(name: string): string | undefined {
  return /\.([a-z0-9]{1,10})$/i.exec(name)?.[1]?.toLowerCase();
}

/** A declared part or request type, without parameters; `application/octet-stream` claims nothing. */
function claimOf(declared: string | undefined): string | undefined {
  const type = declared?.split(';')[0]?.trim().toLowerCase();
  return type && type !== 'application/octet-stream' ? type : undefined;
}

const refused = (detail: string) => new AppError('unsupported_media_type', detail);

const ACCEPTED =
  'Accepted: PDF, images (JPEG, PNG, GIF, WebP, TIFF, HEIC), Word, Excel and PowerPoint documents, RTF, plain text, CSV, Markdown, e-mails (.eml, .msg) and ZIP archives.';

/** Markup and scripts that must never pass as text: a browser or a shell would run them. */
const ACTIVE_TEXT =
  /^\s*(?:<\s*(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|meta|style)\b|#!)/i;

function assertPlainText(head: Buffer): void {
  let text: string;
  try {
    // `stream: true`: a character cut in two at the end of the head is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw refused(`The file is neither a recognised binary format nor UTF-8 text. ${ACCEPTED}`);
  }
  if (text.includes('\u0000')) throw refused(`The file is not text. ${ACCEPTED}`);
  if (ACTIVE_TEXT.test(text.replace(/^\uFEFF/, ''))) {
    throw refused('HTML, SVG, XML and scripts are not accepted, whatever they are named.');
  }
}

/** The kind a name and a declared type agree on among `candidates`; undefined when neither says. */
function chooseKind(
  candidates: readonly Kind[],
  extension: string | undefined,
  claim: string | undefined,
): Kind | undefined {
  return (
    candidates.find((entry) => extension !== undefined && names(entry, extension)) ??
    candidates.find((entry) => claim !== undefined && declares(entry, claim))
  );
}

export interface Declared {
  /** The part's or the request's Content-Type, as the client sent it. */
  contentType: string | undefined;
  /** Every name the file goes by (its file name, a new name): each extension must fit the content. */
  names: readonly string[];
}

/**
 * The type a file is stored as, from its first bytes: it must be an accepted format, and neither
 * its declared type nor the extension of any of its names may claim another one (an HTML page
 * named `.pdf` or declared `application/pdf` is refused, as is a PDF named `.html`). Anything else
 * answers 415.
 */
export async function verifiedType(head: Buffer, declared: Declared): Promise<string> {
  const extensions = [...new Set(declared.names.map(extensionOf).filter((ext) => ext !== undefined))];
  const detected = head.length > 0 ? (await fileTypeFromBuffer(head))?.mime : undefined;
  const stated = claimOf(declared.contentType);
  // A multipart part sent without a Content-Type is reported as text/plain (RFC 7578's default):
  // of content with magic bytes, that claims nothing.
  const claim = detected !== undefined && stated === 'text/plain' ? undefined : stated;

  let accepted: readonly Kind[];
  if (detected === undefined) {
    accepted = TEXT_KINDS;
  } else if (detected === 'application/x-cfb') {
    accepted = COMPOUND_KINDS;
  } else if (
    detected === 'application/zip' &&
    OFFICE_OPEN_XML.some((entry) => extensions.some((ext) => names(entry, ext)) || entry.mime === claim)
  ) {
    // An Office file whose parts file-type could not make out from the head: a zip named as one is fine.
    accepted = OFFICE_OPEN_XML;
  } else {
    const known = MAGIC_KINDS[detected];
    if (!known) throw refused(`Files of type ${detected} are not accepted. ${ACCEPTED}`);
    accepted = [known];
  }

  const chosen = accepted.length === 1 ? accepted[0] : chooseKind(accepted, extensions[0], claim);
  if (!chosen) {
    throw refused(
      detected === undefined
        ? `A text file must be named (.txt, .csv, .md, .eml) or declared (text/plain, text/csv, text/markdown, message/rfc822) as one. ${ACCEPTED}`
        : 'This compound file must be named or declared as a Word (.doc), Excel (.xls) or Outlook (.msg) file.',
    );
  }
  if (claim !== undefined && !declares(chosen, claim)) {
    throw refused(`The file is declared as ${claim} but its content is ${chosen.mime}.`);
  }
  const contradicting = extensions.find((extension) => !names(chosen, extension));
  if (contradicting !== undefined) {
    throw refused(`A .${contradicting} name does not fit its content (${chosen.mime}).`);
  }
  if (detected === undefined) assertPlainText(head);
  return chosen.mime;
}

/** Whether `name` may name a document whose content is `contentType` (renaming keeps them agreeing). */
export function nameFitsType(name: string, contentType: string): boolean {
  const extension = extensionOf(name);
  if (extension === undefined) return true;
  return ALL_KINDS.some((entry) => entry.mime === contentType && names(entry, extension));
}

/**
 * Refuses (415), before any byte is sent, a direct upload whose declared type or name is of no
 * accepted kind; the content itself is judged by `verifiedType` when the upload is confirmed.
 */
export function assertDeclarable(declared: Declared): void {
  const claim = claimOf(declared.contentType);
  if (claim !== undefined && !ALL_KINDS.some((entry) => declares(entry, claim))) {
    throw refused(`Files of type ${claim} are not accepted. ${ACCEPTED}`);
  }
  for (const extension of declared.names.map(extensionOf)) {
    if (extension !== undefined && !ALL_KINDS.some((entry) => names(entry, extension))) {
      throw refused(`.${extension} files are not accepted. ${ACCEPTED}`);
    }
  }
}
