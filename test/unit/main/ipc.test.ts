import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  API_METHOD_NAMES,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_PREFIX,
  IPC_SUBSCRIBE_CHANNEL,
  type ApiResult,
  type LunStudioEvent,
} from '../../../electron/contract/api';
import { LunStudioError } from '../../../electron/contract/errors';
import { fileAppLocation } from '../../../electron/main/app-location';
import { registerIpc, type IpcBridge } from '../../../electron/main/ipc';
import { TrustedSenders } from '../../../electron/main/trusted-sender';
import { FakeIpcMain, FakeSender } from './fakes';

const INDEX = '/opt/LUN Studio/resources/app.asar/out/renderer/index.html';
const location = fileAppLocation(INDEX);
const OWN_PAGE = location.urlFor('wizard');

function setup() {
  const ipcMain = new FakeIpcMain();
  const trusted = new TrustedSenders(location);
  const dispatch = vi.fn(async (method: string, payload: unknown): Promise<ApiResult<unknown>> => ({
    ok: true,
    value: { method, payload },
  }));
  const bridge: IpcBridge = registerIpc({ ipcMain, host: { dispatch }, trusted });
  const window = new FakeSender(OWN_PAGE);
  trusted.trust(window);
  return { ipcMain, trusted, dispatch, bridge, window };
}

describe('IPC handlers', () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => {
    ctx = setup();
  });

  it('registers one handler per API method and nothing else', () => {
    expect([...ctx.ipcMain.handlers.keys()].sort()).toEqual(
      API_METHOD_NAMES.map((name) => `${IPC_INVOKE_PREFIX}${name}`).sort(),
    );
  });

  it('passes a call from our window to the dispatcher and returns its result', async () => {
    const reply = await ctx.ipcMain.invoke(`${IPC_INVOKE_PREFIX}maxLunSize`, ctx.window, {
      subsystemId: 's1',
      type: 'simple',
    });
    expect(ctx.dispatch).toHaveBeenCalledWith('maxLunSize', { subsystemId: 's1', type: 'simple' });
    expect(reply).toEqual({
      ok: true,
      value: { method: 'maxLunSize', payload: { subsystemId: 's1', type: 'simple' } },
    });
  });

  it('accepts our page with another view in the hash (the monitor)', async () => {
    const monitor = new FakeSender(location.urlFor('monitor'));
    ctx.trusted.trust(monitor);
    const reply = (await ctx.ipcMain.invoke(
      `${IPC_INVOKE_PREFIX}listOperations`,
      monitor,
    )) as ApiResult<unknown>;
    expect(reply.ok).toBe(true);
    expect(ctx.dispatch).toHaveBeenCalledWith('listOperations', undefined);
  });

  const untrusted: [string, () => FakeSender][] = [
    ['a webContents that is not one of our windows', () => new FakeSender(OWN_PAGE)],
    ['our window showing a web page', () => trustedWith('https://evil.example/index.html')],
    ['our window showing another local file', () => trustedWith('file:///tmp/index.html')],
    ['our window showing a lookalike path', () => trustedWith(`file://${INDEX}.evil.html`)],
    ['a frame that is already gone', () => trustedWith(null)],
  ];
  function trustedWith(frameUrl: string | null): FakeSender {
    const sender = new FakeSender(frameUrl);
    ctx.trusted.trust(sender);
    return sender;
  }

  for (const [what, makeSender] of untrusted) {
    it(`refuses ${what} with E_ACCESSDENIED and never calls the host`, async () => {
      const sender = makeSender();
      for (const method of API_METHOD_NAMES) {
        const reply = (await ctx.ipcMain.invoke(
          `${IPC_INVOKE_PREFIX}${method}`,
          sender,
          {},
        )) as ApiResult<unknown>;
        expect(reply).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'E_ACCESSDENIED', hresult: 0x80070005 }),
        });
      }
      expect(ctx.dispatch).not.toHaveBeenCalled();
    });
  }

  it('stops trusting a window once its webContents is destroyed', async () => {
    ctx.window.destroy();
    const reply = (await ctx.ipcMain.invoke(
      `${IPC_INVOKE_PREFIX}getInventory`,
      ctx.window,
      {},
    )) as ApiResult<unknown>;
    expect(reply.ok).toBe(false);
    expect(ctx.dispatch).not.toHaveBeenCalled();
  });

  it('turns a dispatcher that throws into a typed error result', async () => {
    ctx.dispatch.mockRejectedValueOnce(new Error('boom'));
    const reply = (await ctx.ipcMain.invoke(
      `${IPC_INVOKE_PREFIX}getInventory`,
      ctx.window,
      {},
    )) as ApiResult<unknown>;
    expect(reply).toEqual({
      ok: false,
      error: { code: 'E_UNEXPECTED', hresult: 0x8000ffff, message: expect.stringContaining('boom') },
    });
    ctx.dispatch.mockRejectedValueOnce(
      new LunStudioError({
        code: 'VDS_E_NOT_ENOUGH_SPACE',
        hresult: 0x8004240f,
        message: 'No room',
        action: 'Pick drives',
      }),
    );
    const second = (await ctx.ipcMain.invoke(
      `${IPC_INVOKE_PREFIX}getInventory`,
      ctx.window,
      {},
    )) as ApiResult<unknown>;
    expect(second).toEqual({
      ok: false,
      error: {
        code: 'VDS_E_NOT_ENOUGH_SPACE',
        hresult: 0x8004240f,
        message: 'No room',
        action: 'Pick drives',
      },
    });
  });

  it('removes every handler on dispose', () => {
    ctx.bridge.dispose();
    expect(ctx.ipcMain.handlers.size).toBe(0);
    expect(ctx.ipcMain.listeners.get(IPC_SUBSCRIBE_CHANNEL)?.size ?? 0).toBe(0);
  });
});

