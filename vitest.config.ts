import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    // two at a time on a 2-core machine (vitest's default is one fewer than the cores): most files wait on child
    // processes, servers and databases rather than compute
    maxWorkers: 2,
    // nothing may be left in the repository after a run: see the file
    globalSetup: ['test/repository-stays-clean.ts'],
  },
});
