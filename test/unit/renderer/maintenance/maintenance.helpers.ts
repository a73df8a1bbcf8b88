import type { DriveExtent } from '../../../../electron/contract/model';
import { FakeApi } from '../helpers/fake-api';
import { drive, inventory, TIB } from '../helpers/fixtures';
import { GIB, lun } from '../lun-actions/lun-actions.helpers';

/** Extents covering a 1 TiB drive: the LUN parts given, then free space to the end. */
export function extentsOf(driveId: string, parts: [lunId: string, sizeBytes: number][]): DriveExtent[] {
  const out: DriveExtent[] = [];
  let offset = 0;
  for (const [lunId, sizeBytes] of parts) {
    out.push({ driveId, lunId, offsetBytes: offset, sizeBytes });
    offset += sizeBytes;
  }
  if (offset < TIB) out.push({ driveId, lunId: null, offsetBytes: offset, sizeBytes: TIB - offset });
  return out;
}

/**
 * Subsystem A with drives on two buses, listed out of order: bus 1 slot 0 ("Shelf 1 Bay 0"), bus 0 slots 0–3
 * (d3 failed, d4 a standby hot spare). LUN "Data 1" (mirror) on d0 + d3 is degraded by d3, "Data 2" (simple)
 * lives on d1, "Data 3" (stripe) on d0 + d1.
 */
export function apiWithMap(): FakeApi {
  const snap = inventory();
  snap.drives['sub-a'] = [
    drive('d9', { name: 'Shelf 1 Bay 0', bus: 1, slot: 0 }),
    drive('d1', { freeBytes: TIB - 30 * GIB, flags: ['assigned'] }),
    drive('d0', { freeBytes: TIB - 15 * GIB, flags: ['assigned'] }),
    drive('d3', { status: 'failed', health: 'failed', freeBytes: TIB - 10 * GIB, flags: ['assigned'] }),
    drive('d4', { flags: ['hotSpare', 'hotSpareStandby'] }),
  ];
  snap.luns['sub-a'] = [
    lun('1', { driveIds: ['d0', 'd3'], health: 'degraded' }),
    lun('2', { type: 'simple', driveIds: ['d1'], sizeBytes: 20 * GIB }),
    lun('3', { type: 'stripe', driveIds: ['d0', 'd1'], sizeBytes: 10 * GIB, stripeSizeBytes: 65536 }),
  ];
  const api = new FakeApi(snap);
  api.extents['sub-a'] = [
    ...extentsOf('d0', [
      ['1', 10 * GIB],
      ['3', 5 * GIB],
    ]),
    ...extentsOf('d1', [
      ['2', 20 * GIB],
      ['3', 5 * GIB],
    ]),
    ...extentsOf('d3', [['1', 10 * GIB]]),
    ...extentsOf('d4', []),
    ...extentsOf('d9', []),
  ];
  return api;
}

export { GIB, TIB };
