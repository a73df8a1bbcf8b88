import type { ApiErrorShape } from './model';

/** HRESULTs used outside the addon's table (which is the one source of names and messages). */
export const HRESULT = {
  E_INVALIDARG: 0x80070057,
  E_UNEXPECTED: 0x8000ffff,
  E_ACCESSDENIED: 0x80070005,
  VDS_E_OBJECT_NOT_FOUND: 0x80042405,
  VDS_E_OPERATION_CANCELED: 0x8004240d,
  VDS_E_NOT_SUPPORTED: 0x80042400,
} as const;

/** Every error that crosses a boundary: code + hresult + plain message (+ action, + field for bad input). */
export class LunStudioError extends Error implements ApiErrorShape {
  readonly code: string;
  readonly hresult: number;
  readonly action?: string;
  readonly field?: string;

  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'LunStudioError';
    this.code = shape.code;
    this.hresult = shape.hresult >>> 0;
    if (shape.action !== undefined) this.action = shape.action;
    if (shape.field !== undefined) this.field = shape.field;
  }

  toJSON(): ApiErrorShape {
    const out: ApiErrorShape = { code: this.code, hresult: this.hresult, message: this.message };
    if (this.action !== undefined) out.action = this.action;
    if (this.field !== undefined) out.field = this.field;
    return out;
  }
}

/** A request field that breaks a rule: E_INVALIDARG naming the field and the rule. */
export function invalidInput(field: string, rule: string): LunStudioError {
  return new LunStudioError({
    code: 'E_INVALIDARG',
    hresult: HRESULT.E_INVALIDARG,
    message: `${field}: ${rule}`,
    field,
  });
}

export function isApiError(value: unknown): value is ApiErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorShape).code === 'string' &&
    typeof (value as ApiErrorShape).hresult === 'number' &&
    typeof (value as ApiErrorShape).message === 'string'
  );
}
