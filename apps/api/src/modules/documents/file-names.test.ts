import { describe, expect, it } from 'vitest';
import { baseName, folderSegments, MAX_NAME_LENGTH, sanitizeName } from './file-names';

describe('sanitizeName', () => {
  it.each([
    ['Complaint.pdf', 'Complaint.pdf'],
    ['  spaced   out .pdf  ', 'spaced out .pdf'],
    ['a/b\\c.pdf', 'a_b_c.pdf'],
    ['bell\u0007 and\u0000nul.txt', 'bell andnul.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.pdf', 'zerowidth.pdf'],
    ['trailing dots...', 'trailing dots'],
    ['e\u0301te\u0301.pdf', 'été.pdf'],
    ['..', undefined],
    ['   ', undefined],
    ['\u202E', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeName(raw)).toBe(expected);
  });

  it('cuts long names to 255 characters, keeping the extension', () => {
    const name = sanitizeName(`${'é'.repeat(300)}.docx`);
    expect([...(name ?? '')].length).toBe(MAX_NAME_LENGTH);
    expect(name?.endsWith('é.docx')).toBe(true);
    expect([...(sanitizeName('x'.repeat(400)) ?? '')].length).toBe(MAX_NAME_LENGTH);
  });
});

describe('baseName', () => {
  it('keeps the last segment of a path a client sent as the file name', () => {
    expect(baseName('C:\\Users\\ari\\brief.pdf')).toBe('brief.pdf');
    expect(baseName('docs/2026/brief.pdf')).toBe('brief.pdf');
    expect(baseName('brief.pdf')).toBe('brief.pdf');
  });
});

describe('folderSegments', () => {
  it('takes every segment but the file itself, sanitised, skipping empty and current-directory ones', () => {
    expect(folderSegments('Pleadings/2026/motion.pdf')).toEqual(['Pleadings', '2026']);
    expect(folderSegments('Pleadings\\2026\\motion.pdf')).toEqual(['Pleadings', '2026']);
    expect(folderSegments('/./Pleadings//motion.pdf')).toEqual(['Pleadings']);
    expect(folderSegments(' Exhibits \u0000/a.png')).toEqual(['Exhibits']);
    expect(folderSegments('motion.pdf')).toEqual([]);
  });

  it('refuses paths that climb out or go too deep', () => {
    expect(folderSegments('../motion.pdf')).toBeUndefined();
    expect(folderSegments('a/../../motion.pdf')).toBeUndefined();
    expect(folderSegments(`${'a/'.repeat(33)}x.pdf`)).toBeUndefined();
    expect(folderSegments(`${'a/'.repeat(32)}x.pdf`)).toHaveLength(32);
  });
});
