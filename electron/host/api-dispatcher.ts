// The one entry point for a LunStudioApi call from any shell: method name + raw payload → validate
// (contract/schemas.ts) → handler → ApiResult. Desktop IPC (electron/main) and the browser WebSocket
// (web/ws-api.ts) both call dispatch(), so validation lives in one place and nothing unvalidated
// reaches the StorageService or the provider. Never throws: errors travel as data.
import type { ApiMethodName, ApiMethods, ApiResult } from '../contract/api';
import { API_METHOD_NAMES } from '../contract/api';
import { invalidInput } from '../contract/errors';
import { isApiMethodName, parseRequest } from '../contract/schemas';
import { toErrorShape } from './error-shape';
import { callerOf, type Caller } from './caller';
import type { StorageService } from './storage-service';

/** Each handler also learns who asked (the audit trail records it for every change). */
export type ApiHandlers = {
  [K in ApiMethodName]: (
    request: ApiMethods[K]['request'],
    caller: Caller,
  ) => Promise<ApiMethods[K]['response']>;
};

/** `caller` defaults to the one the dispatcher was made with (the owner's own shell and user). */
export type ApiDispatch = (method: unknown, payload: unknown, caller?: Caller) => Promise<ApiResult<unknown>>;

/** The handlers backed by a StorageService. `openMonitor` resolves by default (browser: the renderer
 * shows its own view); the desktop shell overrides it to open the monitor window. */
export function serviceHandlers(service: StorageService, overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  return {
    getInventory: (request) => service.getInventory(request),
    maxLunSize: (request) => service.maxLunSize(request),
    createLuns: (request, caller) => service.createLuns(request, caller),
    cancelOperation: (request) => service.cancelOperation(request),
    listOperations: async (filter) => service.listOperations(filter ?? {}),
    maxLunExtendSize: (request) => service.maxLunExtendSize(request),
    extendLun: (request, caller) => service.extendLun(request, caller),
    shrinkLun: (request, caller) => service.shrinkLun(request, caller),
    setLunMask: (request, caller) => service.setLunMask(request, caller),
    deleteLun: (request, caller) => service.deleteLun(request, caller),
    openMonitor: async () => undefined,
    ...overrides,
  };
}

export function createDispatcher(handlers: ApiHandlers, defaultCaller?: Caller): ApiDispatch {
  const fallback: Caller = defaultCaller ?? callerOf('cli');
  return async (method, payload, caller = fallback) => {
    if (!isApiMethodName(method)) {
      const error = invalidInput('method', `must be one of ${API_METHOD_NAMES.join(', ')}`);
      return { ok: false, error: error.toJSON() };
    }
    const parsed = parseRequest(method, payload);
    if (!parsed.ok) return { ok: false, error: parsed.error.toJSON() };
    try {
      const handler = handlers[method] as (request: unknown, caller: Caller) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.value, caller) };
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  };
}
