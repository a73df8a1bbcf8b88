// The provider choice is remembered per user: saved once, read back by a later process (Owner.start opens
// it when no --provider is given); VDS is refused where it cannot load.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  availableProviders,
  readProviderChoice,
  saveProviderChoice,
} from '../../../electron/host/settings/provider-choice';

describe('provider choice', () => {
  const homes: string[] = [];
  const newHome = (): Record<string, string> => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-provider-choice-'));
    homes.push(home);
    return { LUN_STUDIO_HOME: home };
  };
  afterEach(() => homes.splice(0).forEach((home) => fs.rmSync(home, { recursive: true, force: true })));

  it('offers VDS only on Windows', () => {
    expect(availableProviders('linux')).toEqual(['sim']);
    expect(availableProviders('win32')).toEqual(['sim', 'vds']);
  });

  it('is nothing until saved, then read back by a later process (a fresh read of the file)', () => {
    const env = newHome();
    expect(readProviderChoice(env, 'win32')).toBeUndefined();
    saveProviderChoice('vds', env, 'win32');
    expect(readProviderChoice(env, 'win32')).toBe('vds');
    saveProviderChoice('sim', env, 'win32');
    expect(readProviderChoice(env, 'win32')).toBe('sim');
    expect(JSON.parse(fs.readFileSync(path.join(env.LUN_STUDIO_HOME!, 'provider.json'), 'utf8'))).toEqual({
      provider: 'sim',
    });
  });

  it('refuses VDS where it cannot load, with code, HRESULT and what to do; the saved choice stays', () => {
    const env = newHome();
    saveProviderChoice('sim', env, 'linux');
    expect(() => saveProviderChoice('vds', env, 'linux')).toThrow(
      expect.objectContaining({ code: 'E_PROVIDER_UNAVAILABLE', hresult: 0x80070057 }),
    );
    expect(readProviderChoice(env, 'linux')).toBe('sim');
  });

  it('ignores an unreadable file, and a VDS choice copied to a system without VDS', () => {
    const env = newHome();
    fs.writeFileSync(path.join(env.LUN_STUDIO_HOME!, 'provider.json'), '{ not json');
    expect(readProviderChoice(env, 'linux')).toBeUndefined();
    fs.writeFileSync(path.join(env.LUN_STUDIO_HOME!, 'provider.json'), '{"provider":"vds"}');
    expect(readProviderChoice(env, 'linux')).toBeUndefined();
    expect(readProviderChoice(env, 'win32')).toBe('vds');
  });
});
