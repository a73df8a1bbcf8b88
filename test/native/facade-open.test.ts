// Opening through the package entry point (native/lib/index.ts) over the real addon.
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { describeHresult, openProvider, type StorageProvider } from '../../native/lib/index';
import { BASIC_TOPOLOGY, tempSim, type TempSim } from './helpers/topologies';

let sim: TempSim | undefined;
let provider: StorageProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
  delete process.env.LUN_STUDIO_SIM_STATE;
  delete process.env.LUN_STUDIO_SIM_TOPOLOGY;
  await sim?.cleanup();
});

describe('openProvider', () => {
  it('takes the state and topology paths from LUN_STUDIO_SIM_STATE / LUN_STUDIO_SIM_TOPOLOGY', async () => {
    sim = await tempSim();
    process.env.LUN_STUDIO_SIM_STATE = sim.statePath;
    process.env.LUN_STUDIO_SIM_TOPOLOGY = sim.topologyPath;
    provider = await openProvider({ provider: 'sim' });
    expect(provider.statePath).toBe(sim.statePath);
    expect((await provider.listSubsystems()).map((s) => s.name)).toEqual(
      BASIC_TOPOLOGY.subsystems.map((s) => s.name),
    );
    const saved = JSON.parse(await readFile(sim.statePath, 'utf8'));
    expect(saved.version).toBe(1);
  });

  it('refuses a corrupt state file with an error naming it, and never replaces it', async () => {
    sim = await tempSim();
    await writeFile(sim.statePath, '{ "version": 1, "subsystems": [ { "name": ');
    const error = await openProvider({ provider: 'sim', simStatePath: sim.statePath }).catch((e) => e);
    expect(error).toMatchObject({ code: 'VDS_E_PROVIDER_CACHE_CORRUPT', hresult: 0x8004241f });
    expect(error.message).toContain(sim.statePath);
    expect(error.message).toContain('not valid JSON');
    expect(await readFile(sim.statePath, 'utf8')).toBe('{ "version": 1, "subsystems": [ { "name": ');
  });

  it('rejects a bad poll interval naming the option', async () => {
    await expect(openProvider({ provider: 'sim', pollIntervalMs: 0 })).rejects.toMatchObject({
      code: 'E_INVALIDARG',
      field: 'pollIntervalMs',
    });
  });
});

describe('describeHresult', () => {
  it('names HRESULTs from the addon’s table, with a plain message', () => {
    expect(describeHresult(0x8004240f)).toMatchObject({
      code: 'VDS_E_NOT_ENOUGH_SPACE',
      hresult: 0x8004240f,
    });
    expect(describeHresult(0x8004240f).message.length).toBeGreaterThan(10);
    expect(describeHresult(0x8000ffff - 2 ** 32)).toMatchObject({
      code: 'E_UNEXPECTED',
      hresult: 0x8000ffff,
    });
    expect(describeHresult(0x8004241f).action).toBeTruthy();
  });

  it('gives unknown HRESULTs a code that shows the number', () => {
    expect(describeHresult(0x80001234)).toMatchObject({ code: 'HRESULT_0x80001234', hresult: 0x80001234 });
  });
});
