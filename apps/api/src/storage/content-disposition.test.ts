import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('keeps a plain ASCII name in both parameters', () => {
    expect(attachmentDisposition('brief.pdf')).toBe(
      `attachment; filename="brief.pdf"; filename*=UTF-8''brief.pdf`,
    );
  });

  it('encodes non-ASCII names with an ASCII fallback', () => {
    expect(attachmentDisposition('Zeugenaussage Müller (2).pdf')).toBe(
      `attachment; filename="Zeugenaussage M_ller (2).pdf"; filename*=UTF-8''Zeugenaussage%20M%C3%BCller%20%282%29.pdf`,
    );
  });

  it('cannot break out of the header or the quoted string', () => {
    const value = attachmentDisposition('a"b\r\nSet-Cookie: x=1;\\..\\x.pdf');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toBe(
      `attachment; filename="a_b__Set-Cookie: x=1;_.._x.pdf"; filename*=UTF-8''a%22b__Set-Cookie%3A%20x%3D1%3B_.._x.pdf`,
    );
  });

  it('falls back to a default for an empty name', () => {
    expect(attachmentDisposition('  ')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });

  it('writes inline dispositions with the same parameters', () => {
    expect(attachmentDisposition('scan.png', 'inline')).toBe(
      `inline; filename="scan.png"; filename*=UTF-8''scan.png`,
    );
  });
});