describe('event forwarding', () => {
  const event: LunStudioEvent = {
    type: 'operationsProgress',
    operations: [
      {
        id: 'op-1',
        kind: 'createLun',
        subsystemId: 's1',
        request: { subsystemId: 's1', type: 'simple', sizeBytes: 1 << 30 },
        state: 'running',
        percent: 40,
        startedAt: '2026-01-01T00:00:00.000Z',
        endedAt: null,
        bytesPerSecond: 100,
        etaSeconds: 3,
      },
    ],
  };

  it('sends host events only to windows that subscribed', () => {
    const { ipcMain, bridge, window, trusted } = setup();
    const quiet = new FakeSender(OWN_PAGE);
    trusted.trust(quiet);
    ipcMain.send(IPC_SUBSCRIBE_CHANNEL, window, true);
    bridge.broadcast(event);
    expect(window.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: [event] }]);
    expect(quiet.sent).toEqual([]);
  });

  it('ignores subscriptions from untrusted senders', () => {
    const { ipcMain, bridge } = setup();
    const stranger = new FakeSender('https://evil.example/');
    ipcMain.send(IPC_SUBSCRIBE_CHANNEL, stranger, true);
    bridge.broadcast(event);
    expect(stranger.sent).toEqual([]);
  });

  it('stops sending after unsubscribe and after the window is destroyed', () => {
    const { ipcMain, bridge, window, trusted } = setup();
    const other = new FakeSender(OWN_PAGE);
    trusted.trust(other);
    ipcMain.send(IPC_SUBSCRIBE_CHANNEL, window, true);
    ipcMain.send(IPC_SUBSCRIBE_CHANNEL, other, true);
    ipcMain.send(IPC_SUBSCRIBE_CHANNEL, window, false);
    other.destroy();
    bridge.broadcast(event);
    expect(window.sent).toEqual([]);
    expect(other.sent).toEqual([]);
  });
});
