// The requests of the commands on one LUN, from their options, checked with the contract's request schemas
// before the provider is opened (the same rules the host applies: exactly one amount, sizes, lists). SUBSYSTEM
// and LUN stay references here; the host resolves them against the inventory.
import type {
  DeleteLunRequest,
  ExtendLunRequest,
  MaxLunExtendRequest,
  SetLunMaskRequest,
  ShrinkLunRequest,
} from '../../../contract/model';
import {
  deleteLunRequestSchema,
  extendLunRequestSchema,
  firstProblem,
  maxLunExtendRequestSchema,
  setLunMaskRequestSchema,
  shrinkLunRequestSchema,
} from '../../../contract/schemas';
import type { z } from 'zod';
import type { CommandOption } from '../args';
import { inputError, optionForField } from '../cli-error';
import { parseByteSize, parseDriveList, parseSizeArgument, parseUnmaskList } from '../inputs';

type Options = Partial<Record<CommandOption, string>>;

/** The request fields as the options that carry them, for the schemas' rule texts. */
const FIELD_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/\bbytesToAdd\b|\bbytesToRemove\b/g, '--by'],
  [/\buseMaximum\b/g, '--to max'],
  [/\bnewSizeBytes\b/g, '--to'],
];

function inOptionWords(rule: string): string {
  return FIELD_WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), rule);
}

/** Checks with the contract's schema; the first problem names the option (exit 2). */
function checked<T>(schema: z.ZodType<T>, request: T): T {
  const problem = firstProblem(schema, request);
  if (problem) {
    const option = optionForField(problem.field.replace(/\[\d+\]$/, '')) ?? problem.field;
    throw inputError(option, inOptionWords(problem.rule));
  }
  return request;
}

function ref(subsystem: string, lun: string): { subsystemId: string; lunId: string } {
  return { subsystemId: subsystem, lunId: lun };
}

export function extendRequestFrom(subsystem: string, lun: string, options: Options): ExtendLunRequest {
  const request: ExtendLunRequest = ref(subsystem, lun);
  if (options.by !== undefined) request.bytesToAdd = parseByteSize(options.by, '--by');
  if (options.to !== undefined) {
    const to = parseSizeArgument(options.to, '--to');
    if (to.max) request.useMaximum = true;
    else request.newSizeBytes = to.bytes;
  }
  if (options.drives !== undefined) request.driveIds = parseDriveList(options.drives);
  return checked(extendLunRequestSchema, request);
}

export function shrinkRequestFrom(subsystem: string, lun: string, options: Options): ShrinkLunRequest {
  const request: ShrinkLunRequest = ref(subsystem, lun);
  if (options.by !== undefined) request.bytesToRemove = parseByteSize(options.by, '--by');
  if (options.to !== undefined) request.newSizeBytes = parseByteSize(options.to, '--to');
  return checked(shrinkLunRequestSchema, request);
}

export function maxExtendRequestFrom(subsystem: string, lun: string, options: Options): MaxLunExtendRequest {
  const request: MaxLunExtendRequest = ref(subsystem, lun);
  if (options.drives !== undefined) request.driveIds = parseDriveList(options.drives);
  return checked(maxLunExtendRequestSchema, request);
}

export function setMaskRequestFrom(subsystem: string, lun: string, options: Options): SetLunMaskRequest {
  const request: SetLunMaskRequest = {
    ...ref(subsystem, lun),
    unmaskingList: parseUnmaskList(options.unmask ?? ''),
  };
  return checked(setLunMaskRequestSchema, request);
}

export function deleteRequestFrom(subsystem: string, lun: string, options: Options): DeleteLunRequest {
  const request: DeleteLunRequest = ref(subsystem, lun);
  if (options['even-if-unmasked'] !== undefined) request.confirmUnmasked = true;
  return checked(deleteLunRequestSchema, request);
}
