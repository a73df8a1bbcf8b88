import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '../../../electron/main/launch-options';

describe('desktop launch options', () => {
  it('reads --provider, --sim-state and --sim-topology in both spellings and ignores Chromium switches', () => {
    expect(
      parseLaunchOptions([
        '/usr/bin/lun-studio',
        '--no-sandbox-is-not-ours',
        '--provider=sim',
        '--sim-state',
        '/tmp/state.json',
        '--sim-topology=/tmp/topology.json',
        '.',
      ]),
    ).toEqual({ provider: 'sim', simStatePath: '/tmp/state.json', simTopologyPath: '/tmp/topology.json' });
    expect(parseLaunchOptions(['electron', '.'])).toEqual({});
  });

  it('refuses an unknown provider or a missing value, naming the switch', () => {
    expect(() => parseLaunchOptions(['--provider=smis'])).toThrow(/--provider: must be sim or vds/);
    expect(() => parseLaunchOptions(['--sim-state'])).toThrow(/--sim-state: needs a value/);
    expect(() => parseLaunchOptions(['--sim-topology='])).toThrow(/--sim-topology: needs a value/);
  });
});
