// LunDetails from what the provider lists: the LUN's extents grouped by drive in the LUN's drive order (by
// offset within a drive) and the drives it uses that cannot serve it (failed, offline, removed or missing).
import type {
  Drive,
  DriveExtent,
  Lun,
  LunDetails,
  LunExtent,
  LunIdentificationData,
} from '../../electron/contract/model';

function driveWorks(drive: Drive | undefined): boolean {
  return drive !== undefined && drive.status === 'online' && drive.health !== 'failed';
}

export function lunExtents(lun: Lun, extents: readonly DriveExtent[]): LunExtent[] {
  const order = new Map(lun.driveIds.map((id, index) => [id, index]));
  return extents
    .filter((extent) => extent.lunId === lun.id)
    .sort(
      (a, b) =>
        (order.get(a.driveId) ?? order.size) - (order.get(b.driveId) ?? order.size) ||
        a.offsetBytes - b.offsetBytes,
    )
    .map(({ driveId, offsetBytes, sizeBytes }) => ({ driveId, offsetBytes, sizeBytes }));
}

export function buildLunDetails(
  lun: Lun,
  extents: readonly DriveExtent[],
  drives: readonly Drive[],
  identificationData: LunIdentificationData | undefined,
): LunDetails {
  const byId = new Map(drives.map((drive) => [drive.id, drive]));
  const details: LunDetails = {
    ...lun,
    extents: lunExtents(lun, extents),
    failedDriveIds: lun.driveIds.filter((id) => !driveWorks(byId.get(id))),
  };
  if (identificationData) details.identificationData = identificationData;
  return details;
}
