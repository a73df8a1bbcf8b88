// Choosing the provider through the owner's dispatcher (what the desktop and the browser shell call): the choice
// survives a restart of the owner, is refused while an operation runs or for a provider that cannot load here,
// and a switch whose new provider fails to open leaves the old one in use with its operations intact.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LunStudioEvent, ProviderChoice } from '../../../electron/contract/api';
import { HRESULT, LunStudioError } from '../../../electron/contract/errors';
import type { ApiErrorShape, Operation } from '../../../electron/contract/model';
import { userPaths } from '../../../electron/contract/user-paths';
import { findOwner, Owner, type OwnerOptions } from '../../../electron/host/owner/owner';
import { saveProviderChoice } from '../../../electron/host/settings/provider-choice';
import type { OpenProviderOptions, StorageProvider } from '../../../native/lib/types';
import { FakeProvider, simpleRequest } from '../fake-provider';

const ERROR_BUSY = 0x800700aa; // HRESULT_FROM_WIN32(ERROR_BUSY), written out: the test checks the table

/** A fake for each provider; `failVds` makes opening VDS fail like a machine whose VDS service is stopped. */
function providers() {
  const sim = new FakeProvider();
  const vds = new FakeProvider();
  Object.defineProperty(vds, 'name', { value: 'vds' });
  Object.defineProperty(vds, 'statePath', { value: undefined });
  const opened: string[] = [];
  const state = { failVds: undefined as LunStudioError | undefined };
  const openProvider = async (options: OpenProviderOptions): Promise<StorageProvider> => {
    opened.push(options.provider);
    if (options.provider === 'vds') {
      if (state.failVds) throw state.failVds;
      return vds as unknown as StorageProvider;
    }
    return sim;
  };
  return { sim, vds, opened, state, openProvider };
}

