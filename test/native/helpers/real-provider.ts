// Opens the facade over the REAL compiled addon, with a counting wrapper around the raw provider so tests
// can prove that rejected input never reached it.
import { readFile } from 'node:fs/promises';
import { loadAddon } from '../../../native/lib/load-addon';
import { openProviderWithAddon } from '../../../native/lib/provider';
import type { RawAddon, RawProvider, SimState } from '../../../native/lib/raw-addon';
import type { OpenProviderOptions, StorageProvider } from '../../../native/lib/types';
import { tempSim, type TempSim, type TopologyFile } from './topologies';

export type RawCallCounts = Record<keyof RawProvider, number>;

function countingProvider(raw: RawProvider, counts: Partial<RawCallCounts>): RawProvider {
  const count = (name: keyof RawProvider) => (counts[name] = (counts[name] ?? 0) + 1);
  return {
    name: raw.name,
    listSubsystems: () => (count('listSubsystems'), raw.listSubsystems()),
    listDrives: (id) => (count('listDrives'), raw.listDrives(id)),
    listAllDrives: () => (count('listAllDrives'), raw.listAllDrives()),
    listLuns: (id) => (count('listLuns'), raw.listLuns(id)),
    maxLunSize: (request) => (count('maxLunSize'), raw.maxLunSize(request)),
    createLun: (request, onProgress) => (count('createLun'), raw.createLun(request, onProgress)),
    exportState: () => (count('exportState'), raw.exportState()),
    removeLun: (lunId) => (count('removeLun'), raw.removeLun(lunId)),
    maxLunExtendSize: (lunId, driveIds) => (count('maxLunExtendSize'), raw.maxLunExtendSize(lunId, driveIds)),
    extendLun: (request, onProgress) => (count('extendLun'), raw.extendLun(request, onProgress)),
    shrinkLun: (request, onProgress) => (count('shrinkLun'), raw.shrinkLun(request, onProgress)),
    setLunMask: (lunId, list) => (count('setLunMask'), raw.setLunMask(lunId, list)),
    deleteLun: (lunId) => (count('deleteLun'), raw.deleteLun(lunId)),
    restoreLun: (subsystemId, lun) => (count('restoreLun'), raw.restoreLun(subsystemId, lun)),
    recoverLun: (request, onProgress) => (count('recoverLun'), raw.recoverLun(request, onProgress)),
    listExtents: (id) => (count('listExtents'), raw.listExtents(id)),
    lunIdentification: (lunId) => (count('lunIdentification'), raw.lunIdentification(lunId)),
    setDriveIdentify: (driveId, on) => (count('setDriveIdentify'), raw.setDriveIdentify(driveId, on)),
    setDriveHotSpare: (driveId, on) => (count('setDriveHotSpare'), raw.setDriveHotSpare(driveId, on)),
    replaceDrive: (driveId, newId) => (count('replaceDrive'), raw.replaceDrive(driveId, newId)),
    setDriveFailed: (driveId, failed) => (count('setDriveFailed'), raw.setDriveFailed(driveId, failed)),
    restoreDrive: (subsystemId, drive) => (count('restoreDrive'), raw.restoreDrive(subsystemId, drive)),
    close: () => (count('close'), raw.close()),
  };
}

export interface TestSim extends TempSim {
  addon: RawAddon;
  provider: StorageProvider;
  /** Calls that reached the raw provider since the last reset. */
  calls: Partial<RawCallCounts>;
  resetCalls(): void;
  readState(): Promise<SimState>;
  stateBytes(): Promise<Buffer>;
  reopen(): Promise<StorageProvider>;
  close(): Promise<void>;
}

/** A fresh temp state file built from the topology, opened through the facade over the real addon. */
/** The addon has one progress listener per environment; every test provider's routes get every batch (route
 * numbers are unique in the process, so each takes only its own rows). */
const fanOuts = new WeakMap<RawAddon, Set<(batch: Float64Array) => void>>();
function progressFanOut(real: RawAddon): Set<(batch: Float64Array) => void> {
  let listeners = fanOuts.get(real);
  if (!listeners) {
    const all = new Set<(batch: Float64Array) => void>();
    real.setProgressListener!((batch) => {
      for (const listener of all) listener(batch);
    });
    fanOuts.set(real, all);
    listeners = all;
  }
  return listeners;
}

export async function openTestSim(
  topology?: TopologyFile,
  options: Partial<OpenProviderOptions> = {},
): Promise<TestSim> {
  const sim = await tempSim(topology);
  const real = loadAddon();
  const calls: Partial<RawCallCounts> = {};
  const addon: RawAddon = {
    hresultTable: () => real.hresultTable(),
    pollerStats: () => real.pollerStats(),
    setProgressListener: (listener) => void progressFanOut(real).add(listener),
    openProvider: async (name, config, poll) =>
      countingProvider(await real.openProvider(name, config, poll), calls),
  };
  const open = () =>
    openProviderWithAddon(addon, {
      provider: 'sim',
      simStatePath: sim.statePath,
      simTopologyPath: sim.topologyPath,
      pollIntervalMs: 20,
      ...options,
    });
  const opened: StorageProvider[] = [await open()];
  return {
    ...sim,
    addon,
    provider: opened[0]!,
    calls,
    resetCalls: () => {
      for (const key of Object.keys(calls)) delete calls[key as keyof RawProvider];
    },
    readState: async () => JSON.parse(await readFile(sim.statePath, 'utf8')) as SimState,
    stateBytes: () => readFile(sim.statePath),
    reopen: async () => {
      const provider = await open();
      opened.push(provider);
      return provider;
    },
    close: async () => {
      await Promise.all(opened.map((p) => p.close()));
      await sim.cleanup();
    },
  };
}
