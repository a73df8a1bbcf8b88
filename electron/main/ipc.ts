// Typed IPC: one ipcMain.handle per API method (the channel name is the method name, as in GitHub
// Desktop's ipc-shared.ts), a trusted-sender check before anything else, then the host's dispatcher.
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  API_METHOD_NAMES,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_PREFIX,
  IPC_SUBSCRIBE_CHANNEL,
  type ApiMethodName,
  type ApiResult,
  type LunStudioEvent,
} from '../contract/api';
import { HRESULT, isApiError } from '../contract/errors';
import type { HostPort } from './host-port';
import type { TrustedSenders } from './trusted-sender';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  host: Pick<HostPort, 'dispatch'>;
  trusted: TrustedSenders;
  /** A handler threw (the host answers every call, so this is a bug): main's fatal path (log, dialog, exit 1). */
  onUnexpected?: (error: unknown, origin: string) => void;
}

export interface IpcBridge {
  /** Sends a host event to every window that subscribed. */
  broadcast(event: LunStudioEvent): void;
  dispose(): void;
}

export function invokeChannel(method: ApiMethodName): string {
  return `${IPC_INVOKE_PREFIX}${method}`;
}

function unexpected(error: unknown): ApiResult<never> {
  if (isApiError(error)) {
    const { code, hresult, message, action, field } = error;
    return {
      ok: false,
      error: { code, hresult, message, ...(action && { action }), ...(field && { field }) },
    };
  }
  return {
    ok: false,
    error: {
      code: 'E_UNEXPECTED',
      hresult: HRESULT.E_UNEXPECTED,
      message: `The request failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    },
  };
}

export function registerIpc(options: IpcOptions): IpcBridge {
  const { ipcMain, host, trusted } = options;
  const subscribers = new Map<number, WebContents>();

  const handleCall = async (
    method: ApiMethodName,
    event: IpcMainInvokeEvent,
    payload: unknown,
  ): Promise<ApiResult<unknown>> => {
    const rejection = trusted.rejectionFor(event);
    if (rejection) return { ok: false, error: rejection };
    try {
      return await host.dispatch(method, payload);
    } catch (error) {
      options.onUnexpected?.(error, `IPC handler ${method}`);
      return unexpected(error);
    }
  };

  for (const method of API_METHOD_NAMES) {
    ipcMain.handle(invokeChannel(method), (event, payload) => handleCall(method, event, payload));
  }

  const onSubscribe = (event: IpcMainEvent, wanted: unknown) => {
    if (!trusted.isTrusted(event)) return;
    const contents = event.sender;
    if (wanted !== true) {
      subscribers.delete(contents.id);
      return;
    }
    if (subscribers.has(contents.id)) return;
    subscribers.set(contents.id, contents);
    contents.once('destroyed', () => subscribers.delete(contents.id));
  };
  ipcMain.on(IPC_SUBSCRIBE_CHANNEL, onSubscribe);

  return {
    broadcast(event) {
      for (const contents of subscribers.values()) {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
      }
    },
    dispose() {
      for (const method of API_METHOD_NAMES) ipcMain.removeHandler(invokeChannel(method));
      ipcMain.removeListener(IPC_SUBSCRIBE_CHANNEL, onSubscribe);
      subscribers.clear();
    },
  };
}
