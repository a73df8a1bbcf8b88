// The one entry point for a LunStudioApi call from any shell: method name + raw payload → validate
// (contract/schemas.ts) → handler → ApiResult. Desktop IPC (electron/main) and the browser WebSocket
// (web/ws-api.ts) both call dispatch(), so validation lives in one place and nothing unvalidated
// reaches the StorageService or the provider. Never throws: errors travel as data.
import type { ApiMethodName, ApiMethods, ApiResult } from '../contract/api';
import { API_METHOD_NAMES } from '../contract/api';
import { HRESULT, invalidInput, LunStudioError } from '../contract/errors';
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

/** The handlers backed by a StorageService: the service itself, or a function giving the one in use now (the
 * owner's, which a provider switch replaces). `openMonitor` resolves by default (browser: the renderer shows
 * its own view); the desktop shell overrides it to open the monitor window. The provider choice is the
 * owner's (owner/provider-switch.ts): without an owner it is refused. */
export function serviceHandlers(
  service: StorageService | (() => StorageService),
  overrides: Partial<ApiHandlers> = {},
): ApiHandlers {
  const live = typeof service === 'function' ? service : () => service;
  return {
    getInventory: (request) => live().getInventory(request),
    listDrives: (request) => live().listDrives(request),
    maxLunSize: (request) => live().maxLunSize(request),
    createLuns: (request, caller) => live().createLuns(request, caller),
    cancelOperation: (request) => live().cancelOperation(request),
    listOperations: async (filter) => live().listOperations(filter ?? {}),
    maxLunExtendSize: (request) => live().maxLunExtendSize(request),
    extendLun: (request, caller) => live().extendLun(request, caller),
    shrinkLun: (request, caller) => live().shrinkLun(request, caller),
    setLunMask: (request, caller) => live().setLunMask(request, caller),
    deleteLun: (request, caller) => live().deleteLun(request, caller),
    recoverLun: (request, caller) => live().recoverLun(request, caller),
    lunDetails: (request) => live().lunDetails(request),
    listExtents: (request) => live().listExtents(request),
    identifyDrive: (request, caller) => live().identifyDrive(request, caller),
    setHotSpare: (request, caller) => live().setHotSpare(request, caller),
    replaceDrive: (request, caller) => live().replaceDrive(request, caller),
    simFailDrive: (request, caller) => live().simFailDrive(request, caller),
    simRestoreDrive: (request, caller) => live().simRestoreDrive(request, caller),
    openMonitor: async () => undefined,
    getProviderChoice: () => Promise.reject(noProviderChoice()),
    chooseProvider: () => Promise.reject(noProviderChoice()),
    clearFinishedOperations: async () => live().clearFinishedOperations(),
    ...overrides,
  };
}

function noProviderChoice(): LunStudioError {
  return new LunStudioError({
    code: 'E_NOTIMPL',
    hresult: HRESULT.E_NOTIMPL,
    message:
      'Only the process that owns the state (the desktop app, `serve`, a lun-studio command) can choose the provider.',
  });
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
