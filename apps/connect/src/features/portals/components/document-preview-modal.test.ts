import { describe, expect, it } from 'vitest';
import { previewKind } from './document-preview-modal';

describe('previewKind', () => {
  it('previews PDFs and the image types the API serves inline, by extension', () => {
    expect(previewKind('Letter to Acme.PDF')).toBe('pdf');
    expect(previewKind('photo.jpeg')).toBe('image');
    expect(previewKind('scan.webp')).toBe('image');
  });

  it('offers no preview for other types, or a name without an extension', () => {
    expect(previewKind('notes.txt')).toBeNull();
    expect(previewKind('scan.tiff')).toBeNull();
    expect(previewKind('README')).toBeNull();
  });
});
