import { defineConfig } from 'vitest/config';

// Unit tests for shared/ and the backend, in plain Node (Playwright covers the UI).
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
