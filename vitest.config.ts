import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn node; the shared CI machine is slow, so be generous.
    testTimeout: 60_000,
  },
});
