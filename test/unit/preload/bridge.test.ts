import { describe, expect, it, vi } from 'vitest';
import {
  API_METHOD_NAMES,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_PREFIX,
  IPC_SUBSCRIBE_CHANNEL,
  type LunStudioEvent,
} from '../../../electron/contract/api';
import { createLunStudioBridge, type IpcRendererLike } from '../../../electron/preload/bridge';

function fakeIpc(reply: (channel: string, args: unknown[]) => unknown = () => ({ ok: true, value: 1 })) {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => reply(channel, args)),
    send: vi.fn(),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({}, payload);
    },
    listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
  return ipc;
}

describe('preload bridge', () => {
  it('has exactly one named method per API method plus subscribe, and nothing to invoke any channel', () => {
    const api = createLunStudioBridge(fakeIpc() as unknown as IpcRendererLike);
    expect(Object.keys(api).sort()).toEqual([...API_METHOD_NAMES, 'subscribe'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes each method on its own channel and returns the unwrapped value', async () => {
    const ipc = fakeIpc((channel, args) => ({ ok: true, value: { channel, args } }));
    const api = createLunStudioBridge(ipc as unknown as IpcRendererLike);
    await expect(api.maxLunSize({ subsystemId: 's1', type: 'simple' })).resolves.toEqual({
      channel: `${IPC_INVOKE_PREFIX}maxLunSize`,
      args: [{ subsystemId: 's1', type: 'simple' }],
    });
    await expect(api.listOperations()).resolves.toEqual({
      channel: `${IPC_INVOKE_PREFIX}listOperations`,
      args: [],
    });
  });

  it('sends only the request, never extra arguments the page passes', async () => {
    const ipc = fakeIpc();
    const api = createLunStudioBridge(ipc as unknown as IpcRendererLike);
    await (api.getInventory as (...args: unknown[]) => Promise<unknown>)({ refresh: true }, 'extra', 'more');
    expect(ipc.invoke).toHaveBeenCalledWith(`${IPC_INVOKE_PREFIX}getInventory`, { refresh: true });
  });

  it('rejects a failed call with the code, hresult, message, action and field', async () => {
    const error = {
      code: 'E_INVALIDARG',
      hresult: 0x80070057,
      message: 'sizeBytes: must be greater than 0',
      field: 'sizeBytes',
      action: 'Enter a size.',
    };
    const api = createLunStudioBridge(fakeIpc(() => ({ ok: false, error })) as unknown as IpcRendererLike);
    const rejection = await api.maxLunSize({ subsystemId: 's', type: 'simple' }).catch((e: unknown) => e);
    expect(rejection).toEqual({ name: 'LunStudioError', ...error });
  });

  it('rejects with data that survives the context bridge copy whole (an Error would lose code and hresult)', async () => {
    const error = { code: 'VDS_E_NOT_ENOUGH_SPACE', hresult: 0x8004240f, message: 'No room.' };
    const api = createLunStudioBridge(fakeIpc(() => ({ ok: false, error })) as unknown as IpcRendererLike);
    const rejection = await api.getInventory({}).catch((e: unknown) => e);
    // The context bridge copies values much like structuredClone: an Error keeps only its message.
    expect(structuredClone(rejection)).toEqual({ name: 'LunStudioError', ...error });
    const asError = structuredClone(Object.assign(new Error('No room.'), error)) as Partial<typeof error>;
    expect(asError.code).toBeUndefined();
  });

  it('rejects with E_UNEXPECTED when the reply is not an ApiResult', async () => {
    for (const reply of [undefined, null, 'ok', { value: 1 }, { ok: false, error: 'text' }]) {
      const api = createLunStudioBridge(fakeIpc(() => reply) as unknown as IpcRendererLike);
      await expect(api.listOperations()).rejects.toMatchObject({ code: 'E_UNEXPECTED', hresult: 0x8000ffff });
    }
  });

  it('subscribe delivers events until unsubscribe, then tells main to stop sending', () => {
    const ipc = fakeIpc();
    const api = createLunStudioBridge(ipc as unknown as IpcRendererLike);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = api.subscribe(first);
    const stopSecond = api.subscribe(second);
    expect(ipc.send).toHaveBeenCalledTimes(1);
    expect(ipc.send).toHaveBeenCalledWith(IPC_SUBSCRIBE_CHANNEL, true);

    const event = { type: 'operationStarted', operation: { id: 'op' } } as unknown as LunStudioEvent;
    ipc.emit(IPC_EVENT_CHANNEL, event);
    expect(first).toHaveBeenCalledWith(event);
    expect(second).toHaveBeenCalledWith(event);

    stopFirst();
    stopFirst();
    ipc.emit(IPC_EVENT_CHANNEL, event);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);

    stopSecond();
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
    expect(ipc.send).toHaveBeenLastCalledWith(IPC_SUBSCRIBE_CHANNEL, false);
  });

  it('keeps delivering to other subscribers when one handler throws', () => {
    const ipc = fakeIpc();
    const api = createLunStudioBridge(ipc as unknown as IpcRendererLike);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    api.subscribe(() => {
      throw new Error('broken view');
    });
    const healthy = vi.fn();
    api.subscribe(healthy);
    ipc.emit(IPC_EVENT_CHANNEL, { type: 'inventoryChanged' });
    expect(healthy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('refuses a subscribe handler that is not a function', () => {
    const api = createLunStudioBridge(fakeIpc() as unknown as IpcRendererLike);
    expect(() => api.subscribe('x' as never)).toThrow(TypeError);
  });
});
