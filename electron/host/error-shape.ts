import { HRESULT, LunStudioError, isApiError } from '../contract/errors';
import type { ApiErrorShape } from '../contract/model';

/** Any thrown value as the error shape that crosses boundaries (code, hresult, message, action?, field?). */
export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof LunStudioError) return error.toJSON();
  if (isApiError(error)) {
    const shape: ApiErrorShape = { code: error.code, hresult: error.hresult >>> 0, message: error.message };
    if (typeof error.action === 'string') shape.action = error.action;
    if (typeof error.field === 'string') shape.field = error.field;
    return shape;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'E_UNEXPECTED', hresult: HRESULT.E_UNEXPECTED, message: `Unexpected error: ${message}` };
}
