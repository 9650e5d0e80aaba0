import type { InlineContentType } from '@chambers/contracts/document-downloads';
import { attachmentDisposition } from '../../storage/content-disposition';
import { extensionOf, nameFitsType } from './file-types';

/** A strong validator that names the bytes themselves: equal tags mean equal content. */
export const strongEtag = (sha256: string) => `"sha256-${sha256}"`;

/**
 * The name a download is saved under: the document's name, which people choose and rename, with
 * the extension of the version's own file name added when the name lacks one that fits the bytes
 * ("Complaint" → "Complaint.pdf"; an old .docx version of "Brief.pdf" → "Brief.pdf.docx"). The
 * version's extension was checked against its content at upload, so the saved file opens with
 * the program its bytes are for, never as something else.
 */
export function downloadName(documentName: string, version: { fileName: string; contentType: string }) {
  const fits = extensionOf(documentName) !== undefined && nameFitsType(documentName, version.contentType);
  const extension = extensionOf(version.fileName);
  return fits || extension === undefined ? documentName : `${documentName}.${extension}`;
}

/** `Content-Disposition` with an RFC 6266 `filename*`, saving (`attachment`) or showing (`inline`). */
export function contentDisposition(inline: boolean, filename: string): string {
  return attachmentDisposition(filename, inline ? 'inline' : 'attachment');
}

/**
 * The policies of a document shown in place, replacing the site's for that response alone.
 * Nothing may load but the image or PDF itself; only the SPA's own pages may frame it.
 *
 * An image gets a full sandbox: a unique origin, no scripts, no forms, no plugins.
 *
 * A PDF cannot: Chromium shows PDFs with a viewer that counts as a plugin, and no sandbox flag
 * lets one run (no `allow-*` token brings it back — chromium issue 41131921, whatwg/html#3958),
 * so `sandbox` would turn every preview into "blocked by Chrome". `plugin-types` is gone from
 * browsers. What remains is the strictest policy known to keep the viewer working: nothing but
 * the document itself (`object-src 'self'` for the viewer's embed of it), inline styles for the
 * viewer's own page (chromium issue 343754409), no base, no forms. The bytes were verified as a
 * PDF at upload and go out as `application/pdf` with `nosniff`, so the browser never reads them
 * as a page of this origin, and the PDF viewer runs a document's scripts (if at all) in its own
 * process, without access to the origin.
 */
const COMMON_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
export const IMAGE_POLICY = `sandbox; ${COMMON_POLICY}`;
export const PDF_POLICY = `${COMMON_POLICY}; object-src 'self'`;

export const inlinePolicy = (contentType: InlineContentType) =>
  contentType === 'application/pdf' ? PDF_POLICY : IMAGE_POLICY;
