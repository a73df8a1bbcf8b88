// What a start says about the operations the last run left unfinished (the journal read them back as
// `interrupted`): a creation whose LUN the array has is shown succeeded; the others get a note on how their LUN
// or drive is now in the array and what to check.
import type { Drive, Lun, Operation, ProviderName } from '../contract/model';
import type { StorageProvider } from '../../native/lib/types';
import type { JournalReadBack } from './journal';
import { interruptedDriveNote, interruptedNote } from './interrupted-notes';
import { isDriveKind } from './operation-runners';

/** A createLun that a start found interrupted: what the array says about it. */
function reconciledNote(provider: ProviderName, found: boolean): string {
  if (found) {
    return 'LUN Studio stopped before it could record the end of this creation; at the next start the LUN it created was found in the array, so it is shown succeeded.';
  }
  return provider === 'sim'
    ? 'LUN Studio stopped while this creation ran; at the next start no LUN of it was in the array: nothing was created, it is safe to create it again.'
    : 'LUN Studio stopped while this creation ran. The Virtual Disk Service cannot say which LUN an operation created: check the array for a LUN of this size before creating it again.';
}

/** Attaches to each interrupted createLun the LUN it made, when the provider can tell (the simulator keeps
 * the operation id with every LUN): that operation becomes succeeded, with a note. The others get a note
 * saying what is known. Returns the operations whose state changed (to be journaled). */
export async function reconcileInterrupted(
  provider: StorageProvider,
  readBack: JournalReadBack,
  warn: (message: string) => void,
): Promise<Operation[]> {
  const changed = [
    ...(await reconcileCreations(provider, readBack, warn)),
    ...(await noteLunOperations(provider, readBack)),
  ];
  const byId = new Map(changed.map((op) => [op.id, op]));
  readBack.operations = readBack.operations.map((op) => byId.get(op.id) ?? op);
  readBack.interrupted = readBack.interrupted.map((op) => byId.get(op.id) ?? op);
  return changed;
}

/** Interrupted operations on existing LUNs and drives stay interrupted, with a note on how the LUN or drive is
 * now (read from the array) and what to check. */
async function noteLunOperations(provider: StorageProvider, readBack: JournalReadBack): Promise<Operation[]> {
  const interrupted = readBack.interrupted.filter((op) => op.kind !== 'createLun');
  const drivesBySubsystem = new Map<string, Promise<Drive[] | undefined>>();
  const drivesOf = (subsystemId: string): Promise<Drive[] | undefined> => {
    let drives = drivesBySubsystem.get(subsystemId);
    if (!drives) {
      drives = provider.listDrives(subsystemId).catch(() => undefined);
      drivesBySubsystem.set(subsystemId, drives);
    }
    return drives;
  };
  const lunsBySubsystem = new Map<string, Promise<Lun[] | undefined>>();
  const lunsOf = (subsystemId: string): Promise<Lun[] | undefined> => {
    let luns = lunsBySubsystem.get(subsystemId);
    if (!luns) {
      luns = provider.listLuns(subsystemId).catch(() => undefined);
      lunsBySubsystem.set(subsystemId, luns);
    }
    return luns;
  };
  return Promise.all(
    interrupted.map(async (op) => {
      if (isDriveKind(op.kind))
        return { ...op, note: interruptedDriveNote(op, await drivesOf(op.subsystemId)) };
      const luns = await lunsOf(op.subsystemId);
      const now = luns === undefined ? undefined : (luns.find((lun) => lun.id === op.target?.lunId) ?? null);
      return { ...op, note: interruptedNote(op, now) };
    }),
  );
}

async function reconcileCreations(
  provider: StorageProvider,
  readBack: JournalReadBack,
  warn: (message: string) => void,
): Promise<Operation[]> {
  const interrupted = readBack.interrupted.filter((op) => op.kind === 'createLun');
  if (interrupted.length === 0) return [];
  // A simulator without tags to read (a test double) knows nothing either way: leave them as they are.
  if (!provider.createdLuns && provider.name === 'sim') return [];
  let created = new Map<string, Lun>();
  if (provider.createdLuns) {
    try {
      created = await provider.createdLuns(interrupted.map((op) => op.id));
    } catch (error) {
      warn(`could not check the array for interrupted creations: ${(error as Error)?.message ?? error}`);
      return [];
    }
  }
  const changed = new Map<string, Operation>();
  for (const op of interrupted) {
    const lun = created.get(op.id);
    const next: Operation = lun
      ? {
          ...op,
          state: 'succeeded',
          result: lun,
          percent: 100,
          etaSeconds: 0,
          note: reconciledNote(provider.name, true),
        }
      : { ...op, note: reconciledNote(provider.name, false) };
    changed.set(op.id, next);
  }
  return [...changed.values()];
}
