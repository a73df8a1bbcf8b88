import type { ApiErrorShape } from '../../electron/contract/model';

/** Renderer-side error for a failed call: an Error that keeps code, hresult, action and field. */
export class ApiCallError extends Error implements ApiErrorShape {
  readonly code: string;
  readonly hresult: number;
  readonly action?: string;
  readonly field?: string;

  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiCallError';
    this.code = shape.code;
    this.hresult = shape.hresult >>> 0;
    if (shape.action !== undefined) this.action = shape.action;
    if (shape.field !== undefined) this.field = shape.field;
  }

  toShape(): ApiErrorShape {
    const out: ApiErrorShape = { code: this.code, hresult: this.hresult, message: this.message };
    if (this.action !== undefined) out.action = this.action;
    if (this.field !== undefined) out.field = this.field;
    return out;
  }
}

/** HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED): the link to the host dropped before an answer came. */
export const DISCONNECTED_HRESULT = 0x800704d4;
export const DISCONNECTED_CODE = 'LUN_STUDIO_E_DISCONNECTED';
/** E_UNEXPECTED: something that is not an ApiErrorShape came back. */
const E_UNEXPECTED = 0x8000ffff;

export function disconnectedError(): ApiCallError {
  return new ApiCallError({
    code: DISCONNECTED_CODE,
    hresult: DISCONNECTED_HRESULT,
    message: 'The connection to LUN Studio was lost before the call finished.',
    action: 'Wait for the connection to come back, then try again.',
  });
}

export function isErrorShape(value: unknown): value is ApiErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ApiErrorShape>;
  return typeof v.code === 'string' && typeof v.hresult === 'number' && typeof v.message === 'string';
}

/** Whatever a call rejected with, as an ApiCallError. */
export function toApiCallError(value: unknown): ApiCallError {
  if (value instanceof ApiCallError) return value;
  if (isErrorShape(value)) return new ApiCallError(value);
  const message = value instanceof Error ? value.message : String(value);
  return new ApiCallError({ code: 'E_UNEXPECTED', hresult: E_UNEXPECTED, message });
}

/** The plain data of an error for the store (never a class instance). */
export function toErrorShape(value: unknown): ApiErrorShape {
  return toApiCallError(value).toShape();
}
