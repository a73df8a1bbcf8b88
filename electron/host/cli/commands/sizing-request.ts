// The part max-size and create-lun share: subsystem, type, drives and stripe size → MaxLunSizeRequest.
import type { Drive, LunHints, MaxLunSizeRequest, Subsystem } from '../../../contract/model';
import type { StorageProvider } from '../../../../native/lib/types';
import type { CommandOption } from '../args';
import { inputError } from '../cli-error';
import { checkTypeRules, parseDriveList, parseLunType, parseStripeSize } from '../inputs';
import { resolveDrives, resolveSubsystem } from '../resolve';
import { formatSize } from '../size';

export interface SizingRequest {
  subsystem: Subsystem;
  drives: Drive[];
  request: MaxLunSizeRequest;
}

/** Checks every value that needs no provider first, so bad input fails before anything is opened or read. */
export function checkSizingOptions(options: Partial<Record<CommandOption, string>>): void {
  const type = parseLunType(options.type ?? '');
  const drives = options.drives === undefined ? [] : parseDriveList(options.drives);
  const hints: LunHints = {};
  if (options['stripe-size'] !== undefined) hints.stripeSizeBytes = parseStripeSize(options['stripe-size']);
  checkTypeRules(type, drives, hints);
}

export async function buildSizingRequest(
  provider: StorageProvider,
  subsystemText: string,
  options: Partial<Record<CommandOption, string>>,
): Promise<SizingRequest> {
  const type = parseLunType(options.type ?? '');
  const driveEntries = options.drives === undefined ? [] : parseDriveList(options.drives);
  const stripeSize =
    options['stripe-size'] === undefined ? undefined : parseStripeSize(options['stripe-size']);
  checkTypeRules(type, driveEntries, stripeSize === undefined ? {} : { stripeSizeBytes: stripeSize });

  const subsystem = await resolveSubsystem(provider, subsystemText);
  const drives = driveEntries.length > 0 ? await resolveDrives(provider, subsystem, driveEntries) : [];
  const hints: LunHints = {};
  if (stripeSize !== undefined) {
    if (!subsystem.stripeSizes.includes(stripeSize)) {
      const supported =
        subsystem.stripeSizes.length > 0
          ? `supported: ${subsystem.stripeSizes.map((size) => formatSize(size)).join(', ')}`
          : 'it supports none';
      throw inputError(
        '--stripe-size',
        `${formatSize(stripeSize)} is not a stripe size of "${subsystem.name}" (${supported})`,
      );
    }
    hints.stripeSizeBytes = stripeSize;
  }
  const request: MaxLunSizeRequest = { subsystemId: subsystem.id, type, hints };
  if (drives.length > 0) request.driveIds = drives.map((drive) => drive.id);
  return { subsystem, drives, request };
}
