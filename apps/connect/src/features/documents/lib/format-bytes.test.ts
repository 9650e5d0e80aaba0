import { expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

it('shows sizes in bytes, KB, MB and GB', () => {
  expect(formatBytes(1)).toBe('1 byte');
  expect(formatBytes(812)).toBe('812 bytes');
  expect(formatBytes(183_204)).toBe('183 KB');
  expect(formatBytes(4_200_000)).toBe('4.2 MB');
  expect(formatBytes(2_000_000_000)).toBe('2.0 GB');
  expect(formatBytes(999_999)).toBe('1.0 MB');
});
