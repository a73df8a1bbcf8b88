// Subsystems and drives can be named by id or by case-insensitive unique name; a LUN by id or by a name unique
// in its subsystem.
import { invalidInput, HRESULT, LunStudioError } from '../../electron/contract/errors';
import type { Drive, Lun, Subsystem } from '../../electron/contract/model';

export function objectNotFound(field: string, message: string): LunStudioError {
  return new LunStudioError({
    code: 'VDS_E_OBJECT_NOT_FOUND',
    hresult: HRESULT.VDS_E_OBJECT_NOT_FOUND,
    message,
    action: 'Refresh the inventory and pick an object that exists.',
    field,
  });
}

function byIdOrName<T extends { id: string; name: string }>(items: readonly T[], ref: string): T[] {
  const lower = ref.trim().toLowerCase();
  const byId = items.filter((item) => item.id.toLowerCase() === lower);
  return byId.length > 0 ? byId : items.filter((item) => item.name.trim().toLowerCase() === lower);
}

export function requireReference(field: string, ref: unknown, what: string): string {
  if (typeof ref !== 'string' || ref.trim() === '') {
    throw invalidInput(field, `must be a ${what} id or name (a non-empty string)`);
  }
  return ref;
}

function isObjectNotFound(error: unknown): boolean {
  const hresult = (error as { hresult?: unknown } | null)?.hresult;
  return (
    typeof hresult === 'number' &&
    (hresult >>> 0 === HRESULT.VDS_E_OBJECT_NOT_FOUND || hresult >>> 0 === HRESULT.VDS_E_OBJECT_DELETED)
  );
}

/**
 * A read of one subsystem named by `ref`, id first: `read(ref)` as it is (an id costs no subsystem list), and
 * only when the provider knows no object by that id, `resolve()` (a fresh list: the name, an id in another case,
 * or the error naming the field) and `read` of what it resolved to. Nothing is cached, so a renamed or removed
 * subsystem can never resolve to the wrong one; ids take precedence over names, as in resolveSubsystem.
 */
export async function readById<T>(
  ref: string,
  read: (id: string) => Promise<T>,
  resolve: () => Promise<string>,
): Promise<T> {
  try {
    return await read(ref);
  } catch (error) {
    if (!isObjectNotFound(error)) throw error;
  }
  return read(await resolve());
}

export function resolveSubsystem(
  subsystems: readonly Subsystem[],
  ref: string,
  field = 'subsystemId',
): Subsystem {
  const matches = byIdOrName(subsystems, ref);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    const known = subsystems.map((s) => `"${s.name}"`).join(', ');
    throw objectNotFound(
      field,
      `${field}: no subsystem has the id or name "${ref}" (there are: ${known || 'none'}).`,
    );
  }
  throw invalidInput(field, `the name "${ref}" matches ${matches.length} subsystems; use the subsystem id`);
}

export function resolveDrive(
  drives: readonly Drive[],
  ref: string,
  field: string,
  subsystem: Subsystem,
): Drive {
  const matches = byIdOrName(drives, ref);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw objectNotFound(
      field,
      `${field}: subsystem "${subsystem.name}" has no drive with the id or name "${ref}".`,
    );
  }
  throw invalidInput(field, `the name "${ref}" matches ${matches.length} drives; use the drive id`);
}

export function resolveLun(luns: readonly Lun[], ref: string, subsystem: Subsystem, field = 'lunId'): Lun {
  const matches = byIdOrName(luns, ref);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw objectNotFound(
      field,
      `${field}: subsystem "${subsystem.name}" has no LUN with the id or name "${ref}".`,
    );
  }
  throw invalidInput(
    field,
    `the name "${ref}" matches ${matches.length} LUNs in subsystem "${subsystem.name}"; use the LUN id`,
  );
}
