import { useEffect } from 'react';
import { selectDrivesEntry, type DrivesEntry } from './drives-slice';
import { useApp } from './store-context';

/** The subsystem's drives for a view that shows them: read on mount (unless cached and current), re-read
 * while shown when an inventory read changes them. */
export function useSubsystemDrives(subsystemId: string | null): DrivesEntry | undefined {
  const watchDrives = useApp((s) => s.watchDrives);
  useEffect(() => (subsystemId === null ? undefined : watchDrives(subsystemId)), [subsystemId, watchDrives]);
  return useApp((s) => selectDrivesEntry(s, subsystemId));
}
