import type { Drive, Subsystem } from '../../electron/contract/model';
import { hostAccessErrors } from '../lib/host-access';
import {
  batchFit,
  checkDriveCount,
  driveUnusableReason,
  isAutomagic,
  typeUnavailableReason,
} from '../../electron/contract/lun-rules';
import { MIN_ALLOCATION_UNIT, parseLocaleNumber, type SizeParse, toBytes } from '../lib/size-units';
import { selectDrives, selectSubsystem, type InventoryState } from './inventory-slice';
import type { DrivesState } from './drives-slice';
import { type FieldError, MAX_BATCH, type WizardStep } from './wizard-model';
import type { WizardState } from './wizard-slice';

type State = WizardState & InventoryState & DrivesState;

export const selectWizardSubsystem = (s: State): Subsystem | null => selectSubsystem(s, s.subsystemId);
export const selectWizardDrives = (s: State): Drive[] => selectDrives(s, s.subsystemId);

/** The size the LUN will be created with, or null when the text is not a number. */
export function selectSizeBytes(s: WizardState): number | null {
  if (s.sizeExactBytes !== null) return s.sizeExactBytes;
  const parsed = selectSizeParse(s);
  return parsed.ok ? toBytes(parsed.value, s.sizeUnit) : null;
}

/** The size text read in the UI language ("1,500" is 1500 in English, "1.500" is 1500 in German). */
export function selectSizeParse(s: WizardState): SizeParse {
  return parseLocaleNumber(s.sizeText, s.locale);
}

export function selectCount(s: WizardState): number | null {
  const t = s.countText.trim();
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}

/** The choices can't change while a run is shown (it records what was asked); "Create another" starts anew. */
export const selectWizardLocked = (s: WizardState): boolean => s.run.phase !== 'idle';

function subsystemErrors(s: State): FieldError[] {
  const subsystem = selectWizardSubsystem(s);
  if (!subsystem) return [{ field: 'subsystem', key: 'wizard.errors.subsystemRequired' }];
  if (subsystem.status !== 'online')
    return [
      { field: 'subsystem', key: 'wizard.errors.subsystemNotOnline', params: { status: subsystem.status } },
    ];
  return [];
}

function typeErrors(s: State): FieldError[] {
  const subsystem = selectWizardSubsystem(s);
  if (s.type === null) return [{ field: 'type', key: 'wizard.errors.typeRequired' }];
  if (!subsystem) return [];
  const reason = typeUnavailableReason(s.type, subsystem, selectWizardDrives(s));
  if (reason?.kind === 'notSupported') return [{ field: 'type', key: 'wizard.errors.typeNotSupported' }];
  if (reason?.kind === 'notEnoughDrives')
    return [
      {
        field: 'type',
        key: 'wizard.type.notEnoughDrives',
        params: { min: reason.min, usable: reason.usable },
      },
    ];
  return [];
}

function driveErrors(s: State): FieldError[] {
  if (s.type === null || s.driveMode === 'auto' || isAutomagic(s.type)) return [];
  const drives = selectWizardDrives(s);
  const errors: FieldError[] = [];
  for (const id of s.driveIds) {
    const drive = drives.find((d) => d.id === id);
    const reason = drive ? driveUnusableReason(drive) : 'offline';
    if (reason)
      errors.push({
        field: 'drives',
        key: 'wizard.errors.driveUnusable',
        params: { drive: drive?.name ?? id, reasonKey: `wizard.drives.reason.${reason}` },
      });
  }
  const problem = checkDriveCount(s.type, s.driveIds.length);
  if (problem?.kind === 'tooFew')
    errors.push({
      field: 'drives',
      key: 'wizard.errors.tooFewDrives',
      params: { typeKey: `lunType.${s.type}`, min: problem.min, count: s.driveIds.length },
    });
  if (problem?.kind === 'tooMany')
    errors.push({
      field: 'drives',
      key: 'wizard.errors.tooManyDrives',
      params: { typeKey: `lunType.${s.type}`, max: problem.max, count: s.driveIds.length },
    });
  if (problem?.kind === 'odd')
    errors.push({
      field: 'drives',
      key: 'wizard.errors.evenDrives',
      params: { typeKey: `lunType.${s.type}` },
    });
  return errors;
}

