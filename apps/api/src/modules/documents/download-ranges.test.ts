import { describe, expect, it } from 'vitest';
import { answerRange, ifRangeHolds, isNotModified } from './download-ranges';

describe('answerRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=999-999', { start: 999, end: 999 }],
    ['Bytes = 5-9 ', { start: 5, end: 9 }],
    ['bytes=5-9,', { start: 5, end: 9 }],
  ])('serves %s as one part', (header, span) => {
    expect(answerRange(header, 1000)).toEqual({ kind: 'part', span });
  });

  it.each([
    [undefined],
    ['bytes=0-1,5-9'],
    ['bytes=9-5'],
    ['bytes=abc'],
    ['bytes=1-2-3'],
    ['bytes=-'],
    ['bytes='],
    ['items=0-9'],
    ['bytes=+1-5'],
    ['bytes=0x10-20'],
  ])('ignores %s: the whole file', (header) => {
    expect(answerRange(header, 1000)).toEqual({ kind: 'whole' });
  });

  it.each([
    ['bytes=1000-', 1000],
    ['bytes=5000-6000', 1000],
    ['bytes=-0', 1000],
    ['bytes=0-', 0],
    ['bytes=-10', 0],
    ['bytes=99999999999999999999999-', 1000],
  ])('refuses %s of %i bytes as unsatisfiable', (header, size) => {
    expect(answerRange(header, size)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('conditions', () => {
  const etag = '"sha256-abc"';

  it('honours a Range under If-Range only for the current strong ETag', () => {
    expect(ifRangeHolds(undefined, etag)).toBe(true);
    expect(ifRangeHolds(etag, etag)).toBe(true);
    expect(ifRangeHolds(`W/${etag}`, etag)).toBe(false);
    expect(ifRangeHolds('"sha256-other"', etag)).toBe(false);
    expect(ifRangeHolds('Tue, 21 Nov 2026 09:12:00 GMT', etag)).toBe(false);
  });

  it('answers 304 when If-None-Match lists the ETag (weakly) or is *', () => {
    expect(isNotModified(undefined, etag)).toBe(false);
    expect(isNotModified(etag, etag)).toBe(true);
    expect(isNotModified(`"x", W/${etag}`, etag)).toBe(true);
    expect(isNotModified('*', etag)).toBe(true);
    expect(isNotModified('"sha256-other"', etag)).toBe(false);
  });
});
