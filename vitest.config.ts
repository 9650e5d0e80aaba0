import { defineConfig } from 'vitest/config';

// One run for the whole workspace: each package with tests has its own project config.
export default defineConfig({
  test: {
    // Two cores here and in CI; each API test file also opens its own database.
    maxWorkers: 2,
    projects: ['apps/*/vitest.config.ts', 'packages/*/vitest.config.ts'],
  },
});
