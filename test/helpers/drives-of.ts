import type { InventorySnapshot, SubsystemDrives } from '../../electron/contract/api';
import type { Drive } from '../../electron/contract/model';

/** Every subsystem's drives (the snapshot has none): one listDrives per subsystem, keyed by id. */
export async function drivesOf(
  service: { listDrives(request: { subsystemId: string }): Promise<SubsystemDrives> },
  inventory: InventorySnapshot,
): Promise<Record<string, Drive[]>> {
  const drives: Record<string, Drive[]> = {};
  for (const s of inventory.subsystems)
    drives[s.id] = (await service.listDrives({ subsystemId: s.id })).drives;
  return drives;
}
