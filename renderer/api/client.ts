import { API_METHOD_NAMES, type LunStudioApi } from '../../electron/contract/api';
import { toLunStudioError } from './api-error';

declare global {
  interface Window {
    lunStudio?: LunStudioApi;
  }
}

/** Errors crossing Electron's contextBridge lose custom fields; whatever comes back becomes a LunStudioError,
 * and an ApiResult-shaped answer is unwrapped. */
export function wrapBridgeApi(bridge: LunStudioApi): LunStudioApi {
  const api: Record<string, unknown> = {
    subscribe: (handler: Parameters<LunStudioApi['subscribe']>[0]) => bridge.subscribe(handler),
  };
  for (const method of API_METHOD_NAMES) {
    const fn = bridge[method] as (request?: unknown) => Promise<unknown>;
    api[method] = async (request?: unknown) => {
      let value: unknown;
      try {
        value = request === undefined ? await fn() : await fn(request);
      } catch (error) {
        throw toLunStudioError(error);
      }
      if (isApiResult(value)) {
        if (value.ok) return value.value;
        throw toLunStudioError(value.error);
      }
      return value;
    };
  }
  return api as LunStudioApi;
}

function isApiResult(value: unknown): value is { ok: true; value: unknown } | { ok: false; error: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}
