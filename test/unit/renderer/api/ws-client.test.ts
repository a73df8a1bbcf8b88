import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_METHOD_NAMES } from '../../../../electron/contract/api';
import { LunStudioError } from '../../../../electron/contract/errors';
import { DISCONNECTED_CODE } from '../../../../renderer/api/api-error';
import { wrapBridgeApi } from '../../../../renderer/api/client';
import { createWebSocketApi, defaultWebSocketUrl, takeAccessToken } from '../../../../renderer/api/ws-client';
import { FakeApi } from '../helpers/fake-api';

/** A stand-in for the browser's WebSocket that records what is sent and lets the test answer. */
class FakeSocket {
  static readonly OPEN = 1;
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols?: string[],
  ) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const TOKEN = 'A'.repeat(43);
/** checkToken: the server is unreachable (a restart), unless the test says otherwise. */
const make = (checkToken: (token: string) => Promise<boolean> = () => Promise.reject(new Error('down'))) =>
  createWebSocketApi({
    url: 'ws://127.0.0.1:1/api',
    token: TOKEN,
    checkToken,
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    initialBackoffMs: 100,
    maxBackoffMs: 400,
  });

afterEach(() => {
  FakeSocket.instances = [];
  vi.useRealTimers();
});

describe('WebSocket LunStudioApi client', () => {
  it('derives the endpoint from the page origin', () => {
    expect(defaultWebSocketUrl({ protocol: 'http:', host: '127.0.0.1:5000' } as Location)).toBe(
      'ws://127.0.0.1:5000/api',
    );
    expect(defaultWebSocketUrl({ protocol: 'https:', host: 'h:1' } as Location)).toBe('wss://h:1/api');
  });

  it('sends calls made before the socket opened, resolves values and rejects errors as LunStudioError', async () => {
    const api = make();
    const socket = FakeSocket.instances[0]!;
    const inventory = api.getInventory({ refresh: true });
    const max = api.maxLunSize({ subsystemId: 's', type: 'simple' });
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sent).toEqual([
      { id: 1, method: 'getInventory', params: { refresh: true } },
      { id: 2, method: 'maxLunSize', params: { subsystemId: 's', type: 'simple' } },
    ]);
    socket.receive({
      id: 2,
      result: {
        ok: false,
        error: { code: 'E_INVALIDARG', hresult: 0x80070057, message: 'type: bad', field: 'type' },
      },
    });
    socket.receive({ id: 1, result: { ok: true, value: { subsystems: [] } } });
    await expect(inventory).resolves.toEqual({ subsystems: [] });
    const error = await max.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LunStudioError);
    expect(error).toMatchObject({
      code: 'E_INVALIDARG',
      hresult: 0x80070057,
      message: 'type: bad',
      field: 'type',
    });
    api.close();
  });

  it('carries the drive and repair methods: each request goes out under its own method name and its answer comes back', async () => {
    const api = make();
    const socket = FakeSocket.instances[0]!;
    socket.open();
    const drive = { subsystemId: 's', driveId: 'd1' };
    const lun = { subsystemId: 's', lunId: 'l1' };
    const calls: [string, unknown, Promise<unknown>][] = [
      ['recoverLun', lun, api.recoverLun(lun)],
      ['lunDetails', lun, api.lunDetails(lun)],
      ['listExtents', { subsystemId: 's' }, api.listExtents({ subsystemId: 's' })],
      ['identifyDrive', { ...drive, on: true }, api.identifyDrive({ ...drive, on: true })],
      ['setHotSpare', { ...drive, hotSpare: false }, api.setHotSpare({ ...drive, hotSpare: false })],
      [
        'replaceDrive',
        { ...drive, replacementDriveId: 'd2' },
        api.replaceDrive({ ...drive, replacementDriveId: 'd2' }),
      ],
      ['simFailDrive', drive, api.simFailDrive(drive)],
      ['simRestoreDrive', drive, api.simRestoreDrive(drive)],
    ];
    expect(socket.sent).toEqual(calls.map(([method, params], i) => ({ id: i + 1, method, params })));
    calls.forEach(([method], i) => socket.receive({ id: i + 1, result: { ok: true, value: { method } } }));
    expect(await Promise.all(calls.map(([, , p]) => p))).toEqual(calls.map(([method]) => ({ method })));
    expect(
      Object.keys(api)
        .filter((k) => !['subscribe', 'onConnectionChange', 'close'].includes(k))
        .sort(),
    ).toEqual([...API_METHOD_NAMES].sort());
    api.close();
  });

  it('methods without a request send no params; pushed events reach subscribers', async () => {
    const api = make();
    const socket = FakeSocket.instances[0]!;
    socket.open();
    const events: unknown[] = [];
    const unsubscribe = api.subscribe((e) => events.push(e));
    const listing = api.listOperations().catch((e: unknown) => e);
    expect(socket.sent).toEqual([{ id: 1, method: 'listOperations' }]);
    socket.receive({ event: { type: 'operationsProgress', operations: [{ id: 'x' }] } });
    unsubscribe();
    socket.receive({ event: { type: 'operationsProgress', operations: [{ id: 'y' }] } });
    expect(events).toEqual([{ type: 'operationsProgress', operations: [{ id: 'x' }] }]);
    api.close();
    await expect(listing).resolves.toMatchObject({ code: DISCONNECTED_CODE });
  });

  it('rejects pending calls with a typed error on disconnect and reconnects with growing backoff', async () => {
    vi.useFakeTimers();
    const api = make();
    const states: string[] = [];
    api.onConnectionChange((s) => states.push(s));
    const first = FakeSocket.instances[0]!;
    first.open();
    const pending = api.listOperations();
    first.close();
    await expect(pending).rejects.toMatchObject({ code: DISCONNECTED_CODE, hresult: 0x800704d4 });
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.instances[1]!.close(); // fails again (server unreachable): next wait doubles
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.instances).toHaveLength(3);
    FakeSocket.instances[2]!.open();
    expect(states).toEqual(['open', 'closed', 'connecting', 'closed', 'connecting', 'open']);
    api.close();
  });
});

