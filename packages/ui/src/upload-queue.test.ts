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
