import { readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadOrCreateSimState,
  resolveSimStatePath,
  resolveTopologyPath,
  writeFileAtomic,
} from '../../../native/lib/sim-state-file';
import { BASIC_TOPOLOGY, tempSim, type TempSim } from '../../native/helpers/topologies';

const GUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;

describe('where the state file lives', () => {
  it('lets the option win over LUN_STUDIO_SIM_STATE, which wins over the default', () => {
    const env = { LUN_STUDIO_SIM_STATE: '/env/state.json', XDG_CONFIG_HOME: '/xdg' };
    expect(resolveSimStatePath('/opt/state.json', env)).toBe('/opt/state.json');
    expect(resolveSimStatePath(undefined, env)).toBe('/env/state.json');
    if (process.platform === 'linux') {
      expect(resolveSimStatePath(undefined, { XDG_CONFIG_HOME: '/xdg' })).toBe(
        '/xdg/lun-studio/sim-state.json',
      );
    }
  });

  it('falls back to the bundled default topology', () => {
    expect(resolveTopologyPath(undefined, {})).toBe(
      path.resolve(__dirname, '../../../assets/sim/default-topology.json'),
    );
    expect(resolveTopologyPath(undefined, { LUN_STUDIO_SIM_TOPOLOGY: '/t.json' })).toBe('/t.json');
  });
});

describe('loading or creating the state', () => {
  let sim: TempSim;
  afterEach(() => sim?.cleanup());

  it('builds the state from the topology with VDS-style ids and defaults, and writes it', async () => {
    sim = await tempSim({
      subsystems: [
        {
          name: 'Minimal',
          drives: [{ sizeBytes: 1 << 30 }, { sizeBytes: 1 << 30, slot: 5 }],
          faults: [
            { kind: 'failAt', percent: 40, hresult: '0x80042442' },
            { kind: 'waitFails', hresult: 0x80042442 - 2 ** 32 },
          ],
        },
      ],
    });
    const { state, created } = await loadOrCreateSimState(sim.statePath, sim.topologyPath);
    expect(created).toBe(true);
    const [sub] = state.subsystems;
    expect(sub!.id).toMatch(GUID);
    expect(sub!.drives.map((d) => d.id).every((id) => GUID.test(id))).toBe(true);
    expect(sub!.drives.map((d) => [d.name, d.slot, d.status, d.health, d.hotSpare])).toEqual([
      ['Bay 00', 0, 'online', 'healthy', false],
      ['Bay 05', 5, 'online', 'healthy', false],
    ]);
    expect(sub!.supportedTypes).toEqual(['simple', 'span', 'stripe', 'mirror', 'parity']);
    expect(sub!.faults).toEqual([
      { kind: 'failAt', percent: 40, hresult: 0x80042442 },
      { kind: 'waitFails', hresult: 0x80042442 },
    ]);
    expect(JSON.parse(await readFile(sim.statePath, 'utf8'))).toEqual(state);
    expect(await readdir(sim.dir)).toEqual(['sim-state.json', 'topology.json']);
  });

  it('reads an existing state file instead of the topology', async () => {
    sim = await tempSim();
    const first = await loadOrCreateSimState(sim.statePath, sim.topologyPath);
    const again = await loadOrCreateSimState(sim.statePath, path.join(sim.dir, 'missing.json'));
    expect(again.created).toBe(false);
    expect(again.state).toEqual(first.state);
  });

  it.each([
    ['{"version": 1, "subsystems": [', 'not valid JSON'],
    ['{"version": 2, "subsystems": []}', 'version'],
  ])('refuses a corrupt state file (%s) naming the file and leaves it alone', async (text, problem) => {
    sim = await tempSim();
    await writeFile(sim.statePath, text);
    const error = await loadOrCreateSimState(sim.statePath, sim.topologyPath).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VDS_E_PROVIDER_CACHE_CORRUPT', hresult: 0x8004241f });
    expect((error as Error).message).toContain(sim.statePath);
    expect((error as Error).message).toContain(problem);
    expect(await readFile(sim.statePath, 'utf8')).toBe(text);
  });

  it('refuses overlapping extents in a state file', async () => {
    sim = await tempSim();
    const { state } = await loadOrCreateSimState(sim.statePath, sim.topologyPath);
    const sub = state.subsystems[0]!;
    const driveId = sub.drives[0]!.id;
    const lun = (id: string, offsetBytes: number) => ({
      id,
      name: id,
      type: 'simple' as const,
      sizeBytes: 1 << 20,
      stripeSizeBytes: 0,
      unmaskingList: '',
      extents: [{ driveId, offsetBytes, lengthBytes: 1 << 20 }],
    });
    sub.luns.push(lun('{A}', 0), lun('{B}', 1 << 19));
    await writeFile(sim.statePath, JSON.stringify(state));
    await expect(loadOrCreateSimState(sim.statePath, sim.topologyPath)).rejects.toThrow(/overlaps/);
  });

  it.each([
    [{ subsystems: [] }, 'subsystems'],
    [{ subsystems: [{ name: 'A', drives: [{ sizeBytes: -1 }] }] }, 'subsystems[0].drives[0].sizeBytes'],
    [{ subsystems: [{ name: 'A', stripeSizes: [65537], drives: [{ sizeBytes: 1 }] }] }, 'stripeSizes[0]'],
    [
      { subsystems: [{ name: 'A', drives: [{ sizeBytes: 1 }], faults: [{ kind: 'failAt', percent: 5 }] }] },
      'hresult',
    ],
    [
      {
        subsystems: [
          {
            name: 'A',
            drives: [{ sizeBytes: 1 }],
            faults: [{ kind: 'driveFailsAt', percent: 5, drive: 'Nope' }],
          },
        ],
      },
      'Nope',
    ],
    [
      {
        subsystems: [
          { name: 'A', drives: [{ sizeBytes: 1 }] },
          { name: 'a', drives: [{ sizeBytes: 1 }] },
        ],
      },
      'more than once',
    ],
  ])('refuses an invalid topology %j naming %s, writing nothing', async (topology, named) => {
    sim = await tempSim(topology as typeof BASIC_TOPOLOGY);
    const error = await loadOrCreateSimState(sim.statePath, sim.topologyPath).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_INVALIDARG', field: 'simTopologyPath' });
    expect((error as Error).message).toContain(sim.topologyPath);
    expect((error as Error).message).toContain(named);
    expect(await readdir(sim.dir)).toEqual(['topology.json']);
  });
});

