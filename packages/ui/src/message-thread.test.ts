import { describe, expect, it } from 'vitest';
import { formatSize } from './message-thread';

describe('formatSize', () => {
  it('reads bytes, kilobytes and megabytes as a person would', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(14 * 1024 + 100)).toBe('14 KB');
    expect(formatSize(1.8 * 1024 * 1024)).toBe('1.8 MB');
  });
});
