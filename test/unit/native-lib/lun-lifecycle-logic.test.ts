// The facade's lifecycle logic over the in-memory fake addon (no native code): LUN references, amounts turned
// into bytes before the provider is asked, refusals restated in the request's terms, progress and cancel through
// the shared runner. Acceptance against the real addon lives in test/native/facade-lun-lifecycle.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lun } from '../../../electron/contract/model';
import { LunStudioError } from '../../../electron/contract/errors';
import { bytesToAdd, bytesToRemove, restateAmountError } from '../../../native/lib/lun-requests';
import { openProviderWithAddon } from '../../../native/lib/provider';
import type { CreateLunProgress, StorageProvider } from '../../../native/lib/types';
import { tempSim, type TempSim } from '../../native/helpers/topologies';
import { DEFAULT_SCRIPT, FakeAddon, type FakeProvider } from './fake-addon';

const MiB = 1024 * 1024;
const LUN = { id: 'L', name: 'Data', sizeBytes: 10 * MiB } as Lun;

describe('amounts', () => {
  it('extend: bytesToAdd as given, newSizeBytes minus the size, useMaximum = the maximum asked then', async () => {
    const never = () => Promise.reject(new Error('not asked'));
    expect(await bytesToAdd({ subsystemId: 'A', lunId: 'L', bytesToAdd: 5 }, LUN, never)).toBe(5);
    expect(await bytesToAdd({ subsystemId: 'A', lunId: 'L', newSizeBytes: 12 * MiB }, LUN, never)).toBe(
      2 * MiB,
    );
    expect(
      await bytesToAdd({ subsystemId: 'A', lunId: 'L', useMaximum: true }, LUN, async () => 7 * MiB),
    ).toBe(7 * MiB);
  });

  it.each([
    [
      { newSizeBytes: 10 * MiB },
      'newSizeBytes',
      /must be above the current size of LUN "Data", 10485760 bytes/,
    ],
    [{ newSizeBytes: MiB }, 'newSizeBytes', /shrink it to make it smaller/],
    [{ useMaximum: true as const }, 'useMaximum', /nothing to add: LUN "Data" cannot grow/],
  ])('extend %j is refused naming %s', async (amount, field, message) => {
    const error = await bytesToAdd({ subsystemId: 'A', lunId: 'L', ...amount }, LUN, async () => 0).catch(
      (e: LunStudioError) => e,
    );
    expect(error).toMatchObject({ code: 'E_INVALIDARG', field });
    expect((error as LunStudioError).message).toMatch(message);
  });

  it('shrink: bytesToRemove as given, or the size minus newSizeBytes, which must be below the size', () => {
    expect(bytesToRemove({ subsystemId: 'A', lunId: 'L', bytesToRemove: 3 }, LUN)).toBe(3);
    expect(bytesToRemove({ subsystemId: 'A', lunId: 'L', newSizeBytes: 4 * MiB }, LUN)).toBe(6 * MiB);
    expect(() => bytesToRemove({ subsystemId: 'A', lunId: 'L', newSizeBytes: 10 * MiB }, LUN)).toThrow(
      /^newSizeBytes: must be below the current size/,
    );
  });

  it('restates a refusal of the byte count in the field the request used; other errors pass through', () => {
    const refusal = new LunStudioError({
      code: 'VDS_E_NOT_ENOUGH_SPACE',
      hresult: 0x8004240f,
      message: 'bytesToAdd: 5 bytes to add do not fit',
      field: 'bytesToAdd',
    });
    const restated = restateAmountError(
      refusal,
      { subsystemId: 'A', lunId: 'L', newSizeBytes: 11 * MiB },
      LUN,
    );
    expect(restated).toMatchObject({
      code: 'VDS_E_NOT_ENOUGH_SPACE',
      field: 'newSizeBytes',
      message:
        'newSizeBytes: a new size of 11534336 bytes (LUN "Data" has 10485760) was refused: 5 bytes to add do not fit',
    });
    expect(restateAmountError(refusal, { subsystemId: 'A', lunId: 'L', bytesToAdd: 5 }, LUN)).toBe(refusal);
    const other = new LunStudioError({ code: 'X', hresult: 1, message: 'm', field: 'lunId' });
    expect(restateAmountError(other, { subsystemId: 'A', lunId: 'L', newSizeBytes: 11 * MiB }, LUN)).toBe(
      other,
    );
  });
});

describe('lifecycle over the fake addon', () => {
  let sim: TempSim;
  let addon: FakeAddon;
  let provider: StorageProvider;
  let raw: FakeProvider;
  let lun: Lun;

  beforeEach(async () => {
    sim = await tempSim();
    addon = new FakeAddon();
    provider = await openProviderWithAddon(addon, {
      provider: 'sim',
      simStatePath: sim.statePath,
      simTopologyPath: sim.topologyPath,
    });
    raw = addon.providers[0]!;
    lun = await provider.createLun({ subsystemId: 'test array', type: 'simple', sizeBytes: 8 * MiB });
  });
  afterEach(async () => {
    await provider.close();
    await sim.cleanup();
  });

  it('a LUN name shared by two LUNs of the subsystem is refused: use the id', async () => {
    const twin = structuredClone(raw.exportState().subsystems[0]!.luns[0]!);
    raw.restoreLun(raw.exportState().subsystems[0]!.id, { ...twin, id: 'twin', extents: [] });
    const error = await provider.deleteLun({ subsystemId: 'test array', lunId: lun.name }).catch((e) => e);
    expect(error).toMatchObject({ code: 'E_INVALIDARG', field: 'lunId' });
    expect(error.message).toMatch(new RegExp(`the name "${lun.name}" matches 2 LUNs .*use the LUN id`));
    expect((await provider.listLuns('test array')).length).toBe(2);
  });

  it('extend relays progress like creation and resolves to the LUN re-read', async () => {
    const events: Array<string | CreateLunProgress> = [];
    const grown = await provider.extendLun(
      { subsystemId: 'test array', lunId: lun.id, bytesToAdd: MiB },
      { onStarted: (id) => events.push(id), onProgress: (p) => events.push(p) },
    );
    expect(grown.sizeBytes).toBe(9 * MiB);
    expect(events[0]).toMatch(/^op-extend-/);
    expect(events.slice(1)).toContainEqual({ percent: 30, bytesDone: 300 });
    expect(events.at(-1)).toEqual({ percent: 100, bytesDone: 1000 });
  });

  it("an abort before the start refuses at once; an accepted cancel rejects with the kind's message", async () => {
    const aborted = AbortSignal.abort();
    await expect(
      provider.shrinkLun(
        { subsystemId: 'test array', lunId: lun.id, bytesToRemove: MiB },
        { signal: aborted },
      ),
    ).rejects.toMatchObject({
      code: 'VDS_E_OPERATION_CANCELED',
      message: 'Canceled before the shrink started.',
    });
    raw.script = { ...DEFAULT_SCRIPT, tickMs: 20 };
    const abort = new AbortController();
    const run = provider.extendLun(
      { subsystemId: 'test array', lunId: lun.id, bytesToAdd: MiB },
      { signal: abort.signal, onStarted: () => abort.abort() },
    );
    await expect(run).rejects.toMatchObject({ code: 'VDS_E_OPERATION_CANCELED' });
    expect((await provider.listLuns('test array'))[0]!.sizeBytes).toBe(8 * MiB);
  });

  it('deleteLun resolves to the LUN as it was', async () => {
    const deleted = await provider.deleteLun({ subsystemId: 'test array', lunId: lun.id });
    expect(deleted).toEqual(lun);
    expect(await provider.listLuns('test array')).toEqual([]);
  });
});
