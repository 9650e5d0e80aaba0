/**
 * The content type a shared document is previewed as, judged by its name: a portal's shared
 * resources carry no content type. `null` for what the API does not serve inline.
 */
export function previewContentType(name: string): string | null {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (extension === 'pdf') return 'application/pdf';
  if (extension === 'jpg' || extension === 'jpeg') return 'image/jpeg';
  if (['png', 'gif', 'webp'].includes(extension)) return `image/${extension}`;
  return null;
}
