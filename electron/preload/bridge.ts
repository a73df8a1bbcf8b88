import type { IpcRendererEvent } from 'electron';
import {
  API_METHOD_NAMES,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_PREFIX,
  IPC_SUBSCRIBE_CHANNEL,
  type ApiResult,
  type LunStudioApi,
  type LunStudioEvent,
} from '../contract/api';
import { HRESULT, isApiError } from '../contract/errors';
import type { ApiErrorShape } from '../contract/model';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

/** What a failed call rejects with: the error's message plus code, hresult (and action, field).
 * A plain object, on purpose: the context bridge copies only the message of a real Error into the page
 * and drops every other property, while a plain object arrives whole. The renderer's desktop client
 * turns it into a LunStudioError. */
export interface BridgedError extends ApiErrorShape {
  name: 'LunStudioError';
}

function malformedReply(): BridgedError {
  return {
    name: 'LunStudioError',
    code: 'E_UNEXPECTED',
    hresult: HRESULT.E_UNEXPECTED,
    message: 'The desktop host sent a reply the window does not understand.',
  };
}

export function toBridgedError(error: ApiErrorShape): BridgedError {
  const bridged: BridgedError = {
    name: 'LunStudioError',
    code: error.code,
    hresult: error.hresult,
    message: error.message,
  };
  if (error.action !== undefined) bridged.action = error.action;
  if (error.field !== undefined) bridged.field = error.field;
  return bridged;
}

function unwrap(reply: unknown): unknown {
  const result = reply as ApiResult<unknown> | null;
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') throw malformedReply();
  if (result.ok) return result.value;
  throw isApiError(result.error) ? toBridgedError(result.error) : malformedReply();
}

export function createLunStudioBridge(ipc: IpcRendererLike): LunStudioApi {
  const methods: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHOD_NAMES) {
    const channel = `${IPC_INVOKE_PREFIX}${method}`;
    // A method without a request sends no argument at all.
    methods[method] = async (...args: unknown[]) => unwrap(await ipc.invoke(channel, ...args.slice(0, 1)));
  }

  const handlers = new Set<(event: LunStudioEvent) => void>();
  const onEvent = (_event: IpcRendererEvent, payload: unknown) => {
    for (const handler of [...handlers]) {
      try {
        handler(payload as LunStudioEvent);
      } catch (error) {
        // One failing subscriber must not keep the event from the others.
        console.error('LUN Studio event handler failed', error);
      }
    }
  };

  const subscribe = (handler: (event: LunStudioEvent) => void): (() => void) => {
    if (typeof handler !== 'function') throw new TypeError('subscribe(handler): handler must be a function');
    // Wrap so the same function subscribed twice is two subscriptions, each with its own unsubscribe.
    const entry = (event: LunStudioEvent) => handler(event);
    if (handlers.size === 0) {
      ipc.on(IPC_EVENT_CHANNEL, onEvent);
      ipc.send(IPC_SUBSCRIBE_CHANNEL, true);
    }
    handlers.add(entry);
    return () => {
      if (!handlers.delete(entry)) return;
      if (handlers.size === 0) {
        ipc.removeListener(IPC_EVENT_CHANNEL, onEvent);
        ipc.send(IPC_SUBSCRIBE_CHANNEL, false);
      }
    };
  };

  return Object.freeze({ ...methods, subscribe }) as unknown as LunStudioApi;
}
