// The shared provider cases (shared-cases.cjs) against the `sim` provider. The same cases run against the
// Windows `vds` provider under Wine: npm run test:windows.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import type { RawAddon, RawProvider, SimState } from '../../native/lib/raw-addon';

interface SharedCase {
  name: string;
}
interface SharedCases {
  cases: SharedCase[];
  runCase(testCase: SharedCase, open: (state: SimState) => Promise<RawProvider>): Promise<void>;
  POLL_MS: number;
}

const require = createRequire(import.meta.url);
const shared = require('./shared-cases.cjs') as SharedCases;
const addon = require(
  fileURLToPath(new URL('../../native/build/Release/lun_studio.node', import.meta.url)),
) as RawAddon;

describe('shared provider cases (sim)', () => {
  for (const testCase of shared.cases) {
    it(testCase.name, () =>
      shared.runCase(testCase, (state) => addon.openProvider('sim', state, shared.POLL_MS)),
    );
  }
});
