// Turns addon rejections and bare HRESULTs into LunStudioError {code, hresult, message, action}.
// Names, messages and actions come from the addon's single HRESULT table (raw.hresultTable()).
import { HRESULT, LunStudioError, isApiError } from '../../electron/contract/errors';
import { formatHresult, type ApiErrorShape } from '../../electron/contract/model';
import type { RawHresultEntry } from './raw-addon';

export type HresultDescriber = (hresult: number) => ApiErrorShape;

export function hresultDescriber(table: readonly RawHresultEntry[]): HresultDescriber {
  const byHresult = new Map<number, RawHresultEntry>();
  for (const entry of table) byHresult.set(entry.hresult >>> 0, entry);
  return (hresult) => {
    const hr = hresult >>> 0;
    const entry = byHresult.get(hr);
    if (!entry) {
      return {
        code: `HRESULT_${formatHresult(hr)}`,
        hresult: hr,
        message: `The storage provider reported error ${formatHresult(hr)}.`,
      };
    }
    const shape: ApiErrorShape = { code: entry.code, hresult: hr, message: entry.message };
    if (entry.action) shape.action = entry.action;
    return shape;
  };
}

export function errorFromHresult(
  describe: HresultDescriber,
  hresult: number,
  message?: string,
): LunStudioError {
  const shape = describe(hresult);
  return new LunStudioError(message ? { ...shape, message } : shape);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Any rejection from the addon (or a bug in between) as a LunStudioError. */
export function toLunStudioError(error: unknown, describe: HresultDescriber): LunStudioError {
  if (error instanceof LunStudioError) return error;
  const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  if (typeof fields.hresult === 'number') {
    const known = describe(fields.hresult);
    const shape: ApiErrorShape = {
      code: nonEmptyString(fields.code) ?? known.code,
      hresult: known.hresult,
      message: nonEmptyString(fields.message) ?? known.message,
    };
    const action = nonEmptyString(fields.action) ?? known.action;
    if (action) shape.action = action;
    const field = nonEmptyString(fields.field);
    if (field) shape.field = field;
    return new LunStudioError(shape);
  }
  if (isApiError(error)) return new LunStudioError(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new LunStudioError({
    code: 'E_UNEXPECTED',
    hresult: HRESULT.E_UNEXPECTED,
    message: `Unexpected failure in the storage provider: ${detail}`,
  });
}
