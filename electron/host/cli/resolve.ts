// SUBSYSTEM, LUN and --drives entries as the user wrote them (id or case-insensitive unique name) → objects.
import type { Drive, Lun, Subsystem } from '../../contract/model';
import type { StorageProvider } from '../../../native/lib/types';
import { inputError } from './cli-error';

interface Named {
  id: string;
  name: string;
}

type Match<T> = { found: T } | { ambiguous: T[] } | { none: true };

function match<T extends Named>(items: readonly T[], text: string): Match<T> {
  const wanted = text.trim().toLowerCase();
  const byId = items.find((item) => item.id.toLowerCase() === wanted);
  if (byId) return { found: byId };
  const byName = items.filter((item) => item.name.toLowerCase() === wanted);
  if (byName.length === 1) return { found: byName[0] as T };
  if (byName.length > 1) return { ambiguous: byName };
  return { none: true };
}

function listing(items: readonly Named[]): string {
  return items.map((item) => `"${item.name}" (${item.id})`).join(', ');
}

export async function resolveSubsystem(provider: StorageProvider, text: string): Promise<Subsystem> {
  const subsystems = await provider.listSubsystems();
  const result = match(subsystems, text);
  if ('found' in result) return result.found;
  if ('ambiguous' in result) {
    throw inputError(
      'SUBSYSTEM',
      `"${text}" names several subsystems; use the id of one: ${listing(result.ambiguous)}`,
    );
  }
  const known =
    subsystems.length > 0 ? `known: ${listing(subsystems)}` : 'the provider reports no subsystems';
  throw inputError('SUBSYSTEM', `no subsystem has the id or name "${text}" (${known})`, {
    code: 'VDS_E_OBJECT_NOT_FOUND',
  });
}

/** Resolves each entry to a drive of the subsystem, in the order given; the same drive twice is an error. */
export async function resolveDrives(
  provider: StorageProvider,
  subsystem: Subsystem,
  entries: readonly string[],
): Promise<Drive[]> {
  const drives = await provider.listDrives(subsystem.id);
  const chosen: Drive[] = [];
  for (const entry of entries) {
    const result = match(drives, entry);
    if ('ambiguous' in result) {
      throw inputError(
        '--drives',
        `"${entry}" names several drives; use the id of one: ${listing(result.ambiguous)}`,
      );
    }
    if ('none' in result) {
      throw inputError(
        '--drives',
        `subsystem "${subsystem.name}" has no drive with the id or name "${entry}"`,
        {
          code: 'VDS_E_OBJECT_NOT_FOUND',
        },
      );
    }
    if (chosen.some((drive) => drive.id === result.found.id)) {
      throw inputError(
        '--drives',
        `drive "${result.found.name}" (${result.found.id}) is listed more than once`,
      );
    }
    chosen.push(result.found);
  }
  return chosen;
}

/** LUN = its id, or a name unique in the subsystem. */
export async function resolveLun(
  provider: StorageProvider,
  subsystem: Subsystem,
  text: string,
): Promise<Lun> {
  const luns = await provider.listLuns(subsystem.id);
  const result = match(luns, text);
  if ('found' in result) return result.found;
  if ('ambiguous' in result) {
    throw inputError('LUN', `"${text}" names several LUNs; use the id of one: ${listing(result.ambiguous)}`);
  }
  const known = luns.length > 0 ? `known: ${listing(luns)}` : 'it has no LUNs';
  throw inputError(
    'LUN',
    `subsystem "${subsystem.name}" has no LUN with the id or name "${text}" (${known})`,
    {
      code: 'VDS_E_OBJECT_NOT_FOUND',
    },
  );
}

/** DRIVE (or OLD, NEW: `argument`) = its id, or a name unique in the subsystem. */
export async function resolveDrive(
  provider: StorageProvider,
  subsystem: Subsystem,
  text: string,
  argument = 'DRIVE',
): Promise<Drive> {
  const drives = await provider.listDrives(subsystem.id);
  const result = match(drives, text);
  if ('found' in result) return result.found;
  if ('ambiguous' in result) {
    throw inputError(
      argument,
      `"${text}" names several drives; use the id of one: ${listing(result.ambiguous)}`,
    );
  }
  throw inputError(argument, `subsystem "${subsystem.name}" has no drive with the id or name "${text}"`, {
    code: 'VDS_E_OBJECT_NOT_FOUND',
  });
}
