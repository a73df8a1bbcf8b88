import type { Drive, DriveExtent, Lun } from '../../../electron/contract/model';
import { driveAttention, type Attention } from '../../lib/attention';

/** One drive's bar: its extents in offset order (free space has lunId null). */
export interface MapRow {
  drive: Drive;
  attention: Attention | null;
  extents: DriveExtent[];
}

export interface MapModel {
  rows: MapRow[];
  lunsById: Map<string, Lun>;
  /** Each LUN's place in the subsystem's list: picks its colour. */
  lunIndex: Map<string, number>;
  largestDriveBytes: number;
}

const byBusSlot = (a: Drive, b: Drive) =>
  a.bus - b.bus || a.slot - b.slot || a.name.localeCompare(b.name, undefined, { numeric: true });

/** The map's rows: every drive in bus, then slot order, with the extents listExtents gave for it. */
export function buildMapModel(
  drives: readonly Drive[],
  luns: readonly Lun[],
  extents: readonly DriveExtent[],
): MapModel {
  const perDrive = new Map<string, DriveExtent[]>();
  for (const e of extents) {
    const list = perDrive.get(e.driveId);
    if (list) list.push(e);
    else perDrive.set(e.driveId, [e]);
  }
  let largestDriveBytes = 0;
  const rows = [...drives].sort(byBusSlot).map((drive): MapRow => {
    if (drive.sizeBytes > largestDriveBytes) largestDriveBytes = drive.sizeBytes;
    const list = perDrive.get(drive.id) ?? [];
    list.sort((a, b) => a.offsetBytes - b.offsetBytes);
    return { drive, attention: driveAttention(drive), extents: list };
  });
  const lunsById = new Map<string, Lun>();
  const lunIndex = new Map<string, number>();
  luns.forEach((l, i) => {
    lunsById.set(l.id, l);
    lunIndex.set(l.id, i);
  });
  return { rows, lunsById, lunIndex, largestDriveBytes };
}

/** A LUN's colour: hues spread by the golden angle, light enough for dark text on it in either theme. */
export function lunColor(index: number): string {
  const hue = Math.round((index * 137.508) % 360);
  return `hsl(${hue} 70% 80%)`;
}

/** The extent of `to` closest to the middle of extent `col` of `from` (moving up or down keeps the place). */
export function closestExtent(from: MapRow, col: number, to: MapRow): number {
  if (to.extents.length === 0) return -1;
  const e = from.extents[col];
  const fromSize = from.drive.sizeBytes || 1;
  const middle = e ? (e.offsetBytes + e.sizeBytes / 2) / fromSize : 0;
  const target = middle * (to.drive.sizeBytes || 1);
  let best = 0;
  let bestDistance = Infinity;
  to.extents.forEach((x, i) => {
    const distance =
      target < x.offsetBytes ? x.offsetBytes - target : Math.max(0, target - (x.offsetBytes + x.sizeBytes));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  });
  return best;
}
