import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { assertDeclarable, extensionOf, nameFitsType, verifiedType } from './file-types';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(600)]);
const text = (value: string) => Buffer.from(value);

const verify = (head: Buffer, contentType: string | undefined, ...names: string[]) =>
  verifiedType(head, { contentType, names });

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
};

describe('verifiedType', () => {
  it('trusts the magic bytes, accepting declared aliases and no claim at all', async () => {
    expect(await verify(pdf, 'application/pdf', 'a.pdf')).toBe('application/pdf');
    expect(await verify(pdf, 'application/x-pdf; charset=binary', 'a.PDF')).toBe('application/pdf');
    expect(await verify(pdf, 'application/octet-stream', 'scan')).toBe('application/pdf');
    expect(await verify(pdf, undefined)).toBe('application/pdf');
    expect(await verify(jpeg, 'image/jpg', 'photo.jpeg', 'Holiday.JPG')).toBe('image/jpeg');
  });

  it('treats the text/plain that parts without a Content-Type get as no claim on binary content', async () => {
    expect(await verify(pdf, 'text/plain', 'a.pdf')).toBe('application/pdf');
  });

  it('tells compound files apart by name or declared type, and refuses unnamed ones', async () => {
    expect(await verify(cfb, 'application/octet-stream', 'memo.doc')).toBe('application/msword');
    expect(await verify(cfb, 'application/vnd.ms-excel', 'sheet')).toBe('application/vnd.ms-excel');
    expect(await verify(cfb, undefined, 'mail.msg')).toBe('application/vnd.ms-outlook');
    expect(await refusal(verify(cfb, undefined, 'setup.msi'))).toBe('unsupported_media_type');
    expect(await refusal(verify(cfb, 'application/octet-stream', 'blob'))).toBe('unsupported_media_type');
  });

  it('accepts text only when named or declared as such, valid UTF-8, and not markup or a script', async () => {
    expect(await verify(text('a,b\n1,2\n'), 'application/vnd.ms-excel', 'costs.csv')).toBe('text/csv');
    expect(await verify(text('# Title'), 'text/markdown', 'notes')).toBe('text/markdown');
    expect(await verify(text('From: a@b.test\r\n'), undefined, 'mail.eml')).toBe('message/rfc822');
    // A character cut in two at the end of the head is fine.
    expect(await verify(Buffer.from('caf\u00e9').subarray(0, 4), 'text/plain', 'a.txt')).toBe('text/plain');
    for (const [head, type, name] of [
      [text('<!doctype html><p>'), 'text/plain', 'a.txt'],
      [text('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>'), 'text/plain', 'a.txt'],
      [text('#!/usr/bin/env node'), 'text/plain', 'run.txt'],
      [Buffer.from([0x61, 0x00]), 'text/plain', 'a.txt'],
      [Buffer.from([0xc3, 0x28, 0x61]), 'text/plain', 'a.txt'],
      [text('plain'), 'application/pdf', 'a.pdf'],
      [text('plain'), undefined, 'a.json'],
      [text('plain'), 'application/json', 'a'],
    ] as const) {
      expect(await refusal(verify(head, type, name)), `${name} ${type}`).toBe('unsupported_media_type');
    }
  });

  it('refuses unaccepted formats and any disagreement between content, declared type and names', async () => {
    for (const [head, type, names] of [
      [exe, 'application/pdf', ['statement.pdf']],
      [exe, undefined, ['x']],
      [pdf, 'text/html', ['a.pdf']],
      [pdf, 'application/pdf', ['a.pdf', 'a.html']],
      [pdf, 'image/png', []],
      [jpeg, undefined, ['photo.png']],
    ] as const) {
      expect(await refusal(verify(head, type, ...names))).toBe('unsupported_media_type');
    }
  });
});

describe('extensionOf, nameFitsType, assertDeclarable', () => {
  it('reads an extension only where there is one', () => {
    expect(extensionOf('Brief.DOCX')).toBe('docx');
    expect(extensionOf('Brief v2 (final)')).toBeUndefined();
    expect(extensionOf('.hidden')).toBe('hidden');
  });

  it('lets a name keep or drop an extension of its content, nothing else', () => {
    expect(nameFitsType('Final.pdf', 'application/pdf')).toBe(true);
    expect(nameFitsType('Final', 'application/pdf')).toBe(true);
    expect(nameFitsType('Final.html', 'application/pdf')).toBe(false);
    expect(nameFitsType('photo.jpeg', 'image/jpeg')).toBe(true);
  });

  it('refuses a direct upload declared as a type or named with an extension never accepted', () => {
    expect(() => assertDeclarable({ contentType: 'application/pdf', names: ['a.pdf'] })).not.toThrow();
    expect(() => assertDeclarable({ contentType: 'application/octet-stream', names: ['a'] })).not.toThrow();
    expect(() => assertDeclarable({ contentType: 'text/html', names: ['a'] })).toThrow(AppError);
    expect(() => assertDeclarable({ contentType: 'application/pdf', names: ['a.svg'] })).toThrow(AppError);
  });
});
