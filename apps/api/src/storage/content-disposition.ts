/**
 * `Content-Disposition` per RFC 6266 — `attachment` (save) or `inline` (show) — with an ASCII
 * `filename` fallback for old clients plus the exact UTF-8 name in `filename*` (RFC 8187 encoding).
 */
export function attachmentDisposition(
  filename: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  // Control characters could split a header; path separators mean nothing to a browser's save dialog.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  const clean = filename.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'download';
  const fallback = clean.replace(/[^\u0020-\u007e]/g, '_').replace(/["%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(clean)}`;
}

function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
