import { defineConfig } from 'vitest/config';

// Unit tests for shared/, the backend and the renderer's pure helpers, in plain Node
// (Playwright covers the UI).
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
