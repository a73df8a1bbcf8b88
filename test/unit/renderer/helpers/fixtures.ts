import { countDrivesNeedingAttention } from '../../../../electron/contract/drive-attention';
import type { ProviderInfo } from '../../../../electron/contract/api';
import type { Drive, Lun, Subsystem } from '../../../../electron/contract/model';
import type { FullInventory } from '../../../../electron/host/inventory';

/** What the fake host holds: the snapshot plus every subsystem's drives (getInventory strips them). */
export type TestInventory = FullInventory;

/** A test inventory; drivesNeedingAttention is counted from `drives`. */
export function fullInventory(parts: {
  provider: ProviderInfo;
  subsystems: Subsystem[];
  drives: Record<string, Drive[]>;
  luns: Record<string, Lun[]>;
  refreshedAt: string;
}): TestInventory {
  const drivesNeedingAttention: Record<string, number> = {};
  for (const [id, drives] of Object.entries(parts.drives))
    drivesNeedingAttention[id] = countDrivesNeedingAttention(drives);
  return { ...parts, drivesNeedingAttention };
}

const TIB = 2 ** 40;

export function drive(id: string, patch: Partial<Drive> = {}): Drive {
  return {
    id,
    subsystemId: 'sub-a',
    name: `Bay ${id}`,
    identification: `WWN-${id}`,
    sizeBytes: TIB,
    freeBytes: TIB,
    bus: 0,
    slot: Number(id.replace(/\D/g, '')) || 0,
    status: 'online',
    health: 'healthy',
    flags: ['unassigned'],
    ...patch,
  };
}

export function subsystem(patch: Partial<Subsystem> = {}): Subsystem {
  return {
    id: 'sub-a',
    name: 'Contoso Array A',
    identification: 'CONTOSO-A',
    status: 'online',
    health: 'healthy',
    supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
    stripeSizes: [65536, 131072, 1048576],
    maskingCapable: true,
    driveCount: 5,
    lunCount: 0,
    capacityBytes: 5 * TIB,
    freeBytes: 4 * TIB,
    ...patch,
  };
}

/** Subsystem A: 3 usable drives, one failed, one hot spare. Subsystem B: offline. */
export function inventory(): TestInventory {
  return fullInventory({
    provider: { name: 'sim', label: 'Simulated array', statePath: '/tmp/state.json' },
    subsystems: [
      subsystem(),
      subsystem({ id: 'sub-b', name: 'Fabrikam B', status: 'offline', driveCount: 1 }),
    ],
    drives: {
      'sub-a': [
        drive('d0'),
        drive('d1'),
        drive('d2', { freeBytes: TIB / 2 }),
        drive('d3', { status: 'failed', health: 'failed' }),
        drive('d4', { flags: ['hotSpare'] }),
      ],
      'sub-b': [drive('e0', { subsystemId: 'sub-b' })],
    },
    luns: { 'sub-a': [], 'sub-b': [] },
    refreshedAt: '2026-01-01T00:00:00.000Z',
  });
}

export { TIB };
