// The facade's own logic over an in-memory fake addon (no native code): persistence, progress relay,
// cancel, error mapping, name resolution. Acceptance against the real addon lives in test/native/.
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateLunProgress, StorageProvider } from '../../../native/lib/types';
import { openProviderWithAddon } from '../../../native/lib/provider';
import { tempSim, type TempSim } from '../../native/helpers/topologies';
import { DEFAULT_SCRIPT, FakeAddon, type FakeProvider } from './fake-addon';

const MiB = 1024 * 1024;
let sim: TempSim;
let addon: FakeAddon;
let provider: StorageProvider;
let raw: FakeProvider;

beforeEach(async () => {
  sim = await tempSim();
  addon = new FakeAddon();
  provider = await openProviderWithAddon(addon, {
    provider: 'sim',
    simStatePath: sim.statePath,
    simTopologyPath: sim.topologyPath,
  });
  raw = addon.providers[0]!;
});
afterEach(async () => {
  await provider.close();
  await sim.cleanup();
});

const request = { subsystemId: 'test array', type: 'simple' as const, sizeBytes: 8 * MiB };

describe('createLun over the fake', () => {
  it('announces the operation before progress, maps 0 % with nothing done and 253 % to null, drops repeats', async () => {
    const events: Array<string | CreateLunProgress> = [];
    const lun = await provider.createLun(request, {
      onStarted: (id) => events.push(`started ${id}`),
      onProgress: (p) => events.push(p),
    });
    expect(events).toEqual([
      `started op-${lun.id}`,
      { percent: null },
      { percent: 30, bytesDone: 300 },
      { percent: null, bytesDone: 900 }, // the fake's 253 %: outside 0–100 is unknown, never 100 (a913d8b)
      { percent: 100, bytesDone: 1000 },
    ]);
  });

  it('resolves to the LUN as re-read from the provider (rounded size), and persists it', async () => {
    const lun = await provider.createLun({ ...request, sizeBytes: 8 * MiB + 1 });
    expect(lun.sizeBytes).toBe(9 * MiB);
    const saved = JSON.parse(await readFile(sim.statePath, 'utf8'));
    expect(saved.subsystems[0].luns.map((l: { id: string }) => l.id)).toEqual([lun.id]);
  });

  it('does not rewrite the state file when an operation fails', async () => {
    const before = await readFile(sim.statePath);
    raw.script = {
      ...DEFAULT_SCRIPT,
      failWith: Object.assign(new Error('array said no'), { hresult: 0x80042442 }),
    };
    const error = await provider.createLun(request).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'HRESULT_0x80042442',
      hresult: 0x80042442,
      message: 'array said no',
    });
    expect(await readFile(sim.statePath)).toEqual(before);
  });

  it('fills code, message and action from the HRESULT table when the addon gives only an HRESULT', async () => {
    raw.script = { ...DEFAULT_SCRIPT, failWith: Object.assign(new Error(''), { hresult: 0x8004240f }) };
    await expect(provider.createLun(request)).rejects.toMatchObject({
      code: 'VDS_E_NOT_ENOUGH_SPACE',
      message: 'Not enough free space.',
      action: 'Pick a smaller size.',
    });
  });

  it('rejects at once for an already-aborted signal, never calling the addon', async () => {
    const spy = vi.spyOn(raw, 'createLun');
    await expect(provider.createLun(request, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'VDS_E_OPERATION_CANCELED',
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('cancels on abort: rejects VDS_E_OPERATION_CANCELED', async () => {
    const controller = new AbortController();
    const result = provider.createLun(request, {
      signal: controller.signal,
      onStarted: () => controller.abort(),
    });
    await expect(result).rejects.toMatchObject({ code: 'VDS_E_OPERATION_CANCELED', hresult: 0x8004240d });
    expect(await provider.listLuns('Test Array')).toEqual([]);
  });

  it('resolves with the LUN when the provider answers the cancel with VDS_E_CANCEL_TOO_LATE', async () => {
    raw.script = { ...DEFAULT_SCRIPT, cancelAnswer: 0x8004240c };
    const controller = new AbortController();
    const lun = await provider.createLun(request, {
      signal: controller.signal,
      onStarted: () => controller.abort(),
    });
    expect((await provider.listLuns('Test Array')).map((l) => l.id)).toEqual([lun.id]);
  });

  it('survives a callback that throws', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const lun = await provider.createLun(request, {
      onProgress: () => {
        throw new Error('ui bug');
      },
    });
    expect(lun.sizeBytes).toBe(8 * MiB);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('subsystem references', () => {
  it('accepts an id or a case-insensitive name; unknown is VDS_E_OBJECT_NOT_FOUND naming it', async () => {
    const [sub] = await provider.listSubsystems();
    expect((await provider.listDrives(sub!.id)).length).toBe(10);
    expect((await provider.listDrives('TEST ARRAY')).length).toBe(10);
    await expect(provider.listLuns('Nowhere')).rejects.toMatchObject({
      code: 'VDS_E_OBJECT_NOT_FOUND',
      hresult: 0x80042405,
      message: expect.stringContaining('Nowhere'),
    });
  });
});

describe('opening', () => {
  it('refuses a state file the facade cannot read, naming it, and leaves it untouched', async () => {
    await provider.close();
    await writeFile(sim.statePath, '{"version":1,"subsystems":[{"id":"x"}]}');
    const error = await openProviderWithAddon(addon, { provider: 'sim', simStatePath: sim.statePath }).catch(
      (e) => e,
    );
    expect(error.message).toContain(sim.statePath);
    expect(await readFile(sim.statePath, 'utf8')).toBe('{"version":1,"subsystems":[{"id":"x"}]}');
  });

  it('rejects calls after close', async () => {
    await provider.close();
    await expect(provider.listSubsystems()).rejects.toMatchObject({ code: 'VDS_E_OBJECT_DELETED' });
    expect(raw.closed).toBe(true);
  });

  it('reports VDS unavailability as a LunStudioError', async () => {
    await expect(openProviderWithAddon(addon, { provider: 'vds' })).rejects.toMatchObject({
      code: 'VDS_E_NOT_SUPPORTED',
      hresult: 0x80042400,
    });
  });
});
