// What the LUN dialogs check before they send anything, and the requests they send. The host validates the
// same requests with the contract's schemas; these checks only name the field and the rule earlier.
import { driveUnusableReason } from '../../../electron/contract/lun-rules';
import type {
  DeleteLunRequest,
  Drive,
  ExtendLunRequest,
  Lun,
  ShrinkLunRequest,
} from '../../../electron/contract/model';
import { MIN_ALLOCATION_UNIT, parseLocaleNumber, type SizeUnit, toBytes } from '../../lib/size-units';
import type { FieldError } from '../../store/wizard-model';

/** "by" an amount or "to" a total size (extend also: the maximum the provider allows). */
export type ResizeMode = 'by' | 'to' | 'max';

export interface SizeEntry {
  text: string;
  unit: SizeUnit;
}

export interface ExtendForm {
  mode: ResizeMode;
  size: SizeEntry;
  driveMode: 'auto' | 'manual';
  driveIds: string[];
}

export interface ShrinkForm {
  mode: Exclude<ResizeMode, 'max'>;
  size: SizeEntry;
  /** "I understand that data past the new end is lost". */
  confirmed: boolean;
}

export interface DeleteForm {
  typed: string;
  confirmUnmasked: boolean;
}

/** What QueryMaxLunExtendSize answered for the chosen drives. */
export interface MaxExtend {
  loading: boolean;
  maxBytes: number | null;
  /** The question failed: the dialog shows why (ErrorDetails) and sends nothing. */
  failed: boolean;
}

/** The bytes typed, or the problem with the text (the wizard's size rules and wording). */
function sizeBytes(entry: SizeEntry, locale: string): number | FieldError {
  const parsed = parseLocaleNumber(entry.text, locale);
  if (!parsed.ok) {
    if (parsed.reason === 'empty') return { field: 'size', key: 'wizard.errors.sizeRequired' };
    if (parsed.reason === 'ambiguous')
      return { field: 'size', key: 'wizard.errors.sizeAmbiguous', params: { text: entry.text.trim() } };
    return { field: 'size', key: 'wizard.errors.sizeNotNumber' };
  }
  const bytes = toBytes(parsed.value, entry.unit);
  if (bytes <= 0) return { field: 'size', key: 'wizard.errors.sizeZero' };
  return bytes;
}

export function enteredBytes(entry: SizeEntry, locale: string): number | null {
  const bytes = sizeBytes(entry, locale);
  return typeof bytes === 'number' ? bytes : null;
}

export function extendErrors(
  form: ExtendForm,
  lun: Lun,
  drives: readonly Drive[],
  max: MaxExtend,
  locale: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (form.driveMode === 'manual') {
    if (form.driveIds.length === 0)
      errors.push({ field: 'drives', key: 'lunActions.extend.errors.drivesRequired' });
    for (const id of form.driveIds) {
      const drive = drives.find((d) => d.id === id);
      const reason = drive ? driveUnusableReason(drive) : 'offline';
      if (reason)
        errors.push({
          field: 'drives',
          key: 'wizard.errors.driveUnusable',
          params: { drive: drive?.name ?? id, reasonKey: `wizard.drives.reason.${reason}` },
        });
    }
  }
  if (max.loading || (max.maxBytes === null && !max.failed))
    return [...errors, { field: 'size', key: 'wizard.errors.maxLoading' }];
  if (max.failed || max.maxBytes === null)
    return [...errors, { field: 'size', key: 'wizard.errors.maxFailed' }];
  if (max.maxBytes <= 0) return [...errors, { field: 'size', key: 'lunActions.extend.errors.noSpace' }];
  if (form.mode === 'max') return errors;
  const bytes = sizeBytes(form.size, locale);
  if (typeof bytes !== 'number') return [...errors, bytes];
  if (form.mode === 'by') {
    if (bytes < MIN_ALLOCATION_UNIT)
      errors.push({
        field: 'size',
        key: 'wizard.errors.sizeBelowMinimum',
        params: { minBytes: MIN_ALLOCATION_UNIT },
      });
    else if (bytes > max.maxBytes)
      errors.push({
        field: 'size',
        key: 'lunActions.extend.errors.byAboveMax',
        params: { maxBytes: max.maxBytes },
      });
  } else if (bytes <= lun.sizeBytes)
    errors.push({
      field: 'size',
      key: 'lunActions.extend.errors.toNotLarger',
      params: { currentBytes: lun.sizeBytes },
    });
  else if (bytes - lun.sizeBytes > max.maxBytes)
    errors.push({
      field: 'size',
      key: 'lunActions.extend.errors.toAboveMax',
      params: { maxBytes: lun.sizeBytes + max.maxBytes },
    });
  return errors;
}

