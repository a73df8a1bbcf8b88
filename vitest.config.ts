import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// No test writes the developer's own LUN Studio files (state, journal, settings, owner lock): a test that
// does not choose a LUN_STUDIO_HOME gets this run's.
const home = mkdtempSync(join(tmpdir(), 'lun-studio-vitest-home-'));

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
    env: { LUN_STUDIO_HOME: home },
  },
});
