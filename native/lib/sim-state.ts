// Builds a SimState from a topology (assigning VDS-style GUID ids) and checks the cross-field rules
// that a schema can't express: unique names and ids, fault drives that exist, extents that fit.
import { randomUUID } from 'node:crypto';
import type { SimDrive, SimFault, SimState, SimSubsystem } from './raw-addon';
import type { Topology } from './sim-schema';

/** `{6B29FC40-CA47-1067-B31D-00DD010662DA}`, the form VDS uses for VDS_OBJECT_ID. */
export function newVdsId(): string {
  return `{${randomUUID().toUpperCase()}}`;
}

function driveName(slot: number): string {
  return `Bay ${String(slot).padStart(2, '0')}`;
}

function findDrive(drives: readonly SimDrive[], ref: string): SimDrive | undefined {
  const lower = ref.toLowerCase();
  return (
    drives.find((d) => d.id.toLowerCase() === lower) ?? drives.find((d) => d.name.toLowerCase() === lower)
  );
}

/** A fresh state: the topology with ids on every subsystem and drive, no LUNs. Fault drives become ids. */
export function simStateFromTopology(topology: Topology): SimState {
  const subsystems = topology.subsystems.map((sub): SimSubsystem => {
    const drives = sub.drives.map((drive, index): SimDrive => {
      const slot = drive.slot ?? index;
      return {
        id: newVdsId(),
        name: drive.name ?? driveName(slot),
        sizeBytes: drive.sizeBytes,
        bus: drive.bus,
        slot,
        status: drive.status,
        health: drive.health,
        hotSpare: drive.hotSpare,
      };
    });
    const faults = sub.faults.map((fault): SimFault => {
      const out: SimFault = { kind: fault.kind };
      if (fault.percent !== undefined) out.percent = fault.percent;
      if (fault.hresult !== undefined) out.hresult = fault.hresult;
      if (fault.drive !== undefined) out.drive = findDrive(drives, fault.drive)?.id ?? fault.drive;
      return out;
    });
    return {
      id: newVdsId(),
      name: sub.name,
      supportedTypes: [...new Set(sub.supportedTypes)],
      stripeSizes: [...new Set(sub.stripeSizes)].sort((a, b) => a - b),
      initRateBytesPerSec: sub.initRateBytesPerSec,
      maskingCapable: sub.maskingCapable,
      ...(sub.automaticHotSpare ? { automaticHotSpare: true } : {}),
      status: sub.status,
      health: sub.health,
      drives,
      faults,
      luns: [],
    };
  });
  return { version: 1, subsystems };
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) dup.add(value);
    seen.add(key);
  }
  return [...dup];
}

/** Problems a well-formed state can still have; empty when consistent. */
export function simStateProblems(state: SimState): string[] {
  const problems: string[] = [];
  for (const name of duplicates(state.subsystems.map((s) => s.name))) {
    problems.push(`subsystem name "${name}" is used more than once (names are case-insensitive)`);
  }
  const allIds = state.subsystems.flatMap((s) => [
    s.id,
    ...s.drives.map((d) => d.id),
    ...s.luns.map((l) => l.id),
  ]);
  for (const id of duplicates(allIds)) problems.push(`id ${id} is used more than once`);

  state.subsystems.forEach((sub, s) => {
    const where = `subsystems[${s}] ("${sub.name}")`;
    for (const name of duplicates(sub.drives.map((d) => d.name))) {
      problems.push(`${where}: drive name "${name}" is used more than once`);
    }
    sub.faults.forEach((fault, f) => {
      if (fault.drive !== undefined && !findDrive(sub.drives, fault.drive)) {
        problems.push(`${where}.faults[${f}].drive: no drive "${fault.drive}" in this subsystem`);
      }
    });
    const used = new Map<string, Array<[number, number, string]>>();
    sub.luns.forEach((lun, l) => {
      const lists = { staleDriveIds: lun.staleDriveIds, 'rebuild.driveIds': lun.rebuild?.driveIds };
      for (const [name, ids] of Object.entries(lists)) {
        ids?.forEach((id, i) => {
          if (!sub.drives.some((d) => d.id === id)) {
            problems.push(`${where}.luns[${l}].${name}[${i}]: no drive ${id} in this subsystem`);
          }
        });
      }
      lun.extents.forEach((extent, e) => {
        const drive = sub.drives.find((d) => d.id === extent.driveId);
        const at = `${where}.luns[${l}].extents[${e}]`;
        if (!drive) {
          problems.push(`${at}.driveId: no drive ${extent.driveId} in this subsystem`);
          return;
        }
        if (extent.offsetBytes + extent.lengthBytes > drive.sizeBytes) {
          problems.push(`${at}: extends past the end of drive "${drive.name}"`);
        }
        const list = used.get(drive.id) ?? [];
        list.push([extent.offsetBytes, extent.offsetBytes + extent.lengthBytes, at]);
        used.set(drive.id, list);
      });
    });
    for (const extents of used.values()) {
      extents.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < extents.length; i++) {
        const previous = extents[i - 1]!;
        const current = extents[i]!;
        if (current[0] < previous[1]) problems.push(`${current[2]}: overlaps ${previous[2]}`);
      }
    }
  });
  return problems;
}
