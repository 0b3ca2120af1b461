import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    // nothing may be left in the repository after a run: see the file
    globalSetup: ['test/repository-stays-clean.ts'],
  },
});
