import { describe, expect, it } from 'vitest';
import { previewContentType } from './preview-type';

describe('previewContentType', () => {
  it('previews PDFs and the image types the API serves inline, by extension', () => {
    expect(previewContentType('Letter to Acme.PDF')).toBe('application/pdf');
    expect(previewContentType('photo.jpg')).toBe('image/jpeg');
    expect(previewContentType('scan.webp')).toBe('image/webp');
  });

  it('offers no preview for other types, or a name without an extension', () => {
    expect(previewContentType('notes.txt')).toBeNull();
    expect(previewContentType('scan.tiff')).toBeNull();
    expect(previewContentType('README')).toBeNull();
  });
});
