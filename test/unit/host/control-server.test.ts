// The owner's control endpoint: only a client with the secret gets in, a browser-looking request never does,
// and no byte sequence ends the owner.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LunStudioEvent } from '../../../electron/contract/api';
import type { ApiDispatch } from '../../../electron/host/api-dispatcher';
import { connectControl } from '../../../electron/host/owner/control-client';
import { startControlServer, type ControlServer } from '../../../electron/host/owner/control-server';

const SECRET = 'a-secret-only-this-user-can-read';

function rawExchange(endpoint: string, bytes: Buffer | string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(endpoint);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('connect', () => {
      socket.write(bytes);
      setTimeout(() => socket.end(), 20);
    });
    setTimeout(() => socket.destroy(), 1000);
  });
}

describe('control endpoint', () => {
  let dir: string;
  let endpoint: string;
  let server: ControlServer;
  const handlers = new Set<(event: LunStudioEvent) => void>();
  const calls: string[] = [];
  const dispatch: ApiDispatch = async (method) => {
    calls.push(String(method));
    return { ok: true, value: { echoed: method } };
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-control-'));
    endpoint = path.join(dir, 'control.sock');
    calls.length = 0;
    server = await startControlServer({
      endpoint,
      secret: SECRET,
      dispatch,
      events: {
        subscribe: (handler) => {
          handlers.add(handler);
          return () => handlers.delete(handler);
        },
      },
    });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets a client with the secret call the API and hear its events; the socket is for this user only', async () => {
    expect(fs.statSync(endpoint).mode & 0o777).toBe(0o600);
    const client = await connectControl(endpoint, SECRET);
    expect(await client.dispatch('listOperations', undefined)).toEqual({
      ok: true,
      value: { echoed: 'listOperations' },
    });
    const heard: LunStudioEvent[] = [];
    client.subscribe((event) => heard.push(event));
    const event = { type: 'operationStarted', operation: { id: 'op-1' } } as unknown as LunStudioEvent;
    for (const handler of handlers) handler(event);
    await expect.poll(() => heard).toEqual([event]);
    expect(server.connections()).toBe(1);
    await client.close();
    await expect.poll(() => server.connections()).toBe(0);
  });

  it('refuses a wrong or missing secret and anything that carries an Origin, calling nothing', async () => {
    await expect(connectControl(endpoint, 'guess')).rejects.toThrow(/401/);
    await expect(connectControl(endpoint, '')).rejects.toThrow(/401/);
    const upgrade = (headers: string) =>
      `GET /control HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${headers}\r\n`;
    expect(
      await rawExchange(endpoint, upgrade(`x-lun-studio-secret: ${SECRET}\r\nOrigin: http://evil\r\n`)),
    ).toMatch(/^HTTP\/1\.1 403/);
    expect(await rawExchange(endpoint, upgrade(`x-lun-studio-secret: ${SECRET.toUpperCase()}\r\n`))).toMatch(
      /^HTTP\/1\.1 401/,
    );
    expect(await rawExchange(endpoint, 'GET /control HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 426/,
    );
    expect(calls).toEqual([]);
  });

  it('survives 300 arbitrary byte sequences and still serves a good client', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
          fc.string({ maxLength: 400 }).map((text) => `GET ${text} HTTP/1.1\r\n${text}\r\n\r\n`),
        ),
        async (bytes) => {
          await rawExchange(endpoint, bytes);
        },
      ),
      { numRuns: 300 },
    );
    const client = await connectControl(endpoint, SECRET);
    expect((await client.dispatch('getInventory', {})).ok).toBe(true);
    await client.close();
    expect(calls).toEqual(['getInventory']);
  }, 60_000);
});
