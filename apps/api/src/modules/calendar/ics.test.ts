import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsFileName } from './ics';

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and every kind of line break, and drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('tab\there\u0000\u0007\u007f\u0085')).toBe('tab\there');
    expect(escapeText('colon: "quotes" stay')).toBe('colon: "quotes" stay');
  });

  it('folds at 75 octets, continuation lines at 74 after their space, never inside a character', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine('x'.repeat(75 + 74 + 1))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
    // 74 ASCII octets then a 2-octet "é": it moves whole to the next line.
    expect(foldLine(`${'x'.repeat(74)}é`)).toBe(`${'x'.repeat(74)}\r\n é`);
    const emoji = '🙂'.repeat(40);
    const folded = foldLine(emoji);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(emoji);
  });

  it('names downloads with an ASCII slug of the title', () => {
    expect(icsFileName('Hearing; Smith, J. v. Acme\\Co')).toBe('hearing-smith-j-v-acme-co.ics');
    expect(icsFileName('Ünïcödé café')).toBe('unicode-cafe.ics');
    expect(icsFileName('"; filename=evil.exe')).toBe('filename-evil-exe.ics');
    expect(icsFileName('会议')).toBe('calendar-entry.ics');
    expect(icsFileName(`${'a'.repeat(59)} b`)).toBe(`${'a'.repeat(59)}.ics`);
  });
});
