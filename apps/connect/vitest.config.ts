import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'connect',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
