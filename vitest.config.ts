import { defineConfig } from 'vitest/config';

// One run for the whole workspace: each package with tests has its own project config.
export default defineConfig({
  test: {
    projects: ['apps/api/vitest.config.ts', 'packages/*/vitest.config.ts'],
  },
});
