import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.{ts,tsx}',
      'test/native/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/host/**/*.test.ts',
      'test/robustness/**/*.test.{ts,tsx}',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
