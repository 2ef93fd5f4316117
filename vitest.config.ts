import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Subprocess tests (CLI, console) start tsx; give them room on a 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    allowOnly: false,
  },
});
