import { describe, expect, it } from 'vitest';
import { userPaths } from '../../../electron/contract/user-paths';

describe('per-user paths (one module for every shell)', () => {
  it('uses each OS convention', () => {
    const win = userPaths({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann');
    expect(win.simState).toMatch(/AppData.Roaming.lun-studio.sim-state\.json$/);
    expect(win.controlEndpoint).toMatch(/^\\\\\.\\pipe\\lun-studio-[0-9a-f]{16}$/);
    const mac = userPaths({}, 'darwin', '/Users/ann');
    expect(mac.journal).toBe('/Users/ann/Library/Application Support/lun-studio/journal.ndjson');
    const linux = userPaths({}, 'linux', '/home/ann');
    expect(linux.simState).toBe('/home/ann/.config/lun-studio/sim-state.json');
    expect(linux.journal).toBe('/home/ann/.local/share/lun-studio/journal.ndjson');
    expect(linux.controlEndpoint).toBe('/home/ann/.config/lun-studio/run/control.sock');
    const xdg = userPaths(
      { XDG_CONFIG_HOME: '/xdg', XDG_RUNTIME_DIR: '/run/user/1000' },
      'linux',
      '/home/ann',
    );
    expect(xdg.simState).toBe('/xdg/lun-studio/sim-state.json');
    expect(xdg.ownerLock).toBe('/run/user/1000/lun-studio/owner.lock');
  });

  it('puts everything under LUN_STUDIO_HOME, and the one-file overrides still win', () => {
    const p = userPaths(
      { LUN_STUDIO_HOME: '/tmp/ls', LUN_STUDIO_JOURNAL: '/j/journal.ndjson' },
      'linux',
      '/home/ann',
    );
    expect(p.simState).toBe('/tmp/ls/sim-state.json');
    expect(p.journal).toBe('/j/journal.ndjson');
    expect(p.controlSecret).toBe('/tmp/ls/run/control.secret');
    expect(p.browserToken).toBe('/tmp/ls/browser-token');
  });
});
