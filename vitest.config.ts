import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Engines built in a test rank by the tests' pinned model file, not the one `npm run train` rewrites.
    setupFiles: ['test/support/pinned-model.ts'],
    // End-to-end tests start a local fake Discord; give them room on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
