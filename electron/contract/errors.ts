import { HRESULT } from './hresult-table';
import type { ApiErrorShape } from './model';

/** HRESULTs by code, from the one HRESULT table (native/src/hresult_table.cc → hresult-table.ts, generated). */
export { HRESULT, HRESULT_TABLE, type HresultCode, type HresultEntry } from './hresult-table';

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