describe('atomic writes', () => {
  let sim: TempSim;
  afterEach(() => sim?.cleanup());

  it('replaces the file whole and leaves no temp file behind', async () => {
    sim = await tempSim();
    const file = path.join(sim.dir, 'nested', 'state.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.dirname(file))).toEqual(['state.json']);
  });
});

describe('the fields of drives and repairs', () => {
  let sim: TempSim;
  afterEach(() => sim?.cleanup());

  it('automaticHotSpare goes from the topology into the state only when true', async () => {
    sim = await tempSim({
      subsystems: [
        { name: 'Auto', automaticHotSpare: true, drives: [{ sizeBytes: 1 << 30, hotSpare: true }] },
        { name: 'Manual', drives: [{ sizeBytes: 1 << 30 }] },
      ],
    });
    const { state } = await loadOrCreateSimState(sim.statePath, sim.topologyPath);
    expect(state.subsystems.map((s) => s.automaticHotSpare)).toEqual([true, undefined]);
    expect(JSON.parse(await readFile(sim.statePath, 'utf8')).subsystems[1]).not.toHaveProperty(
      'automaticHotSpare',
    );
  });

  it('reads identifying, staleDriveIds and rebuild; refuses ones that name no drive of the subsystem', async () => {
    sim = await tempSim(BASIC_TOPOLOGY);
    const { state } = await loadOrCreateSimState(sim.statePath, sim.topologyPath);
    const sub = state.subsystems[0]!;
    const [d0, d1] = sub.drives;
    d0!.identifying = true;
    sub.luns.push({
      id: '{00000000-0000-0000-0000-000000000001}',
      name: 'LUN 1',
      type: 'mirror',
      sizeBytes: 1 << 30,
      stripeSizeBytes: 0,
      unmaskingList: '',
      extents: [
        { driveId: d0!.id, offsetBytes: 0, lengthBytes: 1 << 30 },
        { driveId: d1!.id, offsetBytes: 0, lengthBytes: 1 << 30 },
      ],
      staleDriveIds: [d1!.id],
      rebuild: { driveIds: [d1!.id], startedAtMs: 1, bytes: 1 << 30 },
    });
    await writeFile(sim.statePath, JSON.stringify(state));
    const loaded = (await loadOrCreateSimState(sim.statePath, sim.topologyPath)).state.subsystems[0]!;
    expect(loaded.drives[0]!.identifying).toBe(true);
    expect(loaded.luns[0]).toMatchObject({ staleDriveIds: [d1!.id], rebuild: { bytes: 1 << 30 } });

    sub.luns[0]!.staleDriveIds = ['{FFFFFFFF-0000-0000-0000-000000000000}'];
    await writeFile(sim.statePath, JSON.stringify(state));
    await expect(loadOrCreateSimState(sim.statePath, sim.topologyPath)).rejects.toMatchObject({
      code: 'VDS_E_PROVIDER_CACHE_CORRUPT',
      message: expect.stringMatching(/luns\[0\]\.staleDriveIds\[0\]: no drive/),
    });
  });
});
