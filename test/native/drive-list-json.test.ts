// Drive lists cross from C++ to JS as JSON text parsed by V8: every character a name can hold must survive.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawAddon, SimState } from '../../native/lib/raw-addon';

const addonPath = fileURLToPath(new URL('../../native/build/Release/lun_studio.node', import.meta.url));
const addon = createRequire(import.meta.url)(addonPath) as RawAddon;
const GiB = 1024 ** 3;

const NAMES = [
  'Bay "quoted" 00',
  'Bay \\back\\slash',
  'Tab\there, newline\nand bell\u0007',
  'Laufwerk Größe ü',
  'ドライブ 1 🚀',
  '</script><b>not markup</b>',
];

function state(): SimState {
  return {
    version: 1,
    subsystems: [
      {
        id: 'sub',
        name: 'Escapes',
        supportedTypes: ['simple', 'span'],
        stripeSizes: [65536],
        initRateBytesPerSec: 2 ** 40,
        maskingCapable: true,
        status: 'online',
        health: 'healthy',
        faults: [],
        luns: [],
        drives: NAMES.map((name, i) => ({
          id: `d${i}`,
          name,
          sizeBytes: (i + 1) * GiB,
          bus: 0,
          slot: i,
          status: i === 2 ? 'failed' : 'online',
          health: i === 2 ? 'failed' : 'healthy',
          hotSpare: i === 3,
        })),
      },
    ],
  };
}

describe('drive list', () => {
  it('returns every drive with names, sizes, status and flags exactly as stored', async () => {
    const provider = await addon.openProvider('sim', state(), 250);
    try {
      const drives = await provider.listDrives('sub');
      expect(drives.map((d) => d.name)).toEqual(NAMES);
      expect(drives.map((d) => d.sizeBytes)).toEqual(NAMES.map((_, i) => (i + 1) * GiB));
      expect(drives[2]).toMatchObject({ status: 'failed', health: 'failed', freeBytes: 3 * GiB, slot: 2 });
      expect(drives[3]!.flags).toContain('hotSpare');
      expect(drives[0]).toEqual({
        id: 'd0',
        subsystemId: 'sub',
        name: NAMES[0],
        identification: expect.any(String),
        sizeBytes: GiB,
        freeBytes: GiB,
        bus: 0,
        slot: 0,
        status: 'online',
        health: 'healthy',
        flags: ['unassigned'],
      });
    } finally {
      provider.close();
    }
  });
});
