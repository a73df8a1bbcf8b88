// A provider switch on the REAL simulator (the compiled addon): on a system where VDS is offered but will not
// open (the addon answers VDS_E_NOT_SUPPORTED off Windows), the simulator is opened again with its state file,
// its lock and its LUNs, the journal's history is intact, and new work goes on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InventorySnapshot } from '../../electron/contract/api';
import type { Operation } from '../../electron/contract/model';
import { readHolder } from '../../electron/host/owner/lock-file';
import { Owner } from '../../electron/host/owner/owner';
import { saveProviderChoice } from '../../electron/host/settings/provider-choice';
import { GiB, makeSimFixture, type SimFixture } from './sim-fixture';

describe('provider switch on the simulator', () => {
  let fixture: SimFixture;
  let owner: Owner | undefined;
  beforeEach(() => {
    fixture = makeSimFixture();
  });
  afterEach(async () => {
    await owner?.close(50);
    owner = undefined;
    fixture.cleanup();
  });

  async function call<T>(method: string, payload?: unknown): Promise<T> {
    const result = await owner!.dispatch(method, payload);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  }

  it('a VDS that fails to open leaves the simulator in use with its state, lock, LUNs and history', async () => {
    const env = { LUN_STUDIO_HOME: path.join(fixture.dir, 'home') };
    saveProviderChoice('sim', env, 'win32'); // the user chose the simulator earlier
    owner = await Owner.start({
      shell: 'browser',
      env,
      platform: 'win32', // VDS offered, as on Windows; this addon cannot open it
      simStatePath: fixture.statePath,
      simTopologyPath: fixture.topologyPath,
      journalPath: fixture.journalPath,
      pollIntervalMs: 20,
      warn: () => undefined,
    });
    expect(owner.service.info.name).toBe('sim');
    const inventory = await call<InventorySnapshot>('getInventory');
    const subsystemId = inventory.subsystems[0]!.id;
    await call('createLuns', { request: { subsystemId, type: 'simple', sizeBytes: GiB }, count: 1 });
    await expect
      .poll(async () => (await call<Operation[]>('listOperations')).map((op) => op.state), {
        timeout: 10_000,
      })
      .toEqual(['succeeded']);
    const history = await call<Operation[]>('listOperations');

    const result = await owner.dispatch('chooseProvider', { provider: 'vds' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'VDS_E_NOT_SUPPORTED' });
    expect(result.error.message).toBe(
      'Could not switch to the Virtual Disk Service: The Virtual Disk Service (VDS) exists only on Windows. ' +
        'The Simulated array is in use again; nothing was changed.',
    );

    expect(owner.service.info).toMatchObject({ name: 'sim', statePath: fixture.statePath });
    expect(readHolder(`${fixture.statePath}.lock`)?.pid).toBe(process.pid);
    const after = await call<InventorySnapshot>('getInventory', { refresh: true });
    expect(after.luns[subsystemId]).toHaveLength(1);
    expect(await call<Operation[]>('listOperations')).toEqual(history);

    await call('createLuns', { request: { subsystemId, type: 'simple', sizeBytes: GiB }, count: 1 });
    await expect
      .poll(
        async () =>
          (await call<InventorySnapshot>('getInventory', { refresh: true })).luns[subsystemId]!.length,
        {
          timeout: 10_000,
        },
      )
      .toBe(2);
    await owner.close();
    owner = undefined;
    expect(fs.existsSync(`${fixture.statePath}.lock`)).toBe(false);
  });
});
