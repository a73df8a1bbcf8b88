// The default topology, read through the facade over the real addon.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DRIVE_FLAGS,
  DRIVE_STATUSES,
  HEALTHS,
  LUN_TYPES,
  SPECIFIC_LUN_TYPES,
  SUBSYSTEM_STATUSES,
} from '../../electron/contract/model';
import type { Subsystem } from '../../electron/contract/model';
import { GiB, MiB } from './helpers/topologies';
import { openTestSim, type TestSim } from './helpers/real-provider';

const GUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;
const defaultTopologyPath = path.resolve(__dirname, '../../assets/sim/default-topology.json');
const topology = JSON.parse(readFileSync(defaultTopologyPath, 'utf8')) as {
  subsystems: Array<{
    name: string;
    supportedTypes: string[];
    stripeSizes: number[];
    initRateBytesPerSec: number;
    drives: Array<{ name: string; sizeBytes: number; status: string; hotSpare: boolean }>;
    faults: Array<{ kind: string }>;
  }>;
};

let sim: TestSim;
beforeAll(async () => {
  sim = await openTestSim(topology);
});
afterAll(() => sim.close());

describe('the default topology', () => {
  it('has two arrays with different types and stripe sizes, 24+ drives, one failed drive, a hot spare, no faults', () => {
    const [a, b] = topology.subsystems;
    expect(topology.subsystems).toHaveLength(2);
    expect(a!.supportedTypes).not.toEqual(b!.supportedTypes);
    expect(a!.stripeSizes).not.toEqual(b!.stripeSizes);
    const drives = topology.subsystems.flatMap((s) => s.drives);
    expect(drives.length).toBeGreaterThanOrEqual(24);
    expect(drives.filter((d) => d.status === 'failed')).toHaveLength(1);
    expect(drives.filter((d) => d.hotSpare).length).toBeGreaterThanOrEqual(1);
    expect(topology.subsystems.every((s) => s.faults.length === 0)).toBe(true);
  });

  it('initialises a 100 GiB mirror in about 10 s: progress runs over the LUN size at initRateBytesPerSec', async () => {
    // The sim's bytes-to-write is the LUN's (rounded) size, not size × copies; check that on a real LUN.
    const done: number[] = [];
    const lun = await sim.provider.createLun(
      { subsystemId: 'Contoso Array A', type: 'mirror', sizeBytes: GiB },
      { onProgress: (p) => p.bytesDone !== undefined && done.push(p.bytesDone) },
    );
    expect(done.at(-1)).toBe(lun.sizeBytes);
    for (const sub of topology.subsystems) {
      const seconds = (100 * GiB) / sub.initRateBytesPerSec;
      expect(seconds).toBeGreaterThanOrEqual(8);
      expect(seconds).toBeLessThanOrEqual(12);
    }
  });
});

describe('subsystems', () => {
  let subsystems: Subsystem[];
  beforeAll(async () => {
    subsystems = await sim.provider.listSubsystems();
  });

  it('reports every field of the object model for each array in the topology', () => {
    expect(subsystems.map((s) => s.name)).toEqual(topology.subsystems.map((s) => s.name));
    for (const [index, sub] of subsystems.entries()) {
      const source = topology.subsystems[index]!;
      expect(Object.keys(sub).sort()).toEqual(
        [
          'id',
          'name',
          'identification',
          'status',
          'health',
          'supportedTypes',
          'stripeSizes',
          'maskingCapable',
          'driveCount',
          'lunCount',
          'capacityBytes',
          'freeBytes',
        ].sort(),
      );
      expect(sub.id).toMatch(GUID);
      expect(sub.identification.length).toBeGreaterThan(0);
      expect(SUBSYSTEM_STATUSES).toContain(sub.status);
      expect(sub.status).toBe('online');
      expect(HEALTHS).toContain(sub.health);
      // Specific types as configured; the automagic ones follow from them (VDS_SF_SUPPORTS_*_LUNS).
      const specific = (types: string[]) =>
        types.filter((t) => (SPECIFIC_LUN_TYPES as readonly string[]).includes(t));
      expect(specific(sub.supportedTypes).sort()).toEqual(specific(source.supportedTypes).sort());
      expect(sub.supportedTypes).toEqual(expect.arrayContaining(source.supportedTypes));
      expect(sub.supportedTypes.every((t) => (LUN_TYPES as readonly string[]).includes(t))).toBe(true);
      expect(sub.stripeSizes).toEqual([...source.stripeSizes].sort((x, y) => x - y));
      expect(sub.maskingCapable).toBe(true);
      expect(sub.driveCount).toBe(source.drives.length);
      expect(sub.capacityBytes).toBe(source.drives.reduce((sum, d) => sum + d.sizeBytes, 0));
      expect(sub.freeBytes).toBeLessThanOrEqual(sub.capacityBytes);
    }
  });

  it('finds a subsystem by id or by case-insensitive name', async () => {
    const byName = await sim.provider.listDrives('contoso array a');
    const byId = await sim.provider.listDrives(subsystems[0]!.id);
    expect(byName).toEqual(byId);
  });
});

describe('drives, LUNs and max size', () => {
  it('lists each array’s drives with sizes, bus/slot, status, health and flags', async () => {
    for (const source of topology.subsystems) {
      const drives = await sim.provider.listDrives(source.name);
      expect(drives.map((d) => d.name)).toEqual(source.drives.map((d) => d.name));
      for (const [index, drive] of drives.entries()) {
        const expected = source.drives[index]!;
        expect(drive.id).toMatch(GUID);
        expect(drive.sizeBytes).toBe(expected.sizeBytes);
        expect(drive.freeBytes).toBeLessThanOrEqual(drive.sizeBytes);
        expect(DRIVE_STATUSES).toContain(drive.status);
        expect(drive.status).toBe(expected.status);
        expect(drive.flags.every((f) => (DRIVE_FLAGS as readonly string[]).includes(f))).toBe(true);
        expect(drive.flags.includes('hotSpare')).toBe(expected.hotSpare);
      }
    }
  });

  it('lists LUNs (none on Fabrikam in a fresh state)', async () => {
    expect(await sim.provider.listLuns('Fabrikam Array B')).toEqual([]);
  });

  it('gives the largest simple LUN as the biggest drive rounded down to 1 MiB', async () => {
    const max = await sim.provider.maxLunSize({ subsystemId: 'Fabrikam Array B', type: 'simple' });
    const biggest = Math.max(...topology.subsystems[1]!.drives.map((d) => d.sizeBytes));
    expect(max).toBe(Math.floor(biggest / MiB) * MiB);
  });

  it('halves nothing for a two-drive mirror and multiplies for a stripe', async () => {
    const drives = (await sim.provider.listDrives('Fabrikam Array B')).slice(0, 4).map((d) => d.id);
    const mirror = await sim.provider.maxLunSize({
      subsystemId: 'Fabrikam Array B',
      type: 'mirror',
      driveIds: drives.slice(0, 2),
    });
    const stripe = await sim.provider.maxLunSize({
      subsystemId: 'Fabrikam Array B',
      type: 'stripe',
      driveIds: drives,
    });
    expect(mirror).toBeGreaterThan(3.8e12 * 0.99);
    expect(mirror).toBeLessThanOrEqual(3840755982336);
    expect(stripe).toBeGreaterThan(4 * mirror * 0.99);
    expect(stripe).toBeLessThanOrEqual(4 * 3840755982336);
  });
});
