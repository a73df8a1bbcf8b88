// A temp directory with a small simulator topology, state file and journal for host tests on the REAL
// simulator (the compiled addon behind native/lib's openProvider).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const MiB = 1024 ** 2;
export const GiB = 1024 ** 3;

export interface SimFixture {
  dir: string;
  statePath: string;
  topologyPath: string;
  journalPath: string;
  cleanup(): void;
}

/** One subsystem "Test Array" with 4 × 64 GiB drives initialising at `initRateBytesPerSec`. */
export function makeSimFixture(initRateBytesPerSec = 4 * GiB): SimFixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-host-sim-'));
  const topologyPath = path.join(dir, 'topology.json');
  const drives = [0, 1, 2, 3].map((slot) => ({
    name: `Bay 0${slot}`,
    sizeBytes: 64 * GiB,
    bus: 0,
    slot,
    status: 'online',
    health: 'healthy',
    hotSpare: false,
  }));
  fs.writeFileSync(
    topologyPath,
    JSON.stringify({
      subsystems: [
        {
          name: 'Test Array',
          supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
          stripeSizes: [65536, 131072],
          initRateBytesPerSec,
          maskingCapable: true,
          drives,
          faults: [],
        },
      ],
    }),
  );
  return {
    dir,
    topologyPath,
    statePath: path.join(dir, 'sim-state.json'),
    journalPath: path.join(dir, 'journal.ndjson'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
