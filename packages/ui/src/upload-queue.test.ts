import { expect, it } from 'vitest';
import { relativePathOf } from './upload-queue';

const file = (name: string, extra: Record<string, string> = {}) =>
  Object.assign(new File(['x'], name), extra);

it('reads the folder path of a picked or dropped file, and none for a loose one', () => {
  const picked = new File(['x'], 'motion.pdf');
  Object.defineProperty(picked, 'webkitRelativePath', { value: 'Pleadings/2026/motion.pdf' });
  expect(relativePathOf(picked)).toBe('Pleadings/2026/motion.pdf');
  expect(relativePathOf(file('motion.pdf', { path: './Pleadings/motion.pdf' }))).toBe('Pleadings/motion.pdf');
  expect(relativePathOf(file('motion.pdf', { path: '/Pleadings/motion.pdf' }))).toBe('Pleadings/motion.pdf');
  expect(relativePathOf(file('motion.pdf', { path: './motion.pdf' }))).toBeNull();
  expect(relativePathOf(file('motion.pdf'))).toBeNull();
});

it('keeps the idempotency key only while the last attempt may have stored the file', async () => {
  const { outcomeUnknown } = await import('./upload-queue');
  const { ApiError } = await import('@chambers/api-client/api-error');
  const answered = (status: number) =>
    new ApiError({ status, type: 'about:blank', title: 'x', detail: 'x' } as never);
  const cancelled = new DOMException('The upload was cancelled.', 'AbortError');
  expect(outcomeUnknown(cancelled, true)).toBe(true);
  expect(outcomeUnknown(cancelled, false)).toBe(false);
  expect(outcomeUnknown(answered(415), true)).toBe(false);
  expect(outcomeUnknown(answered(409), false)).toBe(true);
});
