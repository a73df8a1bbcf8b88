// Small, fast topologies for tests, and temp-dir helpers so every test has its own state file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

export interface TopologyDrive {
  name?: string;
  sizeBytes: number;
  bus?: number;
  slot?: number;
  status?: string;
  health?: string;
  hotSpare?: boolean;
}
export interface TopologyFault {
  kind: string;
  percent?: number;
  hresult?: number | string;
  drive?: string;
}
export interface TopologySubsystem {
  name: string;
  supportedTypes?: string[];
  stripeSizes?: number[];
  initRateBytesPerSec?: number;
  maskingCapable?: boolean;
  automaticHotSpare?: boolean;
  drives: TopologyDrive[];
  faults?: TopologyFault[];
}
export interface TopologyFile {
  subsystems: TopologySubsystem[];
}

/** 8 healthy 16 GiB drives (Disk 0–7), one failed (Disk 8) and one hot spare (Disk 9). */
export function testDrives(count = 8, sizeBytes = 16 * GiB): TopologyDrive[] {
  const drives: TopologyDrive[] = Array.from({ length: count }, (_, slot) => ({
    name: `Disk ${slot}`,
    sizeBytes,
    slot,
  }));
  drives.push({ name: `Disk ${count}`, sizeBytes, slot: count, status: 'failed', health: 'failed' });
  drives.push({ name: `Disk ${count + 1}`, sizeBytes, slot: count + 1, hotSpare: true });
  return drives;
}

/** Fast enough that a 1 GiB LUN takes about half a second. */
export const TEST_INIT_RATE = 2 * GiB;

export function testArray(name = 'Test Array', extra: Partial<TopologySubsystem> = {}): TopologySubsystem {
  return {
    name,
    supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
    stripeSizes: [65536, 131072, 1048576],
    initRateBytesPerSec: TEST_INIT_RATE,
    drives: testDrives(),
    ...extra,
  };
}

export const BASIC_TOPOLOGY: TopologyFile = {
  subsystems: [
    testArray('Test Array'),
    testArray('Raid Array', {
      supportedTypes: ['simple', 'mirror', 'raid10', 'raid6', 'auto', 'faultTolerant'],
    }),
  ],
};

export const PROVIDER_FAILURE = 0x80042442;

/** One subsystem per fault kind, named "Fault <kind>". */
export const FAULT_TOPOLOGY: TopologyFile = {
  subsystems: [
    { kind: 'errantNullAsync' },
    { kind: 'wrongOutputType' },
    { kind: 'nullLun' },
    { kind: 'failAt', percent: 40, hresult: '0x80042442' },
    { kind: 'queryStatusFails', hresult: PROVIDER_FAILURE },
    { kind: 'waitFails', hresult: PROVIDER_FAILURE },
    { kind: 'hang' },
    { kind: 'cancelTooLate' },
    { kind: 'driveFailsAt', percent: 30, drive: 'Disk 1' },
  ].map((fault) => testArray(`Fault ${fault.kind}`, { faults: [fault] })),
};

export interface TempSim {
  dir: string;
  statePath: string;
  topologyPath: string;
  cleanup(): Promise<void>;
}

/** A fresh temp dir with the topology written to topology.json; the state file path does not exist yet. */
export async function tempSim(topology: TopologyFile = BASIC_TOPOLOGY): Promise<TempSim> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lun-studio-test-'));
  const topologyPath = path.join(dir, 'topology.json');
  await writeFile(topologyPath, JSON.stringify(topology, null, 2));
  return {
    dir,
    statePath: path.join(dir, 'sim-state.json'),
    topologyPath,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