describe('provider choice through the owner', () => {
  const homes: string[] = [];
  const owners: Owner[] = [];
  const newHome = (): Record<string, string> => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-provider-switch-'));
    homes.push(home);
    return { LUN_STUDIO_HOME: home };
  };
  afterEach(async () => {
    for (const owner of owners.splice(0)) await owner.close(50);
    for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>, options: Partial<OwnerOptions>): Promise<Owner> {
    const owner = await Owner.start({
      shell: 'browser',
      env,
      journalPath: path.join(env.LUN_STUDIO_HOME!, 'journal.ndjson'),
      warn: () => undefined,
      ...options,
    });
    owners.push(owner);
    return owner;
  }

  async function call<T>(owner: Owner, method: string, payload?: unknown): Promise<T> {
    const result = await owner.dispatch(method, payload);
    if (!result.ok) throw new LunStudioError(result.error);
    return result.value as T;
  }

  async function refusal(owner: Owner, method: string, payload?: unknown): Promise<ApiErrorShape> {
    const result = await owner.dispatch(method, payload);
    if (result.ok) throw new Error(`${method} was not refused`);
    return result.error;
  }

  const savedFile = (env: Record<string, string>): string => path.join(env.LUN_STUDIO_HOME!, 'provider.json');

  it('is remembered: switched live, then the next start of the owner opens the chosen provider', async () => {
    const env = newHome();
    const fakes = providers();
    let owner = await start(env, { platform: 'win32', openProvider: fakes.openProvider });
    expect(owner.service.info.name).toBe('vds'); // nothing saved yet: the Windows default
    const events: LunStudioEvent[] = [];
    owner.subscribe((event) => events.push(event));
    const left: LunStudioEvent[] = [];
    owner.subscribe((event) => left.push(event))();

    const choice = await call<ProviderChoice>(owner, 'chooseProvider', { provider: 'sim' });
    expect(choice.current.name).toBe('sim');
    expect(choice.current.label).toBe('Simulated array');
    expect(choice.saved).toBe('sim');
    expect(owner.service.info.name).toBe('sim');
    expect(fakes.vds.closed).toBe(true);
    // Every shell subscribed before the switch learns the new provider with the inventory.
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'inventoryChanged',
        inventory: expect.objectContaining({ provider: expect.objectContaining({ name: 'sim' }) }),
      }),
    );
    const inventory = await call<{ provider: { name: string } }>(owner, 'getInventory');
    expect(inventory.provider.name).toBe('sim');
    // Operations on the new provider reach the same subscribers; one that left gets nothing.
    await call(owner, 'createLuns', { request: simpleRequest(), count: 1 });
    await expect.poll(() => events.some((event) => event.type === 'operationStarted')).toBe(true);
    expect(left).toEqual([]);
    expect(findOwner(userPaths(env))?.provider).toBe('sim'); // what `lun-studio status` reads

    await owner.close();
    owners.splice(owners.indexOf(owner), 1);
    owner = await start(env, { platform: 'win32', openProvider: fakes.openProvider });
    expect(owner.service.info.name).toBe('sim');
    const again = await call<ProviderChoice>(owner, 'getProviderChoice');
    expect(again).toMatchObject({ current: { name: 'sim' }, saved: 'sim' });
    expect(again.options).toEqual([
      { name: 'sim', label: 'Simulated array', available: true },
      { name: 'vds', label: 'Virtual Disk Service', available: true },
    ]);
  });

  it('shows VDS unavailable with its reason on Linux and refuses it; nothing is saved', async () => {
    const env = newHome();
    const fakes = providers();
    const owner = await start(env, { platform: 'linux', openProvider: fakes.openProvider });
    const choice = await call<ProviderChoice>(owner, 'getProviderChoice');
    expect(choice.current.name).toBe('sim');
    expect(choice.saved).toBeUndefined();
    expect(choice.options[1]).toEqual({
      name: 'vds',
      label: 'Virtual Disk Service',
      available: false,
      reason: expect.stringContaining('available on Windows only'),
    });
    const error = await refusal(owner, 'chooseProvider', { provider: 'vds' });
    expect(error).toMatchObject({
      code: 'E_PROVIDER_UNAVAILABLE',
      hresult: HRESULT.E_INVALIDARG,
      field: 'provider',
    });
    expect(error.message).toContain('cannot load on this system (linux)');
    expect(fakes.opened).toEqual(['sim']);
    expect(fs.existsSync(savedFile(env))).toBe(false);
  });

  it('names the field and the rule for a bad request', async () => {
    const env = newHome();
    const owner = await start(env, { platform: 'linux', openProvider: providers().openProvider });
    expect(await refusal(owner, 'chooseProvider', { provider: 'nfs' })).toMatchObject({
      code: 'E_INVALIDARG',
      field: 'provider',
      message: 'provider: must be one of sim, vds',
    });
    expect(await refusal(owner, 'chooseProvider', { provider: 'sim', now: true })).toMatchObject({
      field: 'now',
      message: 'now: unknown field (not part of this request)',
    });
    expect(await refusal(owner, 'chooseProvider')).toMatchObject({ code: 'E_INVALIDARG', field: 'payload' });
    expect(fs.existsSync(savedFile(env))).toBe(false);
  });

  it('refuses while an operation runs, naming how many and which kinds; the operation goes on', async () => {
    const env = newHome();
    const fakes = providers();
    const owner = await start(env, { platform: 'win32', openProvider: fakes.openProvider });
    await call(owner, 'chooseProvider', { provider: 'sim' });
    const { operations } = await call<{ operations: Operation[] }>(owner, 'createLuns', {
      request: simpleRequest(),
      count: 2,
    });
    await expect.poll(() => fakes.sim.operations.length).toBe(2);

    const error = await refusal(owner, 'chooseProvider', { provider: 'vds' });
    expect(error).toMatchObject({ code: 'E_OPERATIONS_RUNNING', hresult: ERROR_BUSY });
    expect(error.message).toBe(
      '2 operations are queued or running (2 createLun): the provider cannot be changed while they run.',
    );
    expect(error.action).toMatch(/^Wait for them to finish or cancel them/);
    // Even choosing the provider in use is refused while they run (no change of settings under running work).
    expect((await refusal(owner, 'chooseProvider', { provider: 'sim' })).code).toBe('E_OPERATIONS_RUNNING');
    expect(owner.service.info.name).toBe('sim');
    expect(fakes.sim.closed).toBe(false);
    const states = (await call<Operation[]>(owner, 'listOperations')).map((op) => op.state);
    expect(states).toEqual(['running', 'running']);

    for (const op of fakes.sim.operations) op.succeed();
    await expect
      .poll(async () => (await call<Operation[]>(owner, 'listOperations')).map((op) => op.state))
      .toEqual(['succeeded', 'succeeded']);
    const choice = await call<ProviderChoice>(owner, 'chooseProvider', { provider: 'vds' });
    expect(choice).toMatchObject({ current: { name: 'vds' }, saved: 'vds' });
    expect(operations).toHaveLength(2);
  });

  it('a new provider that fails to open leaves the old one in use, its operations and journal intact', async () => {
    const env = newHome();
    const fakes = providers();
    const owner = await start(env, { platform: 'win32', openProvider: fakes.openProvider });
    await call(owner, 'chooseProvider', { provider: 'sim' });
    await call(owner, 'createLuns', { request: simpleRequest(), count: 1 });
    await expect.poll(() => fakes.sim.operations.length).toBe(1);
    fakes.sim.operations[0]!.succeed();
    await expect
      .poll(async () => (await call<Operation[]>(owner, 'listOperations'))[0]?.state)
      .toBe('succeeded');
    const before = await call<Operation[]>(owner, 'listOperations');

    fakes.state.failVds = new LunStudioError({
      code: 'VDS_E_PROVIDER_FAILED',
      hresult: 0x80042404,
      message: 'The Virtual Disk Service could not be started.',
    });
    const error = await refusal(owner, 'chooseProvider', { provider: 'vds' });
    expect(error).toMatchObject({ code: 'VDS_E_PROVIDER_FAILED', hresult: 0x80042404 });
    expect(error.message).toBe(
      'Could not switch to the Virtual Disk Service: The Virtual Disk Service could not be started. ' +
        'The Simulated array is in use again; nothing was changed.',
    );
    expect(owner.service.info.name).toBe('sim');
    expect(await call<Operation[]>(owner, 'listOperations')).toEqual(before);
    expect((await call<ProviderChoice>(owner, 'getProviderChoice')).saved).toBe('sim');
    expect(findOwner(userPaths(env))?.provider).toBe('sim');
    // The reopened service takes new work as before.
    await call(owner, 'createLuns', { request: simpleRequest(), count: 1 });
    await expect.poll(() => fakes.sim.operations.length).toBe(2);
    fakes.sim.operations[1]!.succeed();
    await expect.poll(async () => (await call<Operation[]>(owner, 'listOperations')).length).toBe(2);
  });

  it('a call that arrives during a switch waits for it and reaches the new provider', async () => {
    const env = newHome();
    const fakes = providers();
    let letVdsOpen!: () => void;
    const vdsOpening = new Promise<void>((resolve) => (letVdsOpen = resolve));
    saveProviderChoice('sim', env, 'win32');
    const owner = await start(env, {
      platform: 'win32',
      openProvider: async (options) => {
        if (options.provider === 'vds') await vdsOpening;
        return fakes.openProvider(options);
      },
    });
    const switching = call<ProviderChoice>(owner, 'chooseProvider', { provider: 'vds' });
    await expect.poll(() => fakes.sim.closed).toBe(true);
    const inventory = call<{ provider: { name: string } }>(owner, 'getInventory');
    const second = owner.dispatch('chooseProvider', { provider: 'sim' });
    letVdsOpen();
    expect((await switching).current.name).toBe('vds');
    expect((await inventory).provider.name).toBe('vds');
    // The second choice waited for the first, then switched back.
    expect(await second).toMatchObject({ ok: true, value: { current: { name: 'sim' }, saved: 'sim' } });
  });

  it('an owner started with --provider keeps it until restarted: the choice is only saved, and it says so', async () => {
    const env = newHome();
    const fakes = providers();
    const owner = await start(env, { platform: 'win32', provider: 'sim', openProvider: fakes.openProvider });
    const choice = await call<ProviderChoice>(owner, 'chooseProvider', { provider: 'vds' });
    expect(choice).toMatchObject({ current: { name: 'sim' }, saved: 'vds', commandLine: 'sim' });
    expect(owner.service.info.name).toBe('sim');
    expect(fakes.opened).toEqual(['sim']);
    expect(JSON.parse(fs.readFileSync(savedFile(env), 'utf8'))).toEqual({ provider: 'vds' });
  });
});
