import { defineConfig } from 'vitest/config';

// Unit tests for shared/, the backend, the renderer's pure helpers and the benchmarks' scorers,
// in plain Node (Playwright covers the UI).
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/src/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
