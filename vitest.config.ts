import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/helpers/closing-line.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // rendering is CPU-bound and the machine has two cores
    maxWorkers: 2,
  },
});
