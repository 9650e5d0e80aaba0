import type { ApiClient, QueryValue } from '@chambers/api-client/client';

/** The file name a `Content-Disposition` header gives, preferring the RFC 6266 `filename*`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition) ?? /filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Fetches a file with the session's token (a plain link cannot send it) and hands it to the
 * browser as a download under its own name.
 */
export async function downloadFile(
  api: ApiClient,
  path: string,
  fallbackName: string,
  query: Record<string, QueryValue> = {},
): Promise<void> {
  const response = await api.requestResponse('GET', path, { query });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the URL is not needed once it has been read.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Fetches a file for showing in the page (an image, a PDF): a `blob:` URL the caller revokes. */
export async function fetchObjectUrl(
  api: ApiClient,
  path: string,
  query: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<string> {
  const response = await api.requestResponse('GET', path, { query, signal });
  return URL.createObjectURL(await response.blob());
}