describe('access token', () => {
  it('is offered in the handshake as a subprotocol next to the API protocol', () => {
    const api = make();
    expect(FakeSocket.instances[0]!.protocols).toEqual(['lun-studio.v1', `lun-studio.token.${TOKEN}`]);
    api.close();
  });

  it('refused while the server is up: says unauthorized and stops retrying', async () => {
    vi.useFakeTimers();
    const checked: string[] = [];
    const api = make(async (token) => (checked.push(token), false));
    const states: string[] = [];
    api.onConnectionChange((s) => states.push(s));
    FakeSocket.instances[0]!.close();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(checked).toEqual([TOKEN]);
    expect(states).toEqual(['unauthorized']);
    expect(FakeSocket.instances).toHaveLength(1);
    api.close();
  });

  it('refused but the token is good (the server was not ready): retries', async () => {
    vi.useFakeTimers();
    const api = make(async () => true);
    FakeSocket.instances[0]!.close();
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.instances).toHaveLength(2);
    api.close();
  });

  it('is taken from the fragment (kept per origin, removed from the address bar), else from storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const replaced: string[] = [];
    const at = (hash: string) => ({ hash, pathname: '/', search: '' });
    expect(takeAccessToken(at(`#token=${TOKEN}`), storage, (u) => replaced.push(u))).toBe(TOKEN);
    expect(store.get('lun-studio.token')).toBe(TOKEN);
    const other = 'b'.repeat(43);
    expect(takeAccessToken(at(`#token=${other}#/create`), storage, (u) => replaced.push(u))).toBe(other);
    expect(replaced).toEqual(['/', '/#/create']);
    // reopened without the fragment: the kept token
    expect(takeAccessToken(at('#/monitor'), storage, (u) => replaced.push(u))).toBe(other);
    expect(replaced).toHaveLength(2);
    // not a token: ignored, nothing kept
    expect(takeAccessToken(at('#token=short'), undefined, (u) => replaced.push(u))).toBeUndefined();
  });
});

describe('desktop bridge wrapper', () => {
  it('turns bare rejections into LunStudioError and unwraps ApiResult answers', async () => {
    const fake = new FakeApi();
    fake.maxLunSize.mockRejectedValueOnce({
      code: 'VDS_E_NOT_SUPPORTED',
      hresult: 0x80042400,
      message: 'No.',
    });
    fake.listOperations.mockResolvedValueOnce({ ok: true, value: [] } as never);
    fake.getInventory.mockResolvedValueOnce({
      ok: false,
      error: { code: 'E_ACCESSDENIED', hresult: 0x80070005, message: 'Denied.' },
    } as never);
    const api = wrapBridgeApi(fake);
    await expect(api.maxLunSize({ subsystemId: 's', type: 'simple' })).rejects.toMatchObject({
      name: 'LunStudioError',
      code: 'VDS_E_NOT_SUPPORTED',
    });
    await expect(api.listOperations()).resolves.toEqual([]);
    await expect(api.getInventory({})).rejects.toMatchObject({ code: 'E_ACCESSDENIED', hresult: 0x80070005 });
  });
});
