import { describe, expect, it } from 'vitest';
import { samplePdf } from './sample-pdf';

describe('samplePdf', () => {
  const pdf = samplePdf('Complaint (draft)', ['Line one', 'A back\\slash and (parens)', 'Café — naïve']);
  const text = pdf.toString('latin1');

  it('starts with the PDF header and ends with the end-of-file marker', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
  });

  it('points startxref at the table, and every table entry at its object', () => {
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const table = /xref\n0 (\d+)\n((?:\d{10} \d{5} [fn] \n)+)trailer/.exec(text.slice(startxref));
    const entries = table?.[2]?.match(/.{20}/gs) ?? [];
    expect(entries).toHaveLength(Number(table?.[1]));
    for (const [number, entry] of entries.entries()) {
      if (number === 0) continue;
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${number} 0 obj`.length)).toBe(`${number} 0 obj`);
    }
  });

  it('gives the content stream its exact length and escapes what a literal string cannot hold', () => {
    const match = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text);
    expect(Buffer.byteLength(match?.[2] ?? '', 'latin1')).toBe(Number(match?.[1]));
    expect(text).toContain('(A back\\\\slash and \\(parens\\)) Tj');
    expect(text).toContain('(Caf? ? na?ve) Tj');
  });
});