function sizeErrors(s: State): FieldError[] {
  if (s.max.loading) return [{ field: 'size', key: 'wizard.errors.maxLoading' }];
  if (s.max.error) return [{ field: 'size', key: 'wizard.errors.maxFailed' }];
  const max = s.max.maxBytes;
  if (max === null) return [{ field: 'size', key: 'wizard.errors.maxLoading' }];
  if (max <= 0) return [{ field: 'size', key: 'wizard.errors.noSpace' }];
  const bytes = selectSizeBytes(s);
  if (s.sizeText.trim() === '' && s.sizeExactBytes === null)
    return [{ field: 'size', key: 'wizard.errors.sizeRequired' }];
  if (bytes === null) {
    const parsed = selectSizeParse(s);
    if (!parsed.ok && parsed.reason === 'ambiguous')
      return [{ field: 'size', key: 'wizard.errors.sizeAmbiguous', params: { text: s.sizeText.trim() } }];
    return [{ field: 'size', key: 'wizard.errors.sizeNotNumber' }];
  }
  if (bytes <= 0) return [{ field: 'size', key: 'wizard.errors.sizeZero' }];
  if (bytes < MIN_ALLOCATION_UNIT)
    return [
      { field: 'size', key: 'wizard.errors.sizeBelowMinimum', params: { minBytes: MIN_ALLOCATION_UNIT } },
    ];
  if (bytes > max) return [{ field: 'size', key: 'wizard.errors.sizeAboveMax', params: { maxBytes: max } }];
  return [];
}

function accessErrors(s: State): FieldError[] {
  const subsystem = selectWizardSubsystem(s);
  return hostAccessErrors(
    { mode: s.accessMode, text: s.initiatorsText },
    subsystem ? subsystem.maskingCapable : true,
  );
}

/** How many of the batch fit in the free space (the contract's batch rule), or null when unknown yet. */
export function selectBatchFit(
  s: State,
): { fit: number; count: number; freeBytes: number; exact: boolean } | null {
  const count = selectCount(s);
  const size = selectSizeBytes(s);
  if (s.type === null || count === null || size === null || size <= 0) return null;
  const drives = selectWizardDrives(s);
  const manual = s.driveMode === 'manual' && !isAutomagic(s.type);
  const pool = manual
    ? s.driveIds.map((id) => drives.find((d) => d.id === id)).filter((d): d is Drive => d !== undefined)
    : drives.filter((d) => driveUnusableReason(d) === null);
  const free = pool.map((d) => d.freeBytes);
  return {
    fit: batchFit(s.type, size, count, free, manual),
    count,
    freeBytes: free.reduce((a, b) => a + b, 0),
    // The provider picks drives and layout for the automatic types: the count is an estimate there.
    exact: !isAutomagic(s.type),
  };
}

function countErrors(s: State): FieldError[] {
  const count = selectCount(s);
  if (count === null || count < 1 || count > MAX_BATCH)
    return [{ field: 'count', key: 'wizard.errors.countRange', params: { min: 1, max: MAX_BATCH } }];
  const fit = selectBatchFit(s);
  if (fit && fit.exact && fit.fit < fit.count && count > 1)
    return [
      {
        field: 'count',
        key: 'wizard.errors.batchDoesNotFit',
        params: { fit: fit.fit, count: fit.count, freeBytes: fit.freeBytes },
      },
    ];
  return [];
}

/** What blocks Next on a step. The summary is blocked by any step's problem. */
export function selectStepErrors(s: State, step: WizardStep): FieldError[] {
  switch (step) {
    case 'subsystem':
      return subsystemErrors(s);
    case 'type':
      return typeErrors(s);
    case 'drives':
      return driveErrors(s);
    case 'size':
      return sizeErrors(s);
    case 'options':
      return [];
    case 'access':
      return accessErrors(s);
    case 'count':
      return countErrors(s);
    case 'summary':
      return [
        ...subsystemErrors(s),
        ...typeErrors(s),
        ...driveErrors(s),
        ...sizeErrors(s),
        ...accessErrors(s),
        ...countErrors(s),
      ];
  }
}
