import { HRESULT, isApiError, LunStudioError } from '../../electron/contract/errors';
import type { ApiErrorShape } from '../../electron/contract/model';

/** HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED): the link to the host dropped before an answer came. */
export const DISCONNECTED_HRESULT = 0x800704d4;
export const DISCONNECTED_CODE = 'LUN_STUDIO_E_DISCONNECTED';

export function disconnectedError(): LunStudioError {
  return new LunStudioError({
    code: DISCONNECTED_CODE,
    hresult: DISCONNECTED_HRESULT,
    message: 'The connection to LUN Studio was lost before the call finished.',
    action: 'Wait for the connection to come back, then try again.',
  });
}

export const isErrorShape = isApiError;

/** Whatever a call rejected with, as a LunStudioError. */
export function toLunStudioError(value: unknown): LunStudioError {
  if (value instanceof LunStudioError) return value;
  if (isErrorShape(value)) return new LunStudioError(value);
  const message = value instanceof Error ? value.message : String(value);
  return new LunStudioError({ code: 'E_UNEXPECTED', hresult: HRESULT.E_UNEXPECTED, message });
}

/** The plain data of an error for the store (never a class instance). */
export function toErrorShape(value: unknown): ApiErrorShape {
  return toLunStudioError(value).toJSON();
}