export function buildExtendRequest(form: ExtendForm, lun: Lun, locale: string): ExtendLunRequest | null {
  const request: ExtendLunRequest = { subsystemId: lun.subsystemId, lunId: lun.id };
  if (form.driveMode === 'manual' && form.driveIds.length > 0) request.driveIds = [...form.driveIds];
  if (form.mode === 'max') return { ...request, useMaximum: true };
  const bytes = enteredBytes(form.size, locale);
  if (bytes === null) return null;
  return form.mode === 'by' ? { ...request, bytesToAdd: bytes } : { ...request, newSizeBytes: bytes };
}

export function shrinkErrors(form: ShrinkForm, lun: Lun, locale: string): FieldError[] {
  const errors: FieldError[] = [];
  const bytes = sizeBytes(form.size, locale);
  if (typeof bytes !== 'number') errors.push(bytes);
  else if (form.mode === 'by' && lun.sizeBytes - bytes < MIN_ALLOCATION_UNIT)
    errors.push({
      field: 'size',
      key: 'lunActions.shrink.errors.byTooMuch',
      params: { currentBytes: lun.sizeBytes, minBytes: MIN_ALLOCATION_UNIT },
    });
  else if (form.mode === 'to' && bytes >= lun.sizeBytes)
    errors.push({
      field: 'size',
      key: 'lunActions.shrink.errors.toNotSmaller',
      params: { currentBytes: lun.sizeBytes },
    });
  else if (form.mode === 'to' && bytes < MIN_ALLOCATION_UNIT)
    errors.push({
      field: 'size',
      key: 'wizard.errors.sizeBelowMinimum',
      params: { minBytes: MIN_ALLOCATION_UNIT },
    });
  if (!form.confirmed) errors.push({ field: 'confirm', key: 'lunActions.shrink.errors.confirmRequired' });
  return errors;
}

export function buildShrinkRequest(form: ShrinkForm, lun: Lun, locale: string): ShrinkLunRequest | null {
  const bytes = enteredBytes(form.size, locale);
  if (bytes === null) return null;
  const request: ShrinkLunRequest = { subsystemId: lun.subsystemId, lunId: lun.id };
  return form.mode === 'by' ? { ...request, bytesToRemove: bytes } : { ...request, newSizeBytes: bytes };
}

/** The LUN's size after a shrink or extend as entered (null while the entry is not a size). */
export function resultingSize(mode: ResizeMode, bytes: number | null, lun: Lun, sign: 1 | -1): number | null {
  if (bytes === null || mode === 'max') return null;
  return mode === 'by' ? lun.sizeBytes + sign * bytes : bytes;
}

/** What the user must type to delete a LUN: its name, or its id when it has none. */
export const deleteConfirmationText = (lun: Lun): string => (lun.name.trim() !== '' ? lun.name : lun.id);

export const isUnmasked = (lun: Lun): boolean => lun.unmaskingList !== '';

export function deleteErrors(form: DeleteForm, lun: Lun): FieldError[] {
  const errors: FieldError[] = [];
  const expected = deleteConfirmationText(lun);
  if (form.typed !== expected)
    errors.push({ field: 'typed', key: 'lunActions.delete.errors.typeName', params: { name: expected } });
  if (isUnmasked(lun) && !form.confirmUnmasked)
    errors.push({ field: 'confirmUnmasked', key: 'lunActions.delete.errors.confirmUnmasked' });
  return errors;
}

export function buildDeleteRequest(lun: Lun): DeleteLunRequest {
  const request: DeleteLunRequest = { subsystemId: lun.subsystemId, lunId: lun.id };
  return isUnmasked(lun) ? { ...request, confirmUnmasked: true } : request;
}
