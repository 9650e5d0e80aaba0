/**
 * A one-page PDF with a title and lines of text, written by hand for the demo seed: a header, a
 * catalog, a page tree with one page, the standard Helvetica fonts, one content stream, and a
 * cross-reference table with the exact byte offset of every object, so any viewer opens it without
 * repair. Text is ASCII (the standard fonts' encoding is not UTF-8); anything else becomes "?".
 */
export function samplePdf(title: string, lines: readonly string[]): Buffer {
  const content = [
    'BT',
    '/F2 20 Tf',
    '72 720 Td',
    `(${pdfText(title)}) Tj`,
    '/F1 12 Tf',
    '16 TL',
    '0 -16 Td',
    ...lines.map((line) => `T* (${pdfText(line)}) Tj`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ' +
      '/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];

  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xrefOffset = Buffer.byteLength(body, 'latin1');
  // Each entry is exactly 20 bytes: ten digits, space, five digits, space, type, space, newline.
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}` +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A PDF literal string's contents: printable ASCII, with the three special characters escaped. */
function pdfText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (char) => `\\${char}`);
}
