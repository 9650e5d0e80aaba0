import { describe, expect, it } from 'vitest';
import { fitRect } from './profile-avatar-canvas';

describe('fitRect', () => {
  it('letterboxes a wide image: full width, centred vertically', () => {
    expect(fitRect(1000, 500, 512)).toEqual({ x: 0, y: 128, width: 512, height: 256 });
  });

  it('pillarboxes a tall image, and fills the square with a square one', () => {
    expect(fitRect(300, 600, 512)).toEqual({ x: 128, y: 0, width: 256, height: 512 });
    expect(fitRect(64, 64, 512)).toEqual({ x: 0, y: 0, width: 512, height: 512 });
  });
});
