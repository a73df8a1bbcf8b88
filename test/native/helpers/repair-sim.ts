// A small array for the drives-and-repairs tests: D1–D6 (8 GiB; D6 16 GiB), every LUN type, and helpers to
// read drives by name and catch refusals.
import type { Drive, DriveExtent } from '../../../electron/contract/model';
import type { StorageProvider } from '../../../native/lib/types';
import { openTestSim, type TestSim } from './real-provider';
import { GiB, type TopologyDrive, type TopologySubsystem } from './topologies';

export const ARRAY = 'Repair Array';

export function repairDrives(): TopologyDrive[] {
  return [1, 2, 3, 4, 5, 6].map((n) => ({ name: `D${n}`, sizeBytes: (n === 6 ? 16 : 8) * GiB, slot: n }));
}

export function repairArray(extra: Partial<TopologySubsystem> = {}): TopologySubsystem {
  return {
    name: ARRAY,
    supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity', 'raid10', 'raid6'],
    stripeSizes: [65536],
    initRateBytesPerSec: 2 * GiB,
    drives: repairDrives(),
    ...extra,
  };
}

export function openRepairSim(extra: Partial<TopologySubsystem> = {}, pollIntervalMs = 20): Promise<TestSim> {
  return openTestSim({ subsystems: [repairArray(extra)] }, { pollIntervalMs });
}

export async function drivesByName(provider: StorageProvider): Promise<Record<string, Drive>> {
  return Object.fromEntries((await provider.listDrives(ARRAY)).map((d) => [d.name, d]));
}

export async function freeByName(provider: StorageProvider): Promise<Record<string, number>> {
  return Object.fromEntries((await provider.listDrives(ARRAY)).map((d) => [d.name, d.freeBytes]));
}

export interface Refusal {
  code: string;
  hresult: number;
  message: string;
  field?: string;
  action?: string;
}

export async function rejection(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('expected a rejection');
}

export function usedOn(extents: readonly DriveExtent[], driveId: string): number {
  return extents
    .filter((e) => e.driveId === driveId && e.lunId !== null)
    .reduce((n, e) => n + e.sizeBytes, 0);
}

export async function lunHealth(provider: StorageProvider, lunId: string): Promise<[string, string]> {
  const lun = (await provider.listLuns(ARRAY)).find((l) => l.id === lunId)!;
  return [lun.status, lun.health];
}
