// The LUN lifecycle requests: checked with the contract's schemas (the one source of every request rule), and
// the amount they ask for turned into the bytes IVdsLun::Extend / Shrink take, against the LUN as it is when
// the operation starts. What only the provider knows (the allocation unit, the free space, the smallest
// LUN) it checks itself; when the request named a total size, its answer is restated in those terms.
import { invalidInput, LunStudioError } from '../../electron/contract/errors';
import type { ExtendLunRequest, Lun, ShrinkLunRequest } from '../../electron/contract/model';
import { checkWith } from '../../electron/contract/schemas';
import type { z } from 'zod';
import { requireObject } from './validate';

/** A request of one of the lifecycle schemas, or E_INVALIDARG naming the first bad field. */
export function checkLunRequest<T>(schema: z.ZodType<T>, request: unknown): T {
  requireObject(request);
  return checkWith(schema, request);
}

/** Bytes to add: bytesToAdd as given, newSizeBytes minus the current size, or the maximum right now. */
export async function bytesToAdd(
  request: ExtendLunRequest,
  lun: Lun,
  maximum: () => Promise<number>,
): Promise<number> {
  if (request.bytesToAdd !== undefined) return request.bytesToAdd;
  if (request.newSizeBytes !== undefined) {
    if (request.newSizeBytes <= lun.sizeBytes) {
      throw invalidInput(
        'newSizeBytes',
        `must be above the current size of LUN "${lun.name}", ${lun.sizeBytes} bytes (shrink it to make it smaller)`,
      );
    }
    return request.newSizeBytes - lun.sizeBytes;
  }
  const max = await maximum();
  if (max === 0) {
    throw invalidInput(
      'useMaximum',
      `there is nothing to add: LUN "${lun.name}" cannot grow on these drives (the maximum is 0 bytes)`,
    );
  }
  return max;
}

/** Bytes to remove: bytesToRemove as given, or the current size minus newSizeBytes. */
export function bytesToRemove(request: ShrinkLunRequest, lun: Lun): number {
  if (request.bytesToRemove !== undefined) return request.bytesToRemove;
  const newSize = request.newSizeBytes!;
  if (newSize >= lun.sizeBytes) {
    throw invalidInput(
      'newSizeBytes',
      `must be below the current size of LUN "${lun.name}", ${lun.sizeBytes} bytes (extend it to make it larger)`,
    );
  }
  return lun.sizeBytes - newSize;
}

/** The provider's refusal of the amount (field bytesToAdd / bytesToRemove), in the terms the request used. */
export function restateAmountError(
  error: unknown,
  request: ExtendLunRequest | ShrinkLunRequest,
  lun: Lun,
): unknown {
  if (!(error instanceof LunStudioError)) return error;
  const providerField = error.field;
  if (providerField !== 'bytesToAdd' && providerField !== 'bytesToRemove') return error;
  const asked: { field: string; text: string } | undefined =
    request.newSizeBytes !== undefined
      ? {
          field: 'newSizeBytes',
          text: `a new size of ${request.newSizeBytes} bytes (LUN "${lun.name}" has ${lun.sizeBytes})`,
        }
      : 'useMaximum' in request && request.useMaximum
        ? { field: 'useMaximum', text: 'the maximum' }
        : undefined;
  if (!asked) return error;
  const prefix = `${providerField}: `;
  const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new LunStudioError({
    ...error.toJSON(),
    field: asked.field,
    message: `${asked.field}: ${asked.text} was refused: ${detail}`,
  });
}
